from django.urls import path

from library import views

app_name = "library"

urlpatterns = [
    path("", views.library, name="list"),
    path("best-practices/<int:pk>/", views.best_practice, name="best_practice"),
    path("best-practices/<int:pk>/share/", views.share_attachments, name="share"),
    path("search/", views.search_findings, name="search"),
]
