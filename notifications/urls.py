from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("<int:pk>/", views.open_notice, name="open"),
    path("read/", views.mark_all_read, name="mark_all_read"),
]
