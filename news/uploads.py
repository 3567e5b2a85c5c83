"""The editor's image upload, in place of django-ckeditor's csrf_exempt upload and browse views.

CKEditor 4 uploads by XHR (fileTools) and reads a JSON answer; ckeditor-upload.js adds Django's
CSRF token, which CsrfViewMiddleware checks as for any other POST. The legacy "form" mode, whose
answer is a script built around CKEditorFuncNum, is not offered. django-ckeditor's file browser
is not mounted either (it lists every upload to any staff member and needs inline scripts): the
image dialog browses the photo library instead (portal/photos/admin.py, browse_view).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import renditions
from .images import clean_image

UPLOAD_PERMISSIONS = ("news.add_article", "news.change_article")


def _refuse(message, status=200):
    # CKEditor shows error.message to the editor only from a 2xx answer; 4xx is for requests that
    # no editor of ours sends.
    return JsonResponse({"uploaded": 0, "error": {"message": message}}, status=status)


def _may_upload(user):
    return (
        user.is_active
        and user.is_staff
        and any(user.has_perm(permission) for permission in UPLOAD_PERMISSIONS)
    )


def _same_origin(request):
    """The request was sent by a page of this site: Origin, or Referer when a browser omits it."""
    origin = request.headers.get("Origin")
    if origin is None:
        parts = urlsplit(request.headers.get("Referer", ""))
        origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    return origin in allowed


@never_cache
@require_POST
def editor_upload(request):
    if not _may_upload(request.user):
        return _refuse("Bạn không có quyền tải ảnh lên.", status=403)
    if not _same_origin(request):
        return _refuse("Yêu cầu không đến từ trang quản trị của cổng thông tin.", status=403)
    func_num = request.GET.get("CKEditorFuncNum")
    if func_num is not None and not (func_num.isascii() and func_num.isdigit()):
        return _refuse("Tham số CKEditorFuncNum không hợp lệ.", status=400)
    upload = request.FILES.get("upload")
    if upload is None:
        return _refuse("Chưa có tệp ảnh nào được gửi lên.", status=400)
    try:
        image = clean_image(upload)
    except ValidationError as error:
        return _refuse(error.messages[0])
    folder = f"{settings.CKEDITOR_UPLOAD_PATH}{timezone.localdate():%Y/%m}/"
    name = default_storage.save(folder + image.name, image)
    # Readers get renditions of it (news/body_pictures.py), made now, not on their request.
    renditions.make_on_commit(name)
    return JsonResponse(
        {"uploaded": 1, "fileName": name.rsplit("/", 1)[-1], "url": default_storage.url(name)}
    )
