"""The documents pages in Chromium (axe, CSP, 360 px, a real download) and the Nu checker."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, DocumentFactory, FieldFactory, attach_document_file
from tests.test_a11y import describe, run_axe
from tests.test_html_valid import STYLESHEETS, run_vnu, summarize

LIST_URL = reverse("documents:document-list")


def build_register():
    """Enough documents for two pages, one with three files, one expired, one linked article."""
    wages = FieldFactory(name="Tiền lương, bảo hiểm xã hội")
    for n in range(22):
        DocumentFactory(number=f"{n + 1}/CV-LĐLĐ", issued_on=dt.date(2026, 1, 1) + dt.timedelta(n))
    expired = DocumentFactory(
        number="2051/QĐ-TLĐ",
        summary="Quyết định về mức hỗ trợ đoàn viên bị mất việc làm, giảm thời gian làm việc",
        field=wages,
        issued_on=dt.date(2025, 1, 1),
        expires_on=dt.date(2026, 1, 1),
    )
    main = DocumentFactory(
        number="214/KH-LĐLĐ",
        summary="Kế hoạch tổ chức các hoạt động chăm lo Tết cho đoàn viên có hoàn cảnh khó khăn "
        "năm 2027, với danh sách phân bổ quà theo từng công đoàn cấp trên cơ sở",
        signer="Phó Chủ tịch Trần Thị Minh Hạnh",
        effective_on=dt.date(2026, 12, 1),
    )
    attach_document_file(main, "pdf", order=0)
    attach_document_file(main, "xlsx", order=1, title="Phụ lục: chỉ tiêu phân bổ quà Tết")
    attach_document_file(main, "docx", order=2, title="Biểu mẫu báo cáo")
    main.articles.add(ArticleFactory(title="Trao 30 Mái ấm Công đoàn cho đoàn viên khó khăn"))
    return {
        "list": LIST_URL,
        "list-page-2": LIST_URL + "?page=2",
        "list-filtered": LIST_URL + "?q=ke+hoach&loai=ke-hoach&nam=2026",
        "list-bad-filters": LIST_URL + "?loai=khong-co&nam=abc&q=a%01",
        "list-empty": LIST_URL + "?q=khong+co+van+ban+nao",
        "detail": main.get_absolute_url(),
        "detail-expired": expired.get_absolute_url(),
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_documents_pages_pass_axe_with_the_real_csp_at_360_and_1280(browser, live_server, media):
    from tests.test_a11y import AXE

    if not AXE.exists():
        pytest.skip("axe-core is not installed")
    paths = build_register()
    found = {}
    # One context keeps the portal's CSP and records violations; one bypasses it for axe.
    strict = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    axe = browser.new_context(bypass_csp=True, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    try:
        strict_page, axe_page = strict.new_page(), axe.new_page()
        csp_errors = []
        strict_page.on(
            "console",
            lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
        )
        for name, path in paths.items():
            for width in (360, 1280):
                for page in (strict_page, axe_page):
                    page.set_viewport_size({"width": width, "height": 900})
                    assert page.goto(live_server.url + path).status == 200, name
                overflow = strict_page.evaluate(
                    "() => document.documentElement.scrollWidth - window.innerWidth"
                )
                assert overflow <= 0, f"{name} @{width}px scrolls sideways by {overflow}px"
                violations = run_axe(axe_page)["violations"]
                print(f"axe {name} @{width}px: {len(violations)} violations")
                if violations:
                    found[f"{name} @{width}"] = describe(violations)
        assert csp_errors == []
    finally:
        strict.close()
        axe.close()
    assert not found, "\n".join(f"{key}:\n{text}" for key, text in found.items())


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_reader_filters_opens_a_document_and_downloads_a_file(page, live_server, media):
    build_register()
    page.goto(live_server.url + LIST_URL)
    page.get_by_label("Số, ký hiệu hoặc trích yếu").fill("cham lo tet")
    page.get_by_label("Loại văn bản").select_option(label="Kế hoạch")
    with page.expect_navigation():
        page.get_by_role("button", name="Tìm văn bản").click()
    assert "q=cham+lo+tet" in page.url and "loai=ke-hoach" in page.url
    assert page.locator(".document-item").count() == 1
    assert page.locator(".document-item mark").first.inner_text() == "chăm"
    page.get_by_role("link", name="Kế hoạch số 214/KH-LĐLĐ").click()
    page.wait_for_url("**/van-ban/214-kh-ldld-**")
    assert page.get_by_role("heading", level=1).inner_text() == "Kế hoạch số 214/KH-LĐLĐ"
    assert page.get_by_text("Chưa có hiệu lực").count() == 1
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải về Phụ lục: chỉ tiêu phân bổ quà Tết").click()
    download = download_info.value
    assert download.suggested_filename.startswith("214-KH-LĐLĐ Kế hoạch tổ chức")
    assert download.suggested_filename.endswith("Phụ lục- chỉ tiêu phân bổ quà Tết.xlsx")
    with open(download.path(), "rb") as saved:
        assert saved.read(2) == b"PK"
    assert page.url.endswith("/")  # the page stayed: the file was saved, not shown


@pytest.mark.django_db
def test_documents_pages_are_valid_html(client, tmp_path, media):
    files = {}
    for name, path in build_register().items():
        response = client.get(path)
        assert response.status_code == 200, name
        files[name] = tmp_path / f"{name}.html"
        files[name].write_bytes(response.content)
    files.update({path.name: path for path in STYLESHEETS})
    counts, lines = summarize(run_vnu(files.values()), files)
    for name, count in sorted(counts.items()):
        print(f"Nu {name}: {count['error']} errors, {count['warning']} warnings")
    errors = [line for kind, line in lines if kind == "error"]
    assert errors == [], "\n".join(errors)
