from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView, TemplateView

from .models import Article, Category


class PublishedArticlesMixin:
    """Every public list starts from Article.objects.published()."""

    paginate_by = 12

    def get_queryset(self):
        return Article.objects.published().for_cards()


class HomeView(TemplateView):
    template_name = "news/home.html"

    def get_context_data(self, **kwargs):
        published = Article.objects.published().for_cards()
        latest_per_category = Prefetch(
            "articles", queryset=published[:4], to_attr="latest_articles"
        )
        return super().get_context_data(
            featured=published.filter(is_featured=True)[:5],
            category_blocks=Category.objects.prefetch_related(latest_per_category),
            **kwargs,
        )


class ArticleListView(PublishedArticlesMixin, ListView):
    template_name = "news/article_list.html"


class CategoryDetailView(PublishedArticlesMixin, ListView):
    template_name = "news/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class ArticleDetailView(DetailView):
    def get_queryset(self):
        articles = Article.objects.select_related("category").prefetch_related("photos")
        # Staff who may edit articles preview drafts; for everyone else a draft is a 404.
        if self.request.user.has_perm("news.change_article"):
            return articles
        return articles.published()

    def get_context_data(self, **kwargs):
        related = (
            Article.objects.published()
            .for_cards()
            .filter(category_id=self.object.category_id)
            .exclude(pk=self.object.pk)[:4]
        )
        return super().get_context_data(related_articles=related, **self.neighbours(), **kwargs)

    def neighbours(self):
        """The published articles just before and after this one in its category, in one query."""
        article = self.object
        when, pk = article.published_at, article.pk
        in_category = (
            Article.objects.published()
            .filter(category_id=article.category_id)
            .only("title", "slug", "published_at")
        )
        older = in_category.filter(Q(published_at__lt=when) | Q(published_at=when, pk__lt=pk))
        newer = in_category.filter(Q(published_at__gt=when) | Q(published_at=when, pk__gt=pk))
        # Two LIMIT 1 subqueries in one statement (SQLite refuses LIMIT inside a UNION).
        pair = in_category.filter(
            Q(pk__in=older.order_by("-published_at", "-pk").values("pk")[:1])
            | Q(pk__in=newer.order_by("published_at", "pk").values("pk")[:1])
        )
        found = {"previous_article": None, "next_article": None}
        for other in pair:
            older_one = (other.published_at, other.pk) < (when, pk)
            found["previous_article" if older_one else "next_article"] = other
        return found

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_published():
            add_never_cache_headers(response)
        return response
