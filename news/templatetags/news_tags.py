from django import template
from django.conf import settings
from django.template.loader import get_template
from django.utils import timezone
from django.utils.html import escape
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


def _markup(found):
    """The <picture> of a rendition set up to its alt text: modern formats as <source>, JPEG as
    the <img>."""
    sizes = f' sizes="{escape(found.sizes)}"' if found.sizes else ""
    parts = ["<picture>"]
    for mime, srcset in found.sources:
        parts.append(f'<source type="{escape(mime)}" srcset="{escape(srcset)}"{sizes}>')
    parts.append(f'<img src="{escape(found.src)}"')
    if found.srcset:
        parts.append(f' srcset="{escape(found.srcset)}"{sizes}')
    if found.width:
        parts.append(f' width="{escape(found.width)}" height="{escape(found.height)}"')
    return "".join(parts)


# Complete rendition sets with their markup, per process, by (media root and URL, file, kind): a
# page of cards then reads no file. A stored name never changes content and its renditions are
# made once; they are removed only with the file, when no row names it any more. A set still
# waiting for its renditions is not kept, so it is looked for again on the next request.
_known_sets = {}
KNOWN_SETS_MAX = 20_000


def picture_set(field_file, kind):
    """(RenditionSet or None, its markup up to the alt text) for a stored picture."""
    key = (str(settings.MEDIA_ROOT), settings.MEDIA_URL, getattr(field_file, "name", ""), kind)
    known = _known_sets.get(key)
    if known is None:
        found = renditions.rendition_set(field_file, kind)
        # No file: an <img> without a source, as the template partial this replaces showed.
        known = (found, _markup(found or renditions.RenditionSet(src="")))
        if found is not None and found.width is not None:
            if len(_known_sets) >= KNOWN_SETS_MAX:
                _known_sets.clear()
            _known_sets[key] = known
    return known


@register.simple_tag
def picture(field_file, kind, alt="", eager=False):
    """<picture> of a stored picture's renditions (news.renditions), e.g.
    {% picture article.cover "card" alt="" eager=forloop.first %}; lazy unless ``eager``."""
    loading = "" if eager else ' loading="lazy"'
    end = f' alt="{escape(alt)}"{loading} decoding="async"></picture>\n'
    return mark_safe(picture_set(field_file, kind)[1] + end)


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
    found = picture_set(article.cover, kind)[0]
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
