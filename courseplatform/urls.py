from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("api/", include("exercises.api.urls")),
    path("exercises/", include("exercises.urls")),
    path("", include("lessons.urls")),
]
