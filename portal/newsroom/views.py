"""The report page in the admin (Thống kê tin bài) and its downloads."""

import datetime as dt
import re

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from . import report

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
LONGEST = dt.timedelta(days=366)


class PeriodForm(forms.Form):
    """A month (YYYY-MM) or two dates; nothing at all means the current month."""

    thang = forms.CharField(
        label="Tháng",
        required=False,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-11"}),
        help_text="Dạng năm-tháng, ví dụ 2026-11.",
    )
    tu = forms.DateField(
        label="Từ ngày",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Ngày bắt đầu không hợp lệ (dạng 28/11/2026)."},
    )
    den = forms.DateField(
        label="Đến ngày",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Ngày kết thúc không hợp lệ (dạng 28/11/2026)."},
    )

    def clean_thang(self):
        value = self.cleaned_data["thang"].strip()
        if not value:
            return None
        match = MONTH.match(value)
        if not match or not (1 <= int(match[2]) <= 12) or int(match[1]) < 1900:
            raise forms.ValidationError(
                "Tháng không hợp lệ: hãy nhập dạng năm-tháng, ví dụ 2026-11."
            )
        return report.month_bounds(int(match[1]), int(match[2]))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        start, end = data.get("tu"), data.get("den")
        if start or end:
            if data.get("thang"):
                raise forms.ValidationError(
                    "Chọn một tháng hoặc một khoảng ngày, không chọn cả hai."
                )
            if not (start and end):
                raise forms.ValidationError("Hãy nhập cả ngày bắt đầu và ngày kết thúc.")
            if end < start:
                raise forms.ValidationError("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
            if end - start >= LONGEST:
                raise forms.ValidationError("Khoảng thống kê dài nhất là một năm.")
            data["period"] = (start, end)
        else:
            today = timezone.localdate()
            data["period"] = data.get("thang") or report.month_bounds(today.year, today.month)
        return data


def report_view(request, model_admin):
    today = timezone.localdate()
    form = PeriodForm(request.GET or None, initial={"thang": f"{today:%Y-%m}"})
    result = None
    if not form.is_bound or form.is_valid():
        if form.is_bound:
            start, end = form.cleaned_data["period"]
        else:
            start, end = report.month_bounds(today.year, today.month)
        result = report.build(start, end)
        download = request.GET.get("tai")
        if download == "csv":
            response = HttpResponse(report.as_csv(result), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{result.slug}.csv"'
            return response
        if download == "xlsx":
            response = HttpResponse(
                report.as_xlsx(result),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{result.slug}.xlsx"'
            return response
    query = request.GET.copy()
    query.pop("tai", None)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": result.title if result else "Thống kê tin bài",
        "opts": model_admin.model._meta,
        "form": form,
        "report": result,
        "headers": report.HEADERS,
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "admin/newsroom/report.html", context)
