import re
import unicodedata

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS

from .models import QUESTION_MAX_LENGTH, Question, Topic

# Digits with the separators people type: "0912 345 678", "+84 912.345.678", "(0270) 3822-000".
PHONE = re.compile(r"^\+?[\d\s.()-]{8,20}$")


def strip_controls(text):
    """Text without control characters (NUL, escape, ...); line breaks and tabs are kept."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cf", "Cs"}
    )


class PlainTextField(forms.CharField):
    """A CharField that drops control characters before anything else looks at the text."""

    def to_python(self, value):
        return super().to_python(strip_controls(value) if isinstance(value, str) else value)


class QuestionForm(forms.ModelForm):
    asker_name = PlainTextField(
        label="Họ và tên",
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = PlainTextField(
        label="Số điện thoại",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label="Thư điện tử",
        required=False,
        max_length=254,
        help_text="Câu trả lời sẽ được gửi về địa chỉ này.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    workplace = PlainTextField(
        label="Nơi làm việc",
        required=False,
        max_length=200,
        help_text="Tên doanh nghiệp, cơ quan hoặc khu công nghiệp (không bắt buộc).",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    topic = forms.ModelChoiceField(
        label="Chủ đề",
        queryset=Topic.objects.only("name"),
        empty_label="— Chọn chủ đề —",
        error_messages={"invalid_choice": "Hãy chọn một chủ đề trong danh sách."},
    )
    question = PlainTextField(
        label="Câu hỏi",
        min_length=20,
        max_length=QUESTION_MAX_LENGTH,
        help_text="Kể rõ sự việc và điều bạn muốn hỏi, tối đa "
        + f"{QUESTION_MAX_LENGTH:,}".replace(",", ".")
        + " ký tự.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "min_length": "Câu hỏi quá ngắn: hãy kể rõ sự việc (ít nhất %(limit_value)d ký tự).",
            "max_length": (
                "Câu hỏi dài %(show_value)d ký tự, quá giới hạn %(limit_value)d ký tự. "
                "Hãy rút gọn bớt."
            ),
        },
    )

    class Meta:
        model = Question
        fields = ["asker_name", "phone", "email", "workplace", "topic", "question"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("asker_name", "topic", "question"):
            self.fields[name].error_messages["required"] = {
                "asker_name": "Hãy cho biết họ và tên của bạn.",
                "topic": "Hãy chọn chủ đề gần nhất với câu hỏi.",
                "question": "Hãy viết câu hỏi của bạn.",
            }[name]
        self.fields["email"].error_messages["invalid"] = (
            "Địa chỉ thư điện tử chưa đúng, ví dụ đúng: ten@example.com."
        )

    def has_field_errors(self):
        return any(name != NON_FIELD_ERRORS for name in self.errors)

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                "Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm), ví dụ 0912 345 678."
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and "phone" not in self.errors:
            if "email" not in self.errors:
                raise forms.ValidationError(
                    "Hãy để lại số điện thoại hoặc thư điện tử để cán bộ liên hệ và gửi câu trả "
                    "lời cho bạn.",
                    code="no_contact",
                )
        return cleaned
