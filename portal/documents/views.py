from urllib.parse import quote, urlencode

from csp.decorators import csp
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.generic import DetailView, ListView

from news.models import Article
from news.search import whole_words

from .forms import DocumentFilterForm
from .models import Document, DocumentFile, ascii_filename

# A downloaded file is never a page of this site: were a browser to render it, it runs nothing.
DOWNLOAD_CSP = {"default-src": ["'none'"], "sandbox": True, "frame-ancestors": ["'none'"]}


def visible_documents(request):
    """published() for readers; staff who may change documents also preview the others."""
    if request.user.has_perm("documents.change_document"):
        return Document.objects.all()
    return Document.objects.published()


class DocumentListView(ListView):
    template_name = "documents/document_list.html"
    paginate_by = 20

    def get_queryset(self):
        self.form = DocumentFilterForm(self.request.GET)
        self.filters = self.form.filters()
        documents = Document.objects.published().for_list().filter(**self.filters)
        if self.form.words:
            documents = documents.filter(whole_words(self.form.words))
        return documents

    def get_context_data(self, **kwargs):
        kept = {
            name: value
            for name, value in self.request.GET.items()
            if name in self.form.fields and name not in self.form.errors and value
        }
        return super().get_context_data(
            form=self.form,
            search_words=self.form.words,
            filtered=bool(self.filters or self.form.words),
            pagination_query=urlencode(kept),
            **kwargs,
        )


class DocumentDetailView(DetailView):
    template_name = "documents/document_detail.html"

    def get_queryset(self):
        articles = Article.objects.published().only("title", "slug", "published_at")
        return (
            visible_documents(self.request)
            .for_list()
            .prefetch_related(
                "files",
                Prefetch("articles", queryset=articles.order_by("-published_at")),
            )
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_published():
            add_never_cache_headers(response)
        return response


@csp(DOWNLOAD_CSP)
def download(request, slug, pk):
    """The file as an attachment, whatever the storage: never shown inline, never sniffed."""
    attached = get_object_or_404(
        DocumentFile.objects.select_related("document"),
        pk=pk,
        document__in=visible_documents(request),
        document__slug=slug,
    )
    several = DocumentFile.objects.filter(document_id=attached.document_id).count() > 1
    name = attached.download_name(several=several)
    try:
        handle = attached.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("Tệp không còn trên máy chủ.") from None
    response = FileResponse(handle, content_type=attached.content_type)
    response["Content-Disposition"] = content_disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if attached.document.is_published():
        patch_cache_control(response, public=True, max_age=3600)
    else:
        add_never_cache_headers(response)
    return response


def content_disposition(name):
    """RFC 6266: an ASCII ``filename`` for old clients and the Vietnamese ``filename*``."""
    stem, _, extension = name.rpartition(".")
    fallback = f"{ascii_filename(stem)}.{extension}"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
