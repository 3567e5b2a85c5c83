from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="document-list"),
    path("<slug:slug>/", views.DocumentDetailView.as_view(), name="document-detail"),
    path("<slug:slug>/tep/<int:pk>/", views.download, name="file-download"),
]
