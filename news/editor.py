"""The rich-text field and its editor: one field and one widget to swap when CKEditor 4 goes.

CleanRichTextField cleans with nh3 whenever a value is written to the database, so save(),
QuerySet.update(), bulk_create() and loaddata (which skips Model.save) all store clean HTML.
"""

from ckeditor.fields import RichTextField, RichTextFormField
from ckeditor.widgets import CKEditorWidget
from django.core.exceptions import ValidationError
from django.forms import Media

from .sanitize import clean_html, images_without_alt, normalize_html


class EditorWidget(CKEditorWidget):
    """CKEditor 4 as configured in settings, in Vietnamese, sending Django's CSRF token."""

    @property
    def media(self):
        return super().media + Media(
            js=["js/ckeditor-upload.js", "js/ckeditor-vi.js", "js/ckeditor-images.js"]
        )


class EditorFormField(RichTextFormField):
    widget = EditorWidget

    def has_changed(self, initial, data):
        # The editor re-serialises the same HTML differently; that is not a change.
        return normalize_html(initial) != normalize_html(self.to_python(data))

    def validate(self, value):
        super().validate(value)
        # A picture needs words for readers who cannot see it; an empty alt is refused here
        # (bodies already stored with alt="" are left as they are and still shown).
        errors = [
            ValidationError(
                "Ảnh “%(name)s” chưa có mô tả cho người không xem được ảnh. Bấm đúp vào ảnh "
                "trong bài và điền ô “Mô tả ảnh cho người không xem được ảnh”.",
                code="image_alt",
                params={"name": src.rsplit("/", 1)[-1] or f"thứ {n}"},
            )
            for n, src in enumerate(images_without_alt(clean_html(value)), start=1)
        ]
        if errors:
            raise ValidationError(errors)


class CleanRichTextField(RichTextField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": EditorFormField, **kwargs})

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str):
            value = clean_html(value)
        return super().get_db_prep_save(value, connection)

    def deconstruct(self):
        # The column is a plain text column: keep the path of the existing migrations.
        name, _path, args, kwargs = super().deconstruct()
        return name, "ckeditor_uploader.fields.RichTextUploadingField", args, kwargs
