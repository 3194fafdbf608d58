from django.urls import path

from trends import views

app_name = "trends"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("trends.xlsx", views.overview_xlsx, name="overview_xlsx"),
    path("zones/<int:number>/", views.zone_trends, name="zone"),
    path("zones/<int:number>/trends.xlsx", views.zone_trends_xlsx, name="zone_xlsx"),
    path("national/", views.national, name="national"),
    path("national.xlsx", views.national_xlsx, name="national_xlsx"),
]
