import posixpath
import re

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import index, sitemap
from django.http import Http404
from django.urls import include, path, re_path
from django.views.static import serve

from news.sitemaps import SECTIONS
from news.uploads import editor_upload
from news.views import robots_txt
from portal.documents.files import FOLDER as DOCUMENTS_FOLDER
from portal.newsroom import passwords

admin.site.site_header = "Quản trị Cổng thông tin Liên đoàn Lao động tỉnh"
admin.site.site_title = "Quản trị cổng thông tin"
admin.site.index_title = "Quản lý nội dung"
# No app list down the left of every page: on a 1366 px laptop the article list needs the room,
# and the breadcrumbs and the index lead everywhere the sidebar did.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    # Before the admin's own URLs: its login page shows "Quên mật khẩu?" when these exist.
    path("admin/", include(passwords.urlpatterns)),
    path("admin/", admin.site.urls),
    # Our own upload view instead of ckeditor_uploader.urls (csrf_exempt upload, file browser).
    path("ckeditor/upload/", editor_upload, name="ckeditor_upload"),
    path(
        "sitemap.xml",
        index,
        {"sitemaps": SECTIONS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SECTIONS}, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("", include("portal.mostread.urls")),
    path("hoi-dap/", include("portal.questions.urls")),
    path("van-ban/", include("portal.documents.urls")),
    path("", include("portal.gallery.urls")),
    path("", include("news.urls")),
]


def serve_media(request, path):
    """Django's static serve, refusing hidden folders such as the trash (MEDIA_ROOT/.trash/)."""
    if any(part.startswith(".") for part in re.split(r"[/\\]", path)):
        raise Http404
    # As nginx: documents go out only through their download view, as attachments.
    if posixpath.normpath(path).lstrip("/").startswith(DOCUMENTS_FOLDER):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    # static() serves nothing unless DEBUG is on; tests (DEBUG off) need the pictures too.
    # SecurityMiddleware adds nosniff and PathCSPMiddleware the sandbox policy of MEDIA_URL.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_media,
        )
    ]
