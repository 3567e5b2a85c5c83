from django import template
from django.template.loader import get_template
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


# Cards as rendered, per process, keyed by everything that goes into them (so never stale): a
# list page repeats the same dozen cards for every reader. A card whose picture still waits for
# its renditions is not kept.
_cards = {}
CARDS_MAX = 5000


@register.simple_tag
def article_card(article, compact=False, lead=False, show_category=False, card_heading="h3"):
    """includes/article_card.html for ``article``, e.g. {% article_card article compact=True %}."""
    flags = (bool(compact), bool(lead), bool(show_category), card_heading == "h2")
    kind = "lead" if lead else "thumb" if compact else "card"
    found = renditions.rendition_set(article.cover, kind)
    key = (
        article.pk,
        article.get_absolute_url(),
        article.title,
        article.summary,
        article.published_at,
        article.category.name if show_category else "",
        article.cover.name,
        found.src if found else "",
        timezone.get_current_timezone_name(),
        flags,
    )
    html = _cards.get(key)
    if html is None:
        context = {
            "article": article,
            "compact": flags[0],
            "lead": flags[1],
            "show_category": flags[2],
            "card_heading": "h2" if flags[3] else "h3",
        }
        html = mark_safe(get_template("includes/article_card.html").render(context))
        if found is None or found.width is not None:
            if len(_cards) >= CARDS_MAX:
                _cards.clear()
            _cards[key] = html
    return html
