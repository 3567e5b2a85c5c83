"""The one check every attached file of a document goes through: judged by content, not name.

Accepted: PDF (parsed by pypdf, refused if it carries JavaScript, actions run on opening or on
events, launch actions or embedded files), DOCX and XLSX (Office Open XML: a ZIP whose
[Content_Types].xml names the main part of a Word document or an Excel workbook; refused when
macro-enabled, carrying ActiveX or OLE objects, encrypted, or shaped like a zip bomb, all decided
from the ZIP's directory before anything is decompressed). The name's extension must agree with
the content. At most settings.DOCUMENT_MAX_BYTES.

Every path calls check_document(): the admin's form field, ``file.save(name, content)``
(SafeDocumentFieldFile) and a file assigned then saved with its row (FileField.pre_save calls that
same save()), and the demo loader. What is stored gets a generated name; the uploader's name is
kept on the row (DocumentFile.original_name) for the download name.
"""

import io
import os
import uuid
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

import pypdf
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import models
from django.db.models.fields.files import FieldFile
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# Where files are stored, under MEDIA_ROOT. Never answered under MEDIA_URL (portal/urls.py,
# deploy/nginx.conf): documents go out through the download view, as attachments.
UPLOAD_TO = "documents/%Y/%m/"
FOLDER = UPLOAD_TO.split("/", 1)[0] + "/"


@dataclass(frozen=True)
class Kind:
    code: str
    extension: str
    content_type: str
    label: str


PDF = Kind("pdf", "pdf", "application/pdf", "PDF")
DOCX = Kind(
    "docx",
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Word (DOCX)",
)
XLSX = Kind(
    "xlsx",
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Excel (XLSX)",
)
KINDS = {kind.code: kind for kind in (PDF, DOCX, XLSX)}

# The main part's content type in [Content_Types].xml says what an OOXML package is.
OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
MACRO_MAIN = {
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
    "application/vnd.ms-excel.addin.macroEnabled.main+xml",
}
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"

# A ZIP is judged from its central directory before anything is decompressed. Python's zipfile
# never yields more than a member's declared size, so these bounds hold even if the sizes lie.
ZIP_MAX_MEMBERS = 2000
ZIP_MAX_TOTAL = 200 * 1024 * 1024  # declared uncompressed size of all members
ZIP_MAX_RATIO = 200  # uncompressed / compressed, for members over ZIP_RATIO_FROM bytes
ZIP_RATIO_FROM = 1024 * 1024
CONTENT_TYPES_MAX = 1024 * 1024
# Members that run code or carry other programs: VBA macros, ActiveX controls, OLE objects.
ACTIVE_PARTS = ("vbaproject.bin", "vbadata.xml", "/activex/", "oleobject")

# PDF: objects read at most (a PDF with more is refused as too complex to check). Reading one
# costs about 0.15 ms: 50,000 bound the check to some 8 s of CPU; office PDFs have far fewer.
PDF_MAX_OBJECTS = 50_000
# Keys and action types that make a reader run something or carry another file.
PDF_ACTIVE_KEYS = {"/JS", "/JavaScript", "/AA", "/EmbeddedFiles", "/EmbeddedFile", "/XFA"}
PDF_ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/GoToE",
    "/ImportData",
    "/SubmitForm",
    "/RichMediaExecute",
    "/Rendition",
}
PDF_ACTIVE_TYPES = {"/EmbeddedFile", "/RichMedia"}
PDF_ACTIVE_SUBTYPES = {"/FileAttachment", "/RichMedia", "/Screen", "/Movie", "/Sound"}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

MESSAGES = {
    "empty": "Tệp rỗng (0 byte). Hãy chọn lại tệp văn bản.",
    "too_large": "Tệp quá lớn ({size} MB). Chỉ nhận tệp đến {limit} MB.",
    "format": (
        "Chỉ nhận tệp PDF, Word (DOCX) hoặc Excel (XLSX). Nội dung tệp này không thuộc các "
        "định dạng đó (dù tên tệp có đuôi gì)."
    ),
    "ole": (
        "Tệp Word/Excel đời cũ (.doc, .xls) hoặc tệp Office có đặt mật khẩu không được nhận. "
        "Hãy mở tệp, bỏ mật khẩu nếu có và lưu lại dạng .docx hoặc .xlsx (hoặc xuất ra PDF)."
    ),
    "extension": (
        "Tên tệp có đuôi “{given}” nhưng nội dung là tệp {actual}. Hãy đổi tên tệp cho đúng "
        "(đuôi .{extension}) rồi tải lên lại."
    ),
    "pdf_corrupt": "Tệp PDF bị hỏng hoặc không đọc được. Hãy xuất lại tệp PDF rồi tải lên.",
    "pdf_encrypted": "Tệp PDF có đặt mật khẩu hoặc mã hóa. Hãy bỏ mật khẩu rồi tải lên lại.",
    "pdf_active": (
        "Tệp PDF có chứa mã JavaScript, lệnh tự chạy, lệnh mở chương trình hoặc tệp đính kèm "
        "bên trong, nên không được nhận. Hãy in lại văn bản ra PDF (Microsoft Print to PDF, "
        "“Lưu dưới dạng PDF”) rồi tải lên."
    ),
    "pdf_complex": "Tệp PDF có quá nhiều đối tượng để kiểm tra. Hãy xuất lại tệp PDF gọn hơn.",
    "zip_corrupt": "Tệp Word/Excel bị hỏng hoặc không đọc được. Hãy lưu lại tệp rồi tải lên.",
    "zip_encrypted": "Tệp nén có đặt mật khẩu không được nhận.",
    "zip_bomb": (
        "Tệp Word/Excel có cấu trúc bất thường (nén quá mức hoặc quá nhiều thành phần) nên không "
        "được nhận. Hãy mở tệp và lưu lại, hoặc xuất ra PDF."
    ),
    "macro": (
        "Tệp có chứa macro, ActiveX hoặc đối tượng nhúng có thể chạy chương trình, nên không được "
        "nhận. Hãy lưu lại dạng .docx hoặc .xlsx thường (không có macro) hoặc xuất ra PDF."
    ),
}


def max_bytes():
    return settings.DOCUMENT_MAX_BYTES


def _refuse(code, **params):
    return ValidationError(MESSAGES[code].format(**params), code=f"document_{code}")


def _megabytes(size):
    return f"{size / 1024 / 1024:.1f}".replace(".", ",").replace(",0", "")


class CheckedDocument(File):
    """A file that has been through check_document(): its kind, size and names are known."""

    def __init__(self, file, *, kind, original_name, size):
        super().__init__(file, name=f"{uuid.uuid4().hex}.{kind.extension}")
        self.kind = kind
        self.original_name = original_name
        self.size = size


def check_document(file, name=None):
    """Return ``file`` as a CheckedDocument under a generated name, or raise ValidationError."""
    original_name = os.path.basename(name or getattr(file, "name", "") or "").strip()
    size = file.size if getattr(file, "size", None) is not None else None
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
    if size == 0:
        raise _refuse("empty")
    if size > max_bytes():
        raise _refuse("too_large", size=_megabytes(size), limit=_megabytes(max_bytes()))
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        kind = _check_pdf(file)
    elif head.startswith(b"PK\x03\x04"):
        kind = _check_ooxml(file)
    elif head.startswith(OLE_MAGIC):
        raise _refuse("ole")
    else:
        raise _refuse("format")
    given = os.path.splitext(original_name)[1].lower()
    if given != f".{kind.extension}":
        raise _refuse(
            "extension", given=given or "(không có)", actual=kind.label, extension=kind.extension
        )
    file.seek(0)
    return CheckedDocument(file, kind=kind, original_name=original_name[:255], size=size)


# --- PDF ------------------------------------------------------------------------------------


def _check_pdf(file):
    try:
        reader = pypdf.PdfReader(file, strict=False)
        if reader.is_encrypted:
            raise _refuse("pdf_encrypted")
        if len(reader.pages) < 1:
            raise _refuse("pdf_corrupt")
        _refuse_active_pdf(reader)
    except ValidationError:
        raise
    except (PdfReadError, Exception):  # pypdf raises many kinds for a malformed file
        raise _refuse("pdf_corrupt") from None
    return PDF


def _pdf_object_ids(reader):
    """Every object the file's cross-reference lists, reachable from the catalogue or not."""
    ids = set()
    for generation, table in reader.xref.items():
        ids.update((number, generation) for number in table)
    ids.update((number, 0) for number in reader.xref_objStm)
    return ids


def _refuse_active_pdf(reader):
    """Refuse a PDF in which any object asks a reader to run or carry something."""
    ids = _pdf_object_ids(reader)
    if len(ids) > PDF_MAX_OBJECTS:
        raise _refuse("pdf_complex")
    roots = [reader.trailer]
    for number, generation in ids:
        try:
            roots.append(reader.get_object(IndirectObject(number, generation, reader)))
        except Exception:  # a broken entry: nothing a reader could run from it either
            continue
    for root in roots:
        _inspect_pdf_value(root)


def _inspect_pdf_value(value, depth=0):
    """Walk direct (nested) values; indirect ones are inspected on their own from the xref."""
    if depth > 64:
        raise _refuse("pdf_complex")
    if isinstance(value, DictionaryObject):
        if PDF_ACTIVE_KEYS & set(value.keys()):
            raise _refuse("pdf_active")
        for key, kinds in (("/S", PDF_ACTIVE_ACTIONS), ("/Type", PDF_ACTIVE_TYPES)):
            if value.get(key) in kinds:
                raise _refuse("pdf_active")
        if value.get("/Subtype") in PDF_ACTIVE_SUBTYPES or "/EF" in value:
            raise _refuse("pdf_active")
        for item in value.values():
            _inspect_pdf_value(item, depth + 1)
    elif isinstance(value, ArrayObject):
        for item in value:
            _inspect_pdf_value(item, depth + 1)


# --- DOCX and XLSX --------------------------------------------------------------------------


def _check_ooxml(file):
    try:
        package = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse("zip_corrupt") from None
    with package:
        members = package.infolist()
        if len(members) > ZIP_MAX_MEMBERS:
            raise _refuse("zip_bomb")
        total = 0
        for member in members:
            if member.flag_bits & 0x1:
                raise _refuse("zip_encrypted")
            total += member.file_size
            ratio_applies = member.file_size > ZIP_RATIO_FROM
            if ratio_applies and member.file_size > ZIP_MAX_RATIO * max(member.compress_size, 1):
                raise _refuse("zip_bomb")
            if any(part in f"/{member.filename.lower()}" for part in ACTIVE_PARTS):
                raise _refuse("macro")
        if total > ZIP_MAX_TOTAL:
            raise _refuse("zip_bomb")
        names = {member.filename: member for member in members}
        main_type, main_name = _main_part(package, names)
        if main_type in MACRO_MAIN:
            raise _refuse("macro")
        kind = OOXML_MAIN.get(main_type)
        if kind is None or main_name not in names:
            raise _refuse("format")
        # Read the main part through (bounded by its checked declared size): the CRC check
        # at its end refuses a damaged file.
        try:
            with package.open(names[main_name]) as part:
                while part.read(1024 * 1024):
                    pass
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise _refuse("zip_corrupt") from None
    return kind


def _main_part(package, names):
    """(content type, member name) of the package's main part, from [Content_Types].xml."""
    member = names.get("[Content_Types].xml")
    if member is None:
        raise _refuse("format")
    if member.file_size > CONTENT_TYPES_MAX:
        raise _refuse("zip_bomb")
    try:
        data = package.read(member)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise _refuse("zip_corrupt") from None
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise _refuse("format")  # no DTDs: nothing for entity expansion to work with
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        raise _refuse("zip_corrupt") from None
    wanted = set(OOXML_MAIN) | MACRO_MAIN
    for override in root.iter(f"{CONTENT_TYPES_NS}Override"):
        content_type = (override.get("ContentType") or "").strip()
        if content_type in wanted:
            return content_type, (override.get("PartName") or "").lstrip("/")
    if any("macroenabled" in (o.get("ContentType") or "").lower() for o in root):
        return next(iter(MACRO_MAIN)), ""
    raise _refuse("format")


# --- Model and form fields ------------------------------------------------------------------


class SafeDocumentFieldFile(FieldFile):
    """``row.file.save(name, content)``: the checked file under a generated name; the row keeps
    the original name, the kind and the size."""

    def save(self, name, content, save=True):
        if not isinstance(content, CheckedDocument):
            source = content if isinstance(content, File) else File(content)
            content = check_document(source, name=name or getattr(content, "name", None))
        self.instance.original_name = content.original_name
        self.instance.kind = content.kind.code
        self.instance.size = content.size
        super().save(content.name, content, save=save)

    @property
    def url(self):
        # MEDIA_URL never answers for documents; the download view does (the admin's link too).
        if self.instance.pk and self.instance.document_id:
            return self.instance.get_absolute_url()
        return super().url


class SafeDocumentFormField(forms.FileField):
    default_error_messages = {"empty": MESSAGES["empty"]}

    def widget_attrs(self, widget):
        accept = ",".join(f".{kind.extension},{kind.content_type}" for kind in KINDS.values())
        return {**super().widget_attrs(widget), "accept": accept}

    def to_python(self, data):
        uploaded = super().to_python(data)
        if uploaded is None:
            return None
        return check_document(uploaded, name=uploaded.name)


class SafeDocumentField(models.FileField):
    """A FileField whose new files go through check_document(), in forms and in save() alike."""

    attr_class = SafeDocumentFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeDocumentFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs


def as_upload(data, name):
    """Bytes as a file object with a name, for check_document() from code (demo, imports)."""
    return File(io.BytesIO(data), name=name)
