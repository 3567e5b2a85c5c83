"""Migration 0004: free-text units become Unit rows and nothing typed is lost."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("news", "0002_article_search"), ("newsroom", "0001_initial")]
AFTER = [("news", "0005_remove_article_author_unit_text"), ("newsroom", "0002_roles")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_free_text_units_become_units_and_nothing_is_lost():
    old = migrate(BEFORE)
    Category = old.get_model("news", "Category")
    Article = old.get_model("news", "Article")
    category = Category.objects.create(name="Hoạt động", slug="hoat-dong")
    now = timezone.now()
    texts = [
        "CĐCKCN",
        "cđckcn ",
        "CĐCKCN",
        "LĐLĐ huyện Tân Phú",
        "CĐ Ngành Y tế",
        "",
        "Ban Nữ công",
    ]
    for n, text in enumerate(texts):
        Article.objects.create(
            title=f"Bài {n}", slug=f"bai-{n}", summary="s", body="<p>b</p>", author_name="A",
            author_unit=text, category=category, status="published", published_at=now,
        )  # fmt: skip
    draft = Article.objects.create(
        title="Nháp", slug="nhap", summary="s", body="<p>b</p>", author_name="A",
        author_unit="CĐCKCN", category=category, status="draft", published_at=now,
    )  # fmt: skip
    backdated = Article.objects.create(
        title="Nháp hẹn", slug="nhap-hen", summary="s", body="<p>b</p>", author_name="A",
        author_unit="", category=category, status="draft",
        published_at=now - dt.timedelta(days=30),
    )  # fmt: skip

    try:
        new = migrate(AFTER)
        Unit = new.get_model("newsroom", "Unit")
        Article = new.get_model("news", "Article")
        units = {u.short_name: u for u in Unit.objects.all()}
        # "CĐCKCN" and "cđckcn " are one unit, spelt the way most rows spelt it.
        assert sorted(units) == ["Ban Nữ công", "CĐ Ngành Y tế", "CĐCKCN", "LĐLĐ huyện Tân Phú"]
        assert units["CĐCKCN"].kind == "zone"
        assert units["LĐLĐ huyện Tân Phú"].kind == "district"
        assert units["CĐ Ngành Y tế"].kind == "industry"
        assert units["Ban Nữ công"].kind == "office"
        got = {
            a.title: (a.author_unit.short_name if a.author_unit_id else "")
            for a in Article.objects.select_related("author_unit")
        }
        for n, text in enumerate(texts):
            assert got[f"Bài {n}"].casefold() == " ".join(text.split()).casefold()
        assert got["Nháp"] == "CĐCKCN"
        # A draft's default time is dropped (publishing will stamp it); a chosen one is kept.
        assert Article.objects.get(pk=draft.pk).published_at is None
        assert Article.objects.get(pk=backdated.pk).published_at is not None
        Group = new.get_model("auth", "Group")
        assert set(Group.objects.values_list("name", flat=True)) >= {
            "Cộng tác viên", "Biên tập viên", "Quản trị nội dung",
        }  # fmt: skip
    finally:
        # Back to the latest schema, whatever later migrations add, for the tests that follow.
        executor = MigrationExecutor(connection)
        migrate(executor.loader.graph.leaf_nodes())
