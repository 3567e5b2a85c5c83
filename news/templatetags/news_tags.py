from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from news import body_pictures, context_processors, renditions

register = template.Library()

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


@register.filter
def vn_datetime(value):
    """'Thứ Hai, 28/12/2020 15:30' in the portal's time zone."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{WEEKDAYS[local.weekday()]}, {local:%d/%m/%Y %H:%M}"


@register.filter
def vn_date(value):
    """'28/12/2020' in the portal's time zone."""
    if not value:
        return ""
    return f"{timezone.localtime(value):%d/%m/%Y}"


@register.filter
def vn_day(value):
    """'Thứ Hai, 30/11/2026' for a date."""
    if not value:
        return ""
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y}"


@register.simple_tag
def local_today():
    """Today in the portal's time zone (Asia/Ho_Chi_Minh), whatever the server's clock says."""
    return timezone.localdate()


@register.simple_tag
def latest_articles():
    """The sidebar's "Tin mới": cached, 0 queries when warm (news.context_processors)."""
    return context_processors.latest_articles()


@register.filter
def iso_datetime(value):
    """ISO 8601 in local time, whole seconds: what <time datetime> accepts."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


@register.simple_tag
def picture(field_file, kind, alt="", eager=False):
    """<picture> of a stored picture's renditions (news.renditions.RenditionSet.html), e.g.
    {% picture article.cover "card" alt="" eager=forloop.first %}; lazy unless ``eager``."""
    found = renditions.rendition_set(field_file, kind)
    if found is None:  # no file: what the partial it replaces showed, an <img> without a source
        found = renditions.RenditionSet(src="")
    return found.html(alt, eager)


@register.simple_tag
def article_body(article):
    """The article's body with its pictures as renditions (news.body_pictures). The body is
    cleaned by nh3 before it is stored, hence safe."""
    return mark_safe(body_pictures.public_body(article.body))
