import copy
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from portal.newsroom.models import Unit
from portal.pagecache import memo

from . import reads
from .context_processors import menu_categories
from .models import Article
from .paging import IndexPaginator
from .related import CATEGORY_WINDOW, category_newest, neighbours, order, with_categories
from .search import parse_query, search_articles

RELATED_COUNT = 4
# A search ranks the newest this many matches; more is more than a reader pages through.
SEARCH_RESULTS = 1000


class PublishedArticlesMixin:
    """Every public list starts from Article.objects.published()."""

    paginate_by = 12
    paginator_class = IndexPaginator
    context_object_name = "article_list"  # named without building the queryset to ask it

    def get_queryset(self):
        # Built on first use only: a page whose rows are read prepared (news/paging.py), with
        # its total known in this state of the content, needs no queryset at all.
        return SimpleLazyObject(lambda: self.articles(timezone.now()))

    def get_template_names(self):
        # Django's would build the queryset to name a fallback template none of these needs.
        return [self.template_name]

    def articles(self, now):
        """The list's articles as of ``now``: the one definition its pages are built from."""
        return Article.objects.published(now).for_cards()

    def get_paginator(self, *args, **kwargs):
        return super().get_paginator(
            *args, list_key=self.list_key(), rows=self.page_rows(), source=self.articles, **kwargs
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, more = super().paginate_queryset(queryset, page_size)
        return paginator, page, with_categories(rows), more

    def page_rows(self):
        """The page's rows by their ids, without published()'s rule a second time."""
        return Article.objects.card_columns()

    def list_key(self):
        """What ``articles()`` depends on besides the content and the time."""
        return (type(self).__name__,)


class HomeView(TemplateView):
    template_name = "news/home.html"
    BLOCK_SIZE = 4

    def get_context_data(self, **kwargs):
        featured = reads.featured_articles()
        # Each article once: the featured ones are not repeated in their category's block. The
        # blocks come from each category's newest, kept per state of the content (the window is
        # far larger than a block plus the featured few).
        shown = {article.pk for article in featured}
        blocks = []
        for category in menu_categories():
            block = copy.copy(category)  # the menu's rows are shared by every request
            newest = category_newest(category.pk)
            block.latest_articles = [a for a in newest if a.pk not in shown][: self.BLOCK_SIZE]
            blocks.append(block)
        return super().get_context_data(featured=featured, category_blocks=blocks, **kwargs)


class ArticleListView(PublishedArticlesMixin, ListView):
    template_name = "news/article_list.html"


class CategoryDetailView(PublishedArticlesMixin, ListView):
    template_name = "news/category_detail.html"

    def get(self, request, *args, **kwargs):
        # From the menu's rows, shared by every page of the content's current state.
        found = [category for category in menu_categories() if category.slug == kwargs["slug"]]
        if not found:
            raise Http404("Không có chuyên mục này.")
        self.category = found[0]
        return super().get(request, *args, **kwargs)

    def articles(self, now):
        return super().articles(now).filter(category=self.category)

    def list_key(self):
        return (type(self).__name__, self.category.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class UnitDetailView(PublishedArticlesMixin, ListView):
    """A unit's published articles: what a district federation or a union has sent."""

    template_name = "news/unit_detail.html"

    def get(self, request, *args, **kwargs):
        self.unit = get_object_or_404(Unit, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def articles(self, now):
        return super().articles(now).filter(author_unit=self.unit)

    def list_key(self):
        return (type(self).__name__, self.unit.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(unit=self.unit, **kwargs)


def units_by_pk():
    """Every unit, for articles' bylines: few, and kept per state of the content."""
    return memo.shared("units", lambda: {unit.pk: unit for unit in Unit.objects.all()})


class ArticleDetailView(DetailView):
    def get_object(self, queryset=None):
        # Staff who may edit articles preview drafts; for everyone else a draft is a 404. An
        # article in the trash is a 404 for everyone (its pictures are out of the served tree).
        if self.request.user.has_perm("news.change_article"):
            article = get_object_or_404(Article.objects.live(), slug=self.kwargs["slug"])
        else:
            article = reads.published_article(self.kwargs["slug"])
            if article is None:
                raise Http404("Không có bài viết này.")
        # Its category and unit from the lists every page shares (memo) rather than a join on
        # every page; one just created and not in them yet is read as usual.
        with_categories([article])
        units = units_by_pk()
        if article.author_unit_id in units:
            article.author_unit = units[article.author_unit_id]
        return article

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            photos=reads.photos_of(self.object),
            # The article's own address, without any query string a visitor arrived with.
            page_url=self.request.build_absolute_uri(self.object.get_absolute_url()),
            **self.same_category(),
            **kwargs,
        )

    def same_category(self):
        """Related articles and the previous/next one in the category: from the category's
        newest articles, shared by every page of the content's current state
        (portal.pagecache.memo); an article older than those asks for its neighbours alone."""
        article = self.object
        # A draft previewed by staff has no publication time yet: neighbours of "now".
        here = (article.published_at or timezone.now(), article.pk)
        newest = category_newest(article.category_id)
        others = [other for other in newest if other.pk != article.pk]
        older = [other for other in others if order(other) < here]
        newer = [other for other in others if order(other) > here]
        # The window holds every article newer than its oldest one: an article inside it, or
        # a category smaller than it, has both neighbours there.
        if older or len(newest) < CATEGORY_WINDOW:
            previous, following = (older[0] if older else None), (newer[-1] if newer else None)
        else:
            previous, following = neighbours(article.category_id, *here)
        return {
            "related_articles": others[:RELATED_COUNT],
            "previous_article": previous,
            "next_article": following,
        }

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_published():
            add_never_cache_headers(response)
        return response


class SearchView(PublishedArticlesMixin, ListView):
    """Search results: every word must appear, without regard to marks or capitals."""

    template_name = "news/search.html"

    def get(self, request, *args, **kwargs):
        self.query = parse_query(request.GET.get("q", ""))
        response = super().get(request, *args, **kwargs)
        response.status_code = self.query.status
        return response

    def list_key(self):
        return None  # one total per search: not worth keeping

    def page_rows(self):
        return None  # ranked: the page keeps the search's own order

    def get_queryset(self):
        if not self.query:
            return Article.objects.none()
        return search_articles(super().get_queryset(), self.query.words, newest=SEARCH_RESULTS)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            search=self.query,
            search_limit=SEARCH_RESULTS,
            pagination_query=urlencode({"q": self.query.text}),
            **kwargs,
        )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "Disallow: /ckeditor/",
        f"Disallow: {reverse('news:search')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
