from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("tin-tuc/", views.ArticleListView.as_view(), name="article-list"),
    path("tin-tuc/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("chuyen-muc/<slug:slug>/", views.CategoryDetailView.as_view(), name="category-detail"),
    path("don-vi/<slug:slug>/", views.UnitDetailView.as_view(), name="unit-detail"),
    path("tim-kiem/", views.SearchView.as_view(), name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("rss/<slug:slug>/", feeds.CategoryArticlesFeed(), name="category-feed"),
]
