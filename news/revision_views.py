"""The admin's "Phiên bản" pages of an article: the list, one version, two compared, a restore.

Each view is a method-like function of ArticleAdmin (``admin`` first), so who may see an
article here is exactly who may see it in the admin (its get_queryset limits a correspondent
to their unit's articles).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe

from portal.newsroom.people import display_name

from . import revisions, workflow
from .sanitize import clean_html


def _article(admin, request, object_id):
    if not admin.has_view_or_change_permission(request):
        raise PermissionDenied
    return get_object_or_404(admin.get_queryset(request), pk=object_id)


def _version(article, version_id):
    return get_object_or_404(revisions.versions_of(article), pk=version_id)


def _context(admin, request, article, title, **extra):
    return {
        **admin.admin_site.each_context(request),
        "opts": admin.opts,
        "original": article,
        "title": title,
        "subtitle": article.title,
        "versions_url": reverse("admin:news_article_versions", args=[article.pk]),
        "change_url": reverse("admin:news_article_change", args=[article.pk]),
        "may_edit": workflow.can_edit(request.user, article),
        **extra,
    }


def _photo_rows(photos):
    return [
        {**data, "url": default_storage.url(data["image"]) if data["image"] else ""}
        for data in photos.values()
    ]


def version_list(admin, request, object_id):
    article = _article(admin, request, object_id)
    entries = revisions.history(article)
    for entry in entries:
        entry["who"] = display_name(entry["version"].revision.user)
    return TemplateResponse(
        request,
        "admin/news/article/versions.html",
        _context(admin, request, article, "Phiên bản của bài", entries=entries),
    )


def version_detail(admin, request, object_id, version_id):
    article = _article(admin, request, object_id)
    version = _version(article, version_id)
    snapshot = revisions.snapshot_of_version(version)
    return TemplateResponse(
        request,
        "admin/news/article/version_detail.html",
        _context(
            admin,
            request,
            article,
            f"Phiên bản lúc {revisions.version_label(version)}",
            version=version,
            who=display_name(version.revision.user),
            fields=revisions.readable(snapshot),
            # Stored bodies are cleaned on save; cleaned again since this is shown as HTML.
            body=mark_safe(clean_html(snapshot["fields"]["body"])),
            photos=_photo_rows(snapshot["photos"]),
        ),
    )


def version_compare(admin, request, object_id):
    article = _article(admin, request, object_id)
    versions = revisions.versions_of(article)
    old = get_object_or_404(versions, pk=request.GET.get("cu") or 0)
    new = get_object_or_404(versions, pk=request.GET.get("moi") or 0)
    if old.revision.date_created > new.revision.date_created:
        old, new = new, old
    diff = revisions.compare(revisions.snapshot_of_version(old), revisions.snapshot_of_version(new))
    for photo in diff["photos"]:
        for side in ("old", "new"):
            if photo[side]:
                photo[side] = _photo_rows({0: photo[side]})[0]
    return TemplateResponse(
        request,
        "admin/news/article/version_compare.html",
        _context(
            admin,
            request,
            article,
            "So sánh hai phiên bản",
            old=old,
            new=new,
            old_label=revisions.version_label(old),
            new_label=revisions.version_label(new),
            diff=diff,
        ),
    )


def version_restore(admin, request, object_id, version_id):
    article = _article(admin, request, object_id)
    version = _version(article, version_id)
    if request.method == "POST":
        try:
            changed, problems = revisions.restore(article, version, by=request.user)
        except revisions.RestoreRefused as refusal:
            raise PermissionDenied(str(refusal)) from None
        if not changed:
            messages.info(request, "Phiên bản này giống bài hiện tại: không có gì để khôi phục.")
        else:
            messages.success(
                request,
                f"Đã khôi phục phiên bản lúc {revisions.version_label(version)}. "
                f"Trạng thái bài giữ nguyên: {article.state_label}.",
            )
        for problem in problems:
            messages.warning(request, f"Không khôi phục được: {problem}.")
        return redirect("admin:news_article_change", article.pk)
    current = revisions.snapshot_of(article)
    diff = revisions.compare(current, revisions.snapshot_of_version(version))
    # The state is not restored: it is not offered as a change.
    diff["rows"] = [row for row in diff["rows"] if row["label"] != "trạng thái"]
    return TemplateResponse(
        request,
        "admin/news/article/version_restore.html",
        _context(
            admin,
            request,
            article,
            "Khôi phục phiên bản",
            version=version,
            version_label=revisions.version_label(version),
            diff=diff,
        ),
    )
