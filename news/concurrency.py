"""Two people, one article: a save from a form opened before someone else's save is refused.

The article's ``edit_version`` goes up on every save; the form carries the value it was opened
at. Inside the save's transaction the stored row is locked and compared: a different value
means someone saved in between, whatever they changed (photos included, since any change in
the form saves the article). The refusal names who saved and when and what they changed, and
the form comes back with the person's own text, now carrying the stored value, so a second
save after merging goes through. A person saving twice is never refused: each save sends them
a form with the new value.
"""

from django.utils.timezone import localtime

from portal.newsroom.people import display_name

from .models import Article
from .revisions import changed_labels, snapshot_of, snapshot_of_version, version_at, versions_of


def stored_edit_version(pk):
    """The stored counter, with the row locked until the transaction ends (PostgreSQL)."""
    return (
        Article.objects.select_for_update()
        .filter(pk=pk)
        .values_list("edit_version", flat=True)
        .first()
    )


def conflict_message(article_pk, opened_version):
    article = Article.objects.select_related("updated_by__profile").get(pk=article_pk)
    savers = []
    for version in versions_of(article):
        if version.field_dict.get("edit_version", 0) <= opened_version:
            break
        name = display_name(version.revision.user)
        if name not in savers:
            savers.append(name)
    if not savers:
        savers = [display_name(article.updated_by)]
    opened = version_at(article, opened_version)
    changes = changed_labels(snapshot_of_version(opened), snapshot_of(article)) if opened else []
    what = f" Thay đổi: {', '.join(changes)}." if changes else ""
    when = localtime(article.updated_at)
    return (
        f"Bài đã được {', '.join(savers)} lưu lúc {when:%H:%M %d/%m/%Y}, sau khi bạn mở bài."
        f"{what} Bài của bạn CHƯA được lưu; nội dung bạn gõ vẫn còn trong biểu mẫu dưới đây. "
        "Hãy mở bài trong thẻ mới để xem bản hiện tại, hợp nhất phần của bạn rồi bấm Lưu lần nữa."
    )
