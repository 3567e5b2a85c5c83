from django.contrib.admin.widgets import AutocompleteSelect
from django.utils.html import format_html

from .models import Picture


class PictureSelect(AutocompleteSelect):
    """The admin's autocomplete over the library, with the chosen picture's thumbnail beside it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.attrs["class"] = "picture-select"

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        picture = Picture.objects.filter(pk=value).first() if str(value or "").isdigit() else None
        if picture is None or not picture.image:
            return html
        return format_html(
            '{}<img class="picture-preview" src="{}" alt="{}" width="160" height="100">',
            html,
            picture.thumbnail.url,
            picture.alt_text,
        )
