"""portal/documents/files.py: files judged by content; hostile ones refused, nothing kept."""

import io
import zipfile
from pathlib import Path

import pypdf
import pytest
from django.core.exceptions import ValidationError
from pypdf.actions import JavaScript

from portal.documents import samples
from portal.documents.files import MESSAGES, OLE_MAGIC, as_upload, check_document
from portal.documents.models import DocumentFile
from tests.factories import DocumentFactory

# Files, storage or servers, not the database: `make test` runs it on SQLite only (conftest).
DATABASE_INDEPENDENT = True

CATALOG = b"<< /Type /Catalog /Pages 2 0 R %s>>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s>>"


def pdf_with(catalog_extra=b"", page_extra=b"", *more):
    """A one-page PDF whose catalogue and page carry extra entries; ``more`` are objects 4, 5..."""
    return samples.build_pdf([CATALOG % catalog_extra, PAGES, PAGE % page_extra, *more])


def pdf_by_pypdf(javascript=False, attachment=False):
    """What a real producer (pypdf's writer) writes for a script run on opening or a file."""
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if javascript:
        writer.add_open_action(JavaScript("app.alert('xin chao');"))
    if attachment:
        writer.add_attachment("chuong-trinh.exe", b"MZ")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def rezip(data, *, replace=None, add=None, encrypt=False):
    """The OOXML package ``data`` with content types rewritten and members added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            body = source.read(member)
            if replace and member.filename == "[Content_Types].xml":
                body = body.replace(*replace)
            target.writestr(member.filename, body, zipfile.ZIP_DEFLATED)
        for name, body in (add or {}).items():
            target.writestr(name, body)
    data = out.getvalue()
    return mark_encrypted(data) if encrypt else data


def mark_encrypted(data):
    """Set the 'encrypted' bit of every member, in the local headers and the central directory
    (zipfile writes no encrypted archives itself)."""
    data = bytearray(data)
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        while start != -1:
            data[start + flag_at] |= 0x1
            start = data.find(signature, start + 4)
    return bytes(data)


def docx_bomb():
    """A DOCX whose document.xml inflates 1,000 times: 60 MB from about 60 kB."""
    padding = b"<w:p/>" * 10_000_000
    return samples.docx(["Bom"], extra={"word/media/big.xml": padding})


def xlsm_renamed():
    workbook = samples.xlsx("Bang", ["STT"], [[1]])
    return rezip(
        workbook,
        replace=(b"sheet.main+xml", b"sheet.macroEnabled.main+xml"),
        add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"},
    )


def many_members():
    return samples.docx(["Nhiều"], extra={f"word/parts/p{n}.xml": b"<a/>" for n in range(2001)})


HOSTILE = {
    "pdf-openaction-js": (
        lambda: pdf_with(b"/OpenAction 4 0 R ", b"", b"<< /S /JavaScript /JS (app.alert(1)) >>"),
        "pdf_active",
    ),
    "pdf-names-javascript": (
        lambda: pdf_with(b"/Names << /JavaScript 4 0 R >> ", b"", b"<< /Names [] >>"),
        "pdf_active",
    ),
    "pdf-javascript-name-escaped": (
        lambda: pdf_with(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> "),
        "pdf_active",
    ),
    "pdf-page-aa": (
        lambda: pdf_with(b"", b"/AA << /O << /S /JavaScript /JS (1) >> >> "),
        "pdf_active",
    ),
    "pdf-launch": (
        lambda: pdf_with(b"/OpenAction << /S /Launch /F (cmd.exe) >> "),
        "pdf_active",
    ),
    "pdf-embedded-files": (
        lambda: pdf_with(
            b"/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >> ",
            b"",
            b"<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>",
            b"<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream",
        ),
        "pdf_active",
    ),
    "pdf-unreferenced-js-object": (
        # Not reachable from the catalogue, but listed in the xref: still refused.
        lambda: pdf_with(b"", b"", b"<< /S /JavaScript /JS (app.alert(1)) >>"),
        "pdf_active",
    ),
    "pdf-javascript-by-pypdf": (lambda: pdf_by_pypdf(javascript=True), "pdf_active"),
    "pdf-attachment-by-pypdf": (lambda: pdf_by_pypdf(attachment=True), "pdf_active"),
    "pdf-corrupt": (lambda: b"%PDF-1.7\n this is not a pdf at all", "pdf_corrupt"),
    "pdf-encrypted": (
        lambda: pdf_with().replace(
            b"/Root 1 0 R",
            b"/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>",
        ),
        "pdf_encrypted",
    ),
    "html-named-pdf": (
        lambda: b"<!DOCTYPE html><html><body><script>alert(1)</script>%PDF-1.4</body></html>",
        "format",
    ),
    "svg-named-pdf": (
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "format",
    ),
    "exe-named-pdf": (lambda: b"MZ\x90\x00" + b"\x00" * 100, "format"),
    "docx-zip-bomb": (docx_bomb, "zip_bomb"),
    "docx-too-many-members": (many_members, "zip_bomb"),
    "xlsm-renamed-xlsx": (xlsm_renamed, "macro"),
    "docm-content-type": (
        lambda: samples.docx(
            ["Macro"], main_type="application/vnd.ms-word.document.macroEnabled.main+xml"
        ),
        "macro",
    ),
    "docx-activex": (
        lambda: samples.docx(["X"], extra={"word/activeX/activeX1.bin": b"x"}),
        "macro",
    ),
    "docx-encrypted-zip": (lambda: rezip(samples.docx(["Mật"]), encrypt=True), "zip_encrypted"),
    "zip-not-office": (
        lambda: rezip(samples.docx(["Z"]), replace=(b"wordprocessingml.document.main+xml", b"x")),
        "format",
    ),
    "ole-legacy-or-password": (lambda: OLE_MAGIC + b"\x00" * 600, "ole"),
    "zip-corrupt": (lambda: b"PK\x03\x04" + b"\x00" * 200, "zip_corrupt"),
}


def name_for(kind):
    if kind.startswith(("docx", "docm", "zip", "ole")):
        return "bao-cao.docx"
    if kind.startswith("xlsm"):
        return "so-lieu.xlsx"
    return "van-ban.pdf"


def stored_files(root):
    return sorted(p for p in Path(root).rglob("*") if p.is_file())


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_files_are_refused_by_the_check(kind):
    make, code = HOSTILE[kind]
    with pytest.raises(ValidationError) as refused:
        check_document(as_upload(make(), name_for(kind)))
    assert refused.value.code == f"document_{code}", refused.value.messages


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind", ["pdf-openaction-js", "html-named-pdf", "docx-zip-bomb", "xlsm-renamed-xlsx"]
)
def test_model_save_refuses_too_and_stores_nothing(media, kind):
    make, code = HOSTILE[kind]
    document = DocumentFactory()
    attached = DocumentFile(document=document)
    with pytest.raises(ValidationError) as refused:
        attached.file.save(name_for(kind), as_upload(make(), name_for(kind)))
    assert refused.value.messages == [MESSAGES[code]]
    assert not DocumentFile.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize(
    "data, name, actual",
    [
        (samples.pdf(["A"]), "quyet-dinh.docx", "PDF"),
        (samples.docx(["A"]), "quyet-dinh.xlsx", "Word (DOCX)"),
        (samples.xlsx("A", ["A"], []), "bang.pdf", "Excel (XLSX)"),
        (samples.pdf(["A"]), "quyet-dinh", "PDF"),
    ],
)
def test_the_extension_must_agree_with_the_content(data, name, actual):
    with pytest.raises(ValidationError) as refused:
        check_document(as_upload(data, name))
    assert refused.value.code == "document_extension"
    assert f"nội dung là tệp {actual}" in refused.value.messages[0]


def test_empty_and_oversize_files_are_refused(settings):
    with pytest.raises(ValidationError) as empty:
        check_document(as_upload(b"", "rong.pdf"))
    assert empty.value.messages == [MESSAGES["empty"]]
    settings.DOCUMENT_MAX_BYTES = 1024 * 1024
    big = samples.pdf(["A"]) + b"%" + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError) as oversize:
        check_document(as_upload(big, "lon.pdf"))
    assert oversize.value.messages == ["Tệp quá lớn (1 MB). Chỉ nhận tệp đến 1 MB."]


def test_a_plain_pdf_from_pypdf_is_accepted():
    assert check_document(as_upload(pdf_by_pypdf(), "trang-trang.pdf")).kind.code == "pdf"


def test_the_limit_is_a_setting(settings):
    data = samples.pdf(["A"])
    settings.DOCUMENT_MAX_BYTES = len(data) - 1
    with pytest.raises(ValidationError):
        check_document(as_upload(data, "a.pdf"))
    settings.DOCUMENT_MAX_BYTES = len(data)
    assert check_document(as_upload(data, "a.pdf")).kind.code == "pdf"


def test_a_large_ordinary_spreadsheet_is_not_taken_for_a_bomb():
    rows = [[n, f"Công đoàn cơ sở số {n}", n * 3] for n in range(30_000)]
    checked = check_document(
        as_upload(samples.xlsx("Số liệu", ["STT", "Tên", "Số"], rows), "a.xlsx")
    )
    assert checked.kind.code == "xlsx"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind, data",
    [
        ("pdf", samples.pdf(["Kế hoạch"])),
        ("docx", samples.docx(["Hướng dẫn"])),
        ("xlsx", samples.xlsx("Bảng", ["STT"], [[1]])),
    ],
)
def test_valid_files_are_stored_under_generated_names(media, kind, data):
    document = DocumentFactory()
    attached = DocumentFile(document=document)
    attached.file.save(f"Kế hoạch số 1.{kind}", as_upload(data, f"Kế hoạch số 1.{kind}"))
    attached.refresh_from_db()
    stored = Path(attached.file.name)
    assert stored.parent.as_posix().startswith("documents/")
    assert len(stored.stem) == 32 and stored.suffix == f".{kind}"
    assert "Ke" not in stored.name and "hoạch" not in stored.name
    assert attached.original_name == f"Kế hoạch số 1.{kind}"
    assert attached.kind == kind and attached.size == len(data)
    assert (media / attached.file.name).read_bytes() == data


def test_a_pdf_with_too_many_objects_is_refused(monkeypatch):
    monkeypatch.setattr("portal.documents.files.PDF_MAX_OBJECTS", 3)
    with pytest.raises(ValidationError) as refused:
        check_document(as_upload(samples.pdf(["A"]), "a.pdf"))
    assert refused.value.code == "document_pdf_complex"
