"""The portal's URLs with the article page behind Django's page cache, as a cache would serve it."""

from django.urls import include, path
from django.views.decorators.cache import cache_page

from news.views import ArticleDetailView

urlpatterns = [
    path(
        "tin-tuc/<slug:slug>/",
        cache_page(300)(ArticleDetailView.as_view()),
        name="cached-article-detail",
    ),
    path("", include("portal.urls")),
]
