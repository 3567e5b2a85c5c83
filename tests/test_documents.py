"""The documents register: the published rule, status, search and filters, downloads, admin."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.documents import cached, demo, samples
from portal.documents.files import as_upload
from portal.documents.models import Document, DocumentFile, DocumentType, Issuer
from tests.factories import (
    ArticleFactory,
    ContentAdminFactory,
    CorrespondentFactory,
    DocumentFactory,
    FieldFactory,
    IssuerFactory,
    StaffFactory,
    UserFactory,
    attach_document_file,
)
from tests.test_queries import HORIZON

pytestmark = pytest.mark.django_db

LIST_URL = reverse("documents:document-list")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root):
    return sorted(p for p in Path(root).rglob("*") if p.is_file())


def listed(client, query=""):
    response = client.get(LIST_URL + query)
    assert response.status_code == 200
    return {document.number for document in response.context["page_obj"]}


def document_editor():
    """An editor (Biên tập viên): the role holds the documents' permissions (migration 0003)."""
    return StaffFactory()


def test_editors_manage_documents_and_content_admins_the_lists_correspondents_neither():
    editor, admin = StaffFactory(), ContentAdminFactory()
    correspondent = CorrespondentFactory()
    assert editor.has_perms(["documents.add_document", "documents.delete_documentfile"])
    assert not editor.has_perm("documents.change_issuer")
    assert admin.has_perms(["documents.change_document", "documents.add_issuer"])
    assert not correspondent.has_perm("documents.view_document")


# --- the published rule ---------------------------------------------------------------------


def test_published_is_public_and_its_time_come():
    shown = DocumentFactory(number="1/KH-LĐLĐ")
    DocumentFactory(number="2/KH-LĐLĐ", hidden=True)
    DocumentFactory(number="3/KH-LĐLĐ", scheduled=True)
    assert list(Document.objects.published()) == [shown]
    assert shown.is_published()


def test_a_scheduled_document_appears_at_its_time(client, settings):
    document = DocumentFactory(number="9/TB-LĐLĐ", scheduled=True)
    assert client.get(document.get_absolute_url()).status_code == 404
    Document.objects.filter(pk=document.pk).update(
        published_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert client.get(document.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("trait", ["hidden", "scheduled"])
def test_every_public_path_respects_published(client, trait):
    document = DocumentFactory(number="77/CV-LĐLĐ", **{trait: True})
    attached = attach_document_file(document)
    article = ArticleFactory()
    document.articles.add(article)
    assert "77/CV-LĐLĐ" not in listed(client)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get(attached.get_absolute_url()).status_code == 404
    assert document.slug not in client.get("/sitemap-documents.xml").content.decode()
    assert "77/CV-LĐLĐ" not in client.get(article.get_absolute_url()).content.decode()
    assert "77/CV" not in Template("{% load documents_tags %}{% recent_documents %}").render(
        Context()
    )


def test_staff_who_may_change_documents_preview_without_cache(client):
    document = DocumentFactory(hidden=True)
    attached = attach_document_file(document)
    client.force_login(UserFactory(is_staff=True))
    assert client.get(document.get_absolute_url()).status_code == 404
    client.force_login(document_editor())
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Bản xem trước" in response.content.decode()
    download = client.get(attached.get_absolute_url())
    assert download.status_code == 200 and "no-store" in download["Cache-Control"]


# --- status, slug, search -------------------------------------------------------------------


def test_status_comes_from_the_dates():
    today = timezone.localdate()
    day = dt.timedelta(days=1)
    assert DocumentFactory(issued_on=today).status == Document.Status.IN_FORCE
    assert DocumentFactory(issued_on=today + day).status == Document.Status.PENDING
    pending = DocumentFactory(issued_on=today - day, effective_on=today + day)
    assert pending.get_status_display() == "Chưa có hiệu lực"
    assert DocumentFactory(expires_on=today + day).status == Document.Status.IN_FORCE
    expired = DocumentFactory(expires_on=today)
    assert expired.status == Document.Status.EXPIRED
    assert expired.get_status_display() == "Hết hiệu lực"


def test_slug_from_number_and_summary_and_clashes_numbered():
    first = DocumentFactory(number="125/QĐ-LĐLĐ", summary="Quyết định thành lập đoàn kiểm tra")
    second = DocumentFactory(number="125/QĐ-LĐLĐ", summary="Quyết định thành lập đoàn kiểm tra")
    assert first.slug == "125-qd-ldld-quyet-dinh-thanh-lap-doan-kiem-tra"
    assert second.slug == first.slug + "-2"


@pytest.mark.parametrize(
    "query, found",
    [
        ("125/QĐ-LĐLĐ", {"125/QĐ-LĐLĐ"}),
        ("125/qd-ldld", {"125/QĐ-LĐLĐ"}),
        ("qd ldld", {"125/QĐ-LĐLĐ"}),
        ("thang cong nhan", {"30/KH-LĐLĐ"}),
        ("THÁNG CÔNG NHÂN", {"30/KH-LĐLĐ"}),
        ("hoa", set()),  # whole words: 'hoa' is not 'hoạch'
        ("kiem tra", {"125/QĐ-LĐLĐ"}),
    ],
)
def test_search_without_diacritics_over_number_and_summary(client, query, found):
    DocumentFactory(number="125/QĐ-LĐLĐ", summary="Quyết định thành lập đoàn kiểm tra")
    DocumentFactory(number="30/KH-LĐLĐ", summary="Kế hoạch tổ chức Tháng Công nhân năm 2027")
    assert listed(client, "?" + f"q={query}") == found


def test_search_marks_the_words_found(client):
    DocumentFactory(number="30/KH-LĐLĐ", summary="Kế hoạch tổ chức Tháng Công nhân năm 2027")
    html = client.get(LIST_URL + "?q=thang+cong+nhan").content.decode()
    assert "<mark>Tháng</mark> <mark>Công</mark> <mark>nhân</mark>" in html


def test_a_control_character_in_the_query_gets_a_message(client):
    DocumentFactory()
    response = client.get(LIST_URL + "?q=a%01b")
    assert response.status_code == 200
    assert "Từ khóa có ký tự không hợp lệ" in response.content.decode()


# --- filters and pages ----------------------------------------------------------------------


def test_filters_by_type_issuer_year_and_field(client):
    decision = DocumentType.objects.get(name="Quyết định")
    national = IssuerFactory(name="Tổng Liên đoàn Lao động Việt Nam")
    wages = FieldFactory(name="Tiền lương, bảo hiểm xã hội")
    DocumentFactory(number="1/QĐ-TLĐ", doc_type=decision, issuer=national, field=wages,
                    issued_on=dt.date(2025, 3, 1))  # fmt: skip
    DocumentFactory(number="2/QĐ-LĐLĐ", doc_type=decision, issued_on=dt.date(2026, 3, 1))
    DocumentFactory(number="3/KH-LĐLĐ", issued_on=dt.date(2026, 4, 1))
    assert listed(client, "?loai=quyet-dinh") == {"1/QĐ-TLĐ", "2/QĐ-LĐLĐ"}
    assert listed(client, f"?co_quan={national.slug}") == {"1/QĐ-TLĐ"}
    assert listed(client, "?nam=2026") == {"2/QĐ-LĐLĐ", "3/KH-LĐLĐ"}
    assert listed(client, f"?linh_vuc={wages.slug}") == {"1/QĐ-TLĐ"}
    assert listed(client, "?loai=quyet-dinh&nam=2026") == {"2/QĐ-LĐLĐ"}
    assert listed(client, "?loai=quyet-dinh&nam=2026&q=khen+thuong") == set()


@pytest.mark.parametrize(
    "query", ["?loai=khong-co", "?nam=abc", "?nam=1850", "?co_quan=%3Cscript%3E", "?linh_vuc=x"]
)
def test_bad_filter_values_are_named_and_ignored(client, query):
    DocumentFactory(number="5/KH-LĐLĐ")
    response = client.get(LIST_URL + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "đang hiện" in html and 'aria-invalid="true"' in html
    assert "<script>" not in html
    assert {d.number for d in response.context["page_obj"]} == {"5/KH-LĐLĐ"}


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "%00"])
def test_bad_page_numbers_are_a_404_never_a_500(client, page):
    DocumentFactory()
    assert client.get(LIST_URL + f"?page={page}").status_code == 404


def test_pagination_keeps_the_filters(client):
    for n in range(21):
        DocumentFactory(number=f"{n}/KH-LĐLĐ", issued_on=dt.date(2026, 1, 1))
    html = client.get(LIST_URL + "?nam=2026&q=ke+hoach").content.decode()
    assert 'href="?nam=2026&amp;q=ke+hoach&amp;page=2"' in html
    assert len(listed(client, "?nam=2026&q=ke+hoach&page=2")) == 1


# --- query ceilings -------------------------------------------------------------------------


def warm_queries(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("count", [1, 30])
def test_list_costs_two_queries_warm_whatever_it_shows(client, count):
    for n in range(count):
        attach_document_file(DocumentFactory(number=f"{n}/KH-LĐLĐ"))
    # the page (count and rows); the filters' lists come from the cache
    assert warm_queries(client, LIST_URL) == 2
    assert warm_queries(client, LIST_URL + "?q=ke+hoach&nam=2026&loai=ke-hoach") == 2


def test_list_cold_stays_under_its_ceiling(client, django_assert_max_num_queries):
    DocumentFactory.create_batch(5)
    # + types, issuers, fields, years for the filters, the menu of categories and the site
    # settings with their links, and when the next scheduled change is due
    with django_assert_max_num_queries(9 + HORIZON):
        assert client.get(LIST_URL).status_code == 200


@pytest.mark.parametrize("files, articles", [(0, 0), (3, 0), (3, 5)])
def test_detail_costs_three_queries_whatever_it_shows(client, files, articles):
    document = DocumentFactory()
    for order in range(files):
        attach_document_file(document, ["pdf", "docx", "xlsx"][order], order=order)
    document.articles.add(*ArticleFactory.create_batch(articles))
    # the document with its type, issuer and field; its files; its published articles
    assert warm_queries(client, document.get_absolute_url()) == 3


# --- downloads ------------------------------------------------------------------------------


def test_download_is_an_attachment_with_safe_headers(client):
    document = DocumentFactory(number="125/QĐ-LĐLĐ", summary="Quyết định khen thưởng năm 2026")
    attached = attach_document_file(document, "pdf", name="scan 01.pdf")
    response = client.get(attached.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="125-qd-ldld-quyet-dinh-khen-thuong-nam-2026.pdf"; '
        "filename*=UTF-8''125-Q%C4%90-L%C4%90L%C4%90%20Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh"
        "%20khen%20th%C6%B0%E1%BB%9Fng%20n%C4%83m%202026.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == (Path(attached.file.path)).read_bytes()


def test_several_files_get_their_own_names(client):
    document = DocumentFactory(number="8/KH-LĐLĐ", summary="Kế hoạch")
    attach_document_file(document, "pdf", order=0)
    annex = attach_document_file(document, "xlsx", order=1, title="Phụ lục 1")
    disposition = client.get(annex.get_absolute_url())["Content-Disposition"]
    assert disposition.startswith('attachment; filename="8-kh-ldld-ke-hoach-phu-luc-1.xlsx"')
    assert (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        == (client.get(annex.get_absolute_url())["Content-Type"])
    )


def test_raw_files_are_never_served_under_media_url(client):
    attached = attach_document_file(DocumentFactory())
    url = "/media/" + attached.file.name
    assert client.get(url).status_code == 404
    assert client.get("/media//" + attached.file.name).status_code == 404
    assert client.get("/media/x/../" + attached.file.name).status_code == 404


def test_a_download_of_another_documents_file_or_a_lost_file_is_a_404(client):
    attached = attach_document_file(DocumentFactory())
    other = DocumentFactory()
    url = reverse("documents:file-download", kwargs={"slug": other.slug, "pk": attached.pk})
    assert client.get(url).status_code == 404
    Path(attached.file.path).unlink()
    assert client.get(attached.get_absolute_url()).status_code == 404


def test_deleting_a_document_removes_its_files(django_capture_on_commit_callbacks, media):
    document = DocumentFactory()
    attach_document_file(document)
    assert len(stored_files(media)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert stored_files(media) == []


# --- articles and the sidebar ---------------------------------------------------------------


def test_article_page_lists_its_published_documents_for_one_more_query(client):
    article = ArticleFactory()
    before = warm_queries(client, article.get_absolute_url())
    shown = DocumentFactory(number="41/HD-LĐLĐ")
    hidden = DocumentFactory(number="42/HD-LĐLĐ", hidden=True)
    for document in (shown, hidden, *DocumentFactory.create_batch(4)):
        document.articles.add(article)
    assert client.get(article.get_absolute_url()).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(article.get_absolute_url()).content.decode()
    # One more query for "Văn bản liên quan" once a published document links the article; none
    # before (which articles documents link is kept per state of the content: pagecache.memo).
    assert before == 2 and len(ctx.captured_queries) == 3
    assert len([q for q in ctx.captured_queries if "documents_document" in q["sql"]]) == 1
    assert "Văn bản liên quan" in html and "41/HD-LĐLĐ" in html
    assert "42/HD-LĐLĐ" not in html and shown.get_absolute_url() in html


def test_an_article_without_documents_shows_no_heading(client):
    article = ArticleFactory()
    assert "Văn bản liên quan" not in client.get(article.get_absolute_url()).content.decode()


def render_recent():
    return Template("{% load documents_tags %}{% recent_documents %}").render(Context())


def test_recent_documents_block_is_cached_and_cleared_on_save_and_delete(
    django_assert_num_queries,
):
    documents = [DocumentFactory(number=f"{n}/TB-LĐLĐ") for n in range(7)]
    render_recent()
    with django_assert_num_queries(0):
        html = render_recent()
    assert html.count("<li>") == 5 and "6/TB-LĐLĐ" in html and "0/TB-LĐLĐ" not in html
    newest = DocumentFactory(number="99/TB-LĐLĐ")
    assert "99/TB-LĐLĐ" in render_recent()
    newest.delete()
    assert "99/TB-LĐLĐ" not in render_recent()
    documents[6].number = "66/TB-LĐLĐ"
    documents[6].save()
    assert "66/TB-LĐLĐ" in render_recent()


def test_recent_documents_are_kept_no_longer_than_the_next_scheduled_one():
    DocumentFactory()
    DocumentFactory(published_at=timezone.now() + dt.timedelta(minutes=2))
    assert 100 <= cached._until_next_scheduled(Document) <= 121
    Document.objects.all().delete()
    assert cached._until_next_scheduled(Document) == cached.TIMEOUT


def test_a_new_issuer_is_offered_at_once(client):
    DocumentFactory()
    client.get(LIST_URL)
    Issuer.objects.create(name="Công đoàn Viên chức tỉnh")
    assert "Công đoàn Viên chức tỉnh" in client.get(LIST_URL).content.decode()


def test_sitemap_lists_published_documents(client):
    shown = DocumentFactory()
    hidden = DocumentFactory(hidden=True)
    xml = client.get("/sitemap-documents.xml").content.decode()
    assert shown.get_absolute_url() in xml and hidden.get_absolute_url() not in xml


# --- admin ----------------------------------------------------------------------------------


def admin_form(files=(), **fields):
    now = timezone.localtime()
    data = {
        "number": "15/KH-LĐLĐ",
        "doc_type": str(DocumentType.objects.get(name="Kế hoạch").pk),
        "issuer": str(Issuer.objects.get(name="Liên đoàn Lao động tỉnh").pk),
        "field": "",
        "summary": "Kế hoạch tổ chức hội thi an toàn, vệ sinh viên giỏi",
        "signer": "Phó Chủ tịch Đỗ Văn Bình",
        "issued_on": f"{now:%d/%m/%Y}",
        "effective_on": "",
        "expires_on": "",
        "is_public": "on",
        "published_at_0": f"{now:%d/%m/%Y}",
        "published_at_1": f"{now:%H:%M:%S}",
        "slug": "",
        "files-TOTAL_FORMS": str(len(files)),
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "_save": "Lưu",
    }
    for n, upload in enumerate(files):
        data[f"files-{n}-file"] = upload
        data[f"files-{n}-title"] = ""
        data[f"files-{n}-order"] = str(n)
    data.update(fields)
    return data


ADD_URL = reverse("admin:documents_document_add")


def test_admin_adds_a_document_with_files_and_linked_articles(client, media):
    client.force_login(document_editor())
    article = ArticleFactory()
    uploads = [
        SimpleUploadedFile("Kế hoạch 15.pdf", samples.pdf(["Ke hoach"])),
        SimpleUploadedFile("Phụ lục.xlsx", samples.xlsx("A", ["STT"], [[1]])),
    ]
    response = client.post(ADD_URL, admin_form(uploads, articles=[str(article.pk)]))
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get()
    assert [f.original_name for f in document.files.all()] == ["Kế hoạch 15.pdf", "Phụ lục.xlsx"]
    assert [f.kind for f in document.files.all()] == ["pdf", "xlsx"]
    assert list(document.articles.all()) == [article]
    assert document.created_by is not None
    assert len(stored_files(media)) == 2
    assert all("Ke" not in path.name and "Phu" not in path.name for path in stored_files(media))


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("van-ban.pdf", b"<html><script>alert(1)</script></html>", "Chỉ nhận tệp PDF"),
        (
            "van-ban.pdf",
            samples.build_pdf(
                [
                    b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (1) >> >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                ]
            ),
            "có chứa mã JavaScript",
        ),
        ("rong.pdf", b"", "Tệp rỗng"),
        ("bang.xlsx", samples.pdf(["A"]), "nội dung là tệp PDF"),
    ],
)
def test_admin_refuses_hostile_files_with_the_message_and_keeps_nothing(
    client, media, name, data, message
):
    client.force_login(document_editor())
    response = client.post(ADD_URL, admin_form([SimpleUploadedFile(name, data)]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists() and not DocumentFile.objects.exists()
    assert stored_files(media) == []


def test_admin_change_adds_a_file_and_the_list_shows_the_columns(client, media):
    client.force_login(document_editor())
    document = DocumentFactory(number="15/KH-LĐLĐ")
    first = attach_document_file(document)
    url = reverse("admin:documents_document_change", args=[document.pk])
    assert client.get(url).status_code == 200
    data = admin_form(
        [SimpleUploadedFile("Biểu mẫu.docx", samples.docx(["Biểu mẫu"]))],
        summary=document.summary,
    )
    data.update({"files-INITIAL_FORMS": "1", "files-TOTAL_FORMS": "2"})
    data.update({"files-0-id": str(first.pk), "files-0-document": str(document.pk)})
    data.update({"files-0-title": "", "files-0-order": "0"})
    data.update({"files-1-file": data.pop("files-0-file"), "files-1-order": "1"})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert document.files.count() == 2
    changelist = client.get(reverse("admin:documents_document_changelist") + "?q=15/kh-ldld")
    html = changelist.content.decode()
    assert "15/KH-LĐLĐ" in html and "Còn hiệu lực" in html
    assert '<td class="field-files_count">2</td>' in html


def test_admin_search_is_folded_and_whole_word(client):
    client.force_login(document_editor())
    DocumentFactory(number="7/HD-LĐLĐ", summary="Hướng dẫn thu kinh phí công đoàn")
    changelist = reverse("admin:documents_document_changelist")
    assert "7/HD-LĐLĐ" in client.get(changelist + "?q=kinh+phi").content.decode()
    assert "7/HD-LĐLĐ" not in client.get(changelist + "?q=kin").content.decode()


def test_admin_status_filter(client):
    client.force_login(document_editor())
    DocumentFactory(number="1/A", expires_on=timezone.localdate())
    DocumentFactory(number="2/B")
    changelist = reverse("admin:documents_document_changelist")
    html = client.get(changelist + "?hieu_luc=expired").content.decode()
    assert "1/A" in html and "2/B" not in html


# --- demo -----------------------------------------------------------------------------------


def test_demo_is_idempotent_and_its_files_pass_the_checks(media):
    out = []
    writer = type("W", (), {"write": lambda self, text: out.append(text)})()
    demo.load(writer)
    assert Document.objects.count() == len(demo.DOCUMENTS) == 8
    files = DocumentFile.objects.count()
    assert files == sum(len(d["files"]) for d in demo.DOCUMENTS)
    assert {f.kind for f in DocumentFile.objects.all()} == {"pdf", "docx", "xlsx"}
    demo.load(writer)
    assert Document.objects.count() == 8 and DocumentFile.objects.count() == files
    assert out[-1].endswith("(mới 0, tệp mới 0)")


@pytest.mark.parametrize(
    "url",
    [
        "admin:documents_document_changelist",
        "admin:documents_document_add",
        "change",
        "admin:documents_documenttype_changelist",
        "admin:documents_issuer_add",
    ],
)
def test_admin_pages_show_no_english(client, url):
    from tests.test_admin_vietnamese import leaks, visible_text

    client.force_login(StaffFactory(is_superuser=True))
    document = DocumentFactory(expires_on=timezone.localdate())
    attach_document_file(document)
    if url == "change":
        address = reverse("admin:documents_document_change", args=[document.pk])
    else:
        address = reverse(url)
    response = client.get(address)
    assert response.status_code == 200
    assert leaks(visible_text(response.content.decode())) == []


def test_admin_finds_articles_to_link_by_folded_words(client):
    client.force_login(document_editor())
    ArticleFactory(title="Hội nghị người lao động năm 2026")
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "hoi nghi",
            "app_label": "documents",
            "model_name": "document",
            "field_name": "articles",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Hội nghị người lao động năm 2026"]


def test_replacing_a_file_removes_the_old_one(django_capture_on_commit_callbacks, media):
    attached = attach_document_file(DocumentFactory(), "pdf")
    old = attached.file.name
    with django_capture_on_commit_callbacks(execute=True):
        attached.file.save("moi.docx", as_upload(samples.docx(["Mới"]), "moi.docx"))
    assert [p.relative_to(media).as_posix() for p in stored_files(media)] == [attached.file.name]
    assert old != attached.file.name and attached.kind == "docx"
    attached.refresh_from_db()
    assert attached.original_name == "moi.docx"


def test_the_admins_link_to_a_file_is_its_download_view(client):
    client.force_login(document_editor())
    document = DocumentFactory()
    attached = attach_document_file(document)
    assert attached.file.url == attached.get_absolute_url()
    html = client.get(reverse("admin:documents_document_change", args=[document.pk])).content
    assert attached.get_absolute_url() in html.decode()
    assert client.get(attached.file.url).status_code == 200


def test_a_download_costs_two_queries(client, django_assert_num_queries):
    attached = attach_document_file(DocumentFactory())
    # the file with its document (visibility checked in the same query); its siblings' count
    with django_assert_num_queries(2):
        response = client.get(attached.get_absolute_url())
    assert response.status_code == 200
    response.close()
