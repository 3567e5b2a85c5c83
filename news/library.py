"""The article form and the photo library (portal.photos): a picture is stored once.

A cover or a photo row may name a library picture instead of a new file; on save its file field
then holds the picture's own file name, so nothing is copied and news/media_files.py keeps the
file while any row names it. When the form comes back with an error, each newly chosen file that
passed the picture check is stored in the library at once and the form names it, so the next
submit uses it without choosing the file again.
"""

from django import forms

from portal.photos.models import Picture
from portal.photos.widgets import PictureSelect

from .images import CleanImage

# Per form: its file field, its library field, and the picture's texts it takes when empty.
COVER = ("cover", "cover_picture", {"cover_caption": "caption", "cover_alt": "alt_text"})
PHOTO = ("image", "picture", {"caption": "caption", "alt_text": "alt_text", "credit": "credit"})


def use_picture(cleaned, spec):
    """Make the form's file the chosen library picture's, unless a file was chosen or cleared."""
    file_field, picture_field, texts = spec
    value, picture = cleaned.get(file_field), cleaned.get(picture_field)
    if isinstance(value, CleanImage) or value is False:
        cleaned[picture_field] = None  # the new file (or none) is no longer the library's
        return
    if picture is None:
        return
    cleaned[file_field] = picture.image.name
    for field, source in texts.items():
        if not (cleaned.get(field) or "").strip():
            cleaned[field] = getattr(picture, source)


class PhotoInlineForm(forms.ModelForm):
    """A photo row: a new file or a library picture, and an alt text (the picture's if empty)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"].required = False
        self.fields["alt_text"].required = False

    def clean(self):
        cleaned = super().clean()
        use_picture(cleaned, PHOTO)
        if "image" not in self.errors and not cleaned.get("image"):
            self.add_error("image", "Hãy chọn tệp ảnh hoặc một ảnh trong thư viện.")
        if not (cleaned.get("alt_text") or "").strip():
            self.add_error("alt_text", self.fields["alt_text"].error_messages["required"])
        return cleaned


def keep_chosen_files(user, form, formsets):
    """After a form error: store each new, accepted file in the library; the form names it."""
    rows = [(form, COVER)]
    for formset in formsets:
        if issubclass(formset.form, PhotoInlineForm):
            rows += [(row, PHOTO) for row in formset.forms]
    data = form.data.copy()
    kept = False
    for row, (file_field, picture_field, texts) in rows:
        value = getattr(row, "cleaned_data", {}).get(file_field)
        if not isinstance(value, CleanImage):
            continue
        picture = Picture(image=value, uploaded_by=user)
        for field, target in texts.items():
            limit = Picture._meta.get_field(target).max_length
            setattr(picture, target, (row.data.get(row.add_prefix(field)) or "")[:limit])
        picture.save()
        row.cleaned_data[file_field] = None  # stored: never saved a second time
        data[row.add_prefix(picture_field)] = str(picture.pk)
        kept = True
    if kept:
        for row, _spec in rows:
            row.data = data
        for formset in formsets:
            formset.data = data


class LibraryPictureAdminMixin:
    """Library fields of a ModelAdmin or an inline chosen by search, with a thumbnail."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Picture and "widget" not in kwargs:
            kwargs["widget"] = PictureSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
