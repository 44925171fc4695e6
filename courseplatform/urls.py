from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("api/", include("exercises.api.urls")),
    path("exercises/", include("exercises.urls")),
    path("", include("lessons.urls")),
]

# JSON under /api/, the site's pages elsewhere (courseplatform/errors.py).
handler400 = "courseplatform.errors.bad_request"
handler403 = "courseplatform.errors.permission_denied"
handler404 = "courseplatform.errors.page_not_found"
handler500 = "courseplatform.errors.server_error"
