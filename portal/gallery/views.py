from dataclasses import dataclass

from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from news import renditions

from .models import Album, Video

SECTIONS = {
    "albums": {"name": "Thư viện ảnh", "url": "gallery:album-list"},
    "videos": {"name": "Video", "url": "gallery:video-list"},
}


@dataclass(frozen=True)
class Section:
    """The section as breadcrumbs show it ({% breadcrumbs category=... %})."""

    name: str
    url: str

    def get_absolute_url(self):
        return self.url


def section(key):
    return Section(SECTIONS[key]["name"], reverse(SECTIONS[key]["url"]))


class PreviewMixin:
    """Every public path starts from published(); staff who may change the row preview it,
    sent with no-cache headers, and everyone else gets the 404 of a missing one."""

    def visible(self, queryset):
        perm = f"{queryset.model._meta.app_label}.change_{queryset.model._meta.model_name}"
        return queryset if self.request.user.has_perm(perm) else queryset.published()

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_published_now():
            add_never_cache_headers(response)
        return response


class AlbumListView(ListView):
    template_name = "gallery/album_list.html"
    paginate_by = 12

    def get_queryset(self):
        return Album.objects.published().for_cards().defer("description", "search_text")


class AlbumDetailView(PreviewMixin, DetailView):
    template_name = "gallery/album_detail.html"

    def get_queryset(self):
        return self.visible(Album.objects.all())

    def get_context_data(self, **kwargs):
        items = list(self.object.items.select_related("picture"))
        for item in items:
            item.large_url = large_url(item.picture.image)
        return super().get_context_data(items=items, crumb_section=section("albums"), **kwargs)


class VideoListView(ListView):
    template_name = "gallery/video_list.html"
    paginate_by = 12

    def get_queryset(self):
        return Video.objects.published().select_related("poster").defer("search_text")


class VideoDetailView(PreviewMixin, DetailView):
    template_name = "gallery/video_detail.html"

    def get_queryset(self):
        return self.visible(Video.objects.select_related("poster"))

    def get_context_data(self, **kwargs):
        poster = self.object.poster
        poster_set = renditions.rendition_set(poster.image, "article") if poster else None
        return super().get_context_data(
            poster_url=poster_set.src if poster_set else "",
            crumb_section=section("videos"),
            **kwargs,
        )


def large_url(field_file):
    """The picture at its largest rendition (1600 px wide), else the stored file (2560 px at
    most): what a thumbnail links to, so the full view needs no script."""
    found = renditions.jpeg_sizes(field_file.name, "article")
    if not found:
        return field_file.url
    largest = found[-1][0]
    return renditions.base_url(field_file.name) + renditions.file_name("article", largest, "jpg")
