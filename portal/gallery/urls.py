from django.urls import path

from . import views

app_name = "gallery"

urlpatterns = [
    path("thu-vien-anh/", views.AlbumListView.as_view(), name="album-list"),
    path("thu-vien-anh/<slug:slug>/", views.AlbumDetailView.as_view(), name="album-detail"),
    path("video/", views.VideoListView.as_view(), name="video-list"),
    path("video/<slug:slug>/", views.VideoDetailView.as_view(), name="video-detail"),
]
