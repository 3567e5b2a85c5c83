from django.urls import path

from . import views
from .feeds import LatestAnswersFeed

app_name = "questions"

urlpatterns = [
    path("", views.QuestionListView.as_view(), name="list"),
    path("chu-de/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("cau-hoi/<slug:slug>/", views.QuestionDetailView.as_view(), name="detail"),
    path("gui-cau-hoi/", views.AskView.as_view(), name="ask"),
    path("gui-cau-hoi/da-gui/", views.ThanksView.as_view(), name="thanks"),
    path("rss/", LatestAnswersFeed(), name="feed"),
]
