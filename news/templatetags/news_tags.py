from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

from news import body_pictures, context_processors, renditions
from portal import urlcache
from portal.fragments import render_for, render_once
from portal.sitesettings.models import current as current_site_settings

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
def figure(field_file, alt="", caption="", credit="", eager=False):
    """A photo as the article shows it: its renditions ({% picture %}), caption and credit, e.g.
    {% figure photo.image alt=photo.alt_text caption=photo.caption credit=photo.credit %}."""
    parts = ['<figure class="figure">\n  ', picture(field_file, "article", alt=alt, eager=eager)]
    if caption or credit:
        parts.append(f"  <figcaption>{conditional_escape(caption)}")
        if credit:
            credit = conditional_escape(credit)
            parts.append(f' <span class="figure__credit">(Ảnh: {credit})</span>')
        parts.append("</figcaption>\n")
    parts.append("</figure>\n")
    return mark_safe("".join(parts))


@register.simple_tag
def article_body(article):
    """The article's body with its pictures as renditions (news.body_pictures). The body is
    cleaned by nh3 before it is stored, hence safe."""
    return mark_safe(body_pictures.public_body(article.body))


@register.simple_tag
def breadcrumbs(category=None, title=""):
    """The trail above a page: Trang chủ › its section › its title, e.g.
    {% breadcrumbs category=article.category title=article.title %}. ``category`` is anything
    with a name and get_absolute_url(); made in Python, as it is on nearly every page."""
    items = [f'<li><a href="{urlcache.reverse("news:home")}">Trang chủ</a></li>']
    if category:
        current = "" if title else ' aria-current="page"'
        url, name = escape(category.get_absolute_url()), conditional_escape(category.name)
        items.append(f'<li><a href="{url}"{current}>{name}</a></li>')
    if title:
        items.append(f'<li><span aria-current="page">{conditional_escape(title)}</span></li>')
    lines = "\n    ".join(items)
    return mark_safe(
        f'<nav class="breadcrumbs" aria-label="Đường dẫn">\n  <ol>\n    {lines}\n  </ol>\n</nav>'
    )


@register.simple_tag
def article_card(article, compact=False, lead=False, show_category=False, card_heading="h3"):
    """includes/article_card.html for ``article``, e.g. {% article_card article compact=True %};
    rendered once per process for the same article, slot and picture (portal.fragments)."""
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
        flags,
    )
    context = {
        "article": article,
        "compact": flags[0],
        "lead": flags[1],
        "show_category": flags[2],
        "card_heading": "h2" if flags[3] else "h3",
    }
    # A card whose picture still waits for its renditions is rendered again next time.
    keep = found is None or found.width is not None
    return render_once("includes/article_card.html", key, context, keep=keep)


@register.simple_tag(takes_context=True)
def site_menu(context):
    """includes/menu.html, rendered once per process for the same categories and current page
    (portal.fragments.render_for)."""
    match = getattr(context.get("request"), "resolver_match", None)
    categories = context_processors.menu_categories()
    menu_context = {
        "request": {"resolver_match": match},
        "category": context.get("category"),
        "menu_categories": categories,
    }
    return render_for("includes/menu.html", (categories,), lambda: menu_context, _place(context))


def _place(context):
    """Where the page is in the site, as the menu marks it: its view and its category."""
    match = getattr(context.get("request"), "resolver_match", None)
    return (
        getattr(match, "url_name", None),
        getattr(match, "namespace", None),
        getattr(context.get("category"), "pk", None),
    )


def _site(context):
    """The site settings row the page shows: the memo's own object behind the context
    processor's lazy one, so that partials can be kept beside it; None without it."""
    site = context.get("site_settings")
    if isinstance(site, SimpleLazyObject):
        return current_site_settings()
    return site if hasattr(site, "_meta") else None


def _for_site(template_name, site, context, sources=(), key=()):
    """render_for() of a partial that shows the site settings, kept beside them; a page
    rendered without them (no context processor) gets the partial rendered, not kept."""
    if site is None:
        return render_to_string(template_name, context())
    return render_for(template_name, (site, *sources), context, key)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """includes/site_footer.html for the site settings and links, rendered once per process
    for the same settings."""
    site = _site(context)
    return _for_site("includes/site_footer.html", site, lambda: {"site": site})


@register.simple_tag(takes_context=True)
def site_header(context):
    """includes/site_header.html (date, hotline, banner, menu, search box), rendered once per
    process for the same settings, day, menu and searched words."""
    site = _site(context)
    search = context.get("search")
    key = (timezone.localdate(), getattr(search, "text", ""), *_place(context))
    return _for_site(
        "includes/site_header.html",
        site,
        lambda: {"site_settings": site, "menu": site_menu(context), "search": search},
        (context_processors.menu_categories(),),
        key,
    )


@register.simple_tag(takes_context=True)
def sidebar_latest(context):
    """includes/sidebar/latest.html: "Tin mới" from the cache (0 queries warm), without the
    article of the page; rendered once per process for the same articles (portal.fragments)."""
    latest = context_processors.latest_articles()
    current = context.get("article")
    # Only an article among them changes the block.
    shown = getattr(current, "pk", None)
    if not any(item.pk == shown for item in latest):
        shown = current = None
    block = {"latest": latest, "article": current}
    return render_for("includes/sidebar/latest.html", (latest,), lambda: block, shown)


@register.simple_tag(takes_context=True)
def sidebar_links(context):
    """includes/sidebar/links.html: higher and sister bodies from the site settings, rendered
    once per process for the same settings."""
    site = _site(context)
    return _for_site("includes/sidebar/links.html", site, lambda: {"site_settings": site})


@register.simple_tag(takes_context=True)
def site_head_links(context):
    """includes/site_head_links.html (icon, style sheets), rendered once per process for the
    same settings."""
    site = _site(context)
    return _for_site("includes/site_head_links.html", site, lambda: {"site_settings": site})
