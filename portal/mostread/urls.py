from django.urls import path

from . import views

app_name = "mostread"

urlpatterns = [
    path("luot-xem/<int:pk>/", views.beacon, name="beacon"),
]
