"""The public list's filters, read from GET: choices come from the cache, so no query."""

from django import forms

from news.search import parse_query

from . import cached

ANY = ("", "Tất cả")


class DocumentFilterForm(forms.Form):
    q = forms.CharField(
        label="Số, ký hiệu hoặc trích yếu",
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "maxlength": 200, "placeholder": "Ví dụ: 125/QĐ-LĐLĐ"}
        ),
    )
    loai = forms.ChoiceField(label="Loại văn bản", required=False)
    co_quan = forms.ChoiceField(label="Cơ quan ban hành", required=False)
    linh_vuc = forms.ChoiceField(label="Lĩnh vực", required=False)
    nam = forms.TypedChoiceField(label="Năm ban hành", required=False, coerce=int, empty_value=None)

    def __init__(self, data=None, **kwargs):
        raw = (data or {}).get("q", "")
        if data is not None and raw:
            # The box shows what was typed without control characters (never valid in HTML);
            # the query itself is judged as sent, so it still gets its message.
            data = data.copy()
            data["q"] = "".join(ch for ch in raw if ch.isprintable() or ch.isspace())
        super().__init__(data, **kwargs)
        self.facets = cached.facets()
        for name, key in (("loai", "types"), ("co_quan", "issuers"), ("linh_vuc", "fields")):
            self.fields[name].choices = [ANY] + [
                (slug, label) for slug, label, _ in self.facets[key]
            ]
            self.fields[name].error_messages["invalid_choice"] = (
                "Không có lựa chọn “%(value)s”; đang hiện tất cả."
            )
        self.fields["nam"].choices = [ANY] + [(year, year) for year in self.facets["years"]]
        self.fields["nam"].error_messages["invalid_choice"] = (
            "Không có văn bản năm “%(value)s”; đang hiện mọi năm."
        )
        self.query = parse_query(raw)

    def clean_q(self):
        if self.query.status != 200:
            raise forms.ValidationError(self.query.messages[0])
        return self.query.text

    @property
    def notes(self):
        """What parse_query() cut from a long query; an empty box is no mistake here."""
        return self.query.messages if self.query.status == 200 and self.query.text else []

    def filters(self):
        """Filter keyword arguments from the valid fields; an invalid one is left out."""
        self.is_valid()  # fills cleaned_data with the valid fields and errors for the rest
        data, found = self.cleaned_data, {}
        ids = {
            "loai": ("doc_type_id", "types"),
            "co_quan": ("issuer_id", "issuers"),
            "linh_vuc": ("field_id", "fields"),
        }
        for name, (lookup, key) in ids.items():
            if data.get(name):
                found[lookup] = next(pk for slug, _, pk in self.facets[key] if slug == data[name])
        if data.get("nam"):
            found["issued_on__year"] = data["nam"]
        return found

    @property
    def words(self):
        return self.query.words if self.query.status == 200 else []
