import colorsys
import datetime as dt
import io
import random
import secrets
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from news import workflow
from news.demo_content import ARTICLES, CATEGORIES, STAFF, UNITS
from news.models import Article, Category, Photo
from news.text import strip_diacritics, vietnamese_slugify
from portal.documents import demo as documents_demo
from portal.gallery import demo as gallery_demo
from portal.mostread import demo as mostread_demo
from portal.newsroom.models import StaffProfile, Unit
from portal.newsroom.roles import sync_roles
from portal.questions import demo as questions_demo
from portal.sitesettings import demo as site_demo

SIZE = W, H = 1200, 750
RED, GOLD = (184, 22, 30), (255, 214, 74)
SKINS = [(241, 200, 160), (224, 178, 135), (198, 150, 110)]
SHIRTS = [(21, 83, 160), (250, 250, 250), (196, 32, 40), (30, 130, 90), (240, 170, 40)]
FONT_FILES = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf")


class Command(BaseCommand):
    help = (
        f"Nạp nội dung mẫu: {len(CATEGORIES)} chuyên mục, {len(ARTICLES)} bài viết có ảnh "
        f"(vẽ bằng Pillow), {len(STAFF)} tài khoản cán bộ mẫu (mật khẩu tạo ngẫu nhiên, chỉ in "
        "khi tạo tài khoản) và bài ở mọi trạng thái, chuyển qua quy trình duyệt. "
        "Chạy lại không tạo trùng và không sửa những gì đã có; chỉ bổ sung phần còn thiếu."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--photos-per-article",
            type=int,
            default=3,
            metavar="N",
            help="Số ảnh tối đa trong mỗi bài, ngoài ảnh đại diện (từ 1, mặc định 3).",
        )

    def handle(self, *args, photos_per_article, verbosity, **options):
        if photos_per_article < 1:
            raise CommandError("--photos-per-article phải từ 1 trở lên.")
        # The demo steps mail nobody: the demo addresses are invented.
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
            transaction.atomic(),
        ):
            categories, new_categories = {}, 0
            for order, data in enumerate(CATEGORIES, start=1):
                category, created = Category.objects.get_or_create(
                    slug=data["slug"],
                    defaults={
                        "name": data["name"],
                        "description": data["description"],
                        "order": order,
                    },
                )
                categories[category.slug] = category
                new_categories += created
            self.stdout.write(f"Chuyên mục: {len(categories)} (mới {new_categories})")

            units, new_units = {}, 0
            for order, (short_name, name, kind) in enumerate(UNITS, start=1):
                unit, created = Unit.objects.get_or_create(
                    short_name=short_name, defaults={"name": name, "kind": kind, "order": order}
                )
                units[short_name] = unit
                new_units += created
            self.stdout.write(f"Đơn vị: {len(units)} (mới {new_units})")

            staff, passwords = self.load_staff(units)
            self.stdout.write(f"Tài khoản cán bộ: {len(staff)} (mới {len(passwords)})")
            for username, password in passwords:
                self.stdout.write(f"  {username}  mật khẩu: {password}")
            if passwords:
                self.stdout.write("  Mật khẩu chỉ in lần này: hãy ghi lại hoặc đổi ngay.")

            counts = {"articles": 0, "photos": 0, "new_photos": 0, "pictures": 0}
            for index, data in enumerate(ARTICLES):
                article = self.load_article(
                    index, data, categories, units, photos_per_article, counts, staff
                )
                if verbosity > 1:
                    self.stdout.write(f"  {article.title}")
            mostread_demo.load(self.stdout)
            questions_demo.load(self.stdout)
        self.stdout.write(f"Bài viết: {len(ARTICLES)} (mới {counts['articles']})")
        self.stdout.write(f"Ảnh trong bài: {counts['photos']} (mới {counts['new_photos']})")
        self.stdout.write(f"Tệp ảnh vừa vẽ: {counts['pictures']}")
        documents_demo.load(self.stdout)
        site_demo.load(self.stdout)
        gallery_demo.load(self.stdout)
        call_command("make_renditions", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Xong nội dung mẫu."))

    def load_staff(self, units):
        """The demo newsroom's accounts; a new one gets a random password, returned to print."""
        roles = {data["role"] for data in STAFF}
        if Group.objects.filter(name__in=roles).count() != len(roles):
            sync_roles(Group, Permission)  # a flushed test database has no groups
        staff, passwords = {}, []
        for data in STAFF:
            user, created = get_user_model().objects.get_or_create(
                username=data["username"], defaults={"email": data["email"], "is_staff": True}
            )
            if created:
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save(update_fields=["password"])
                user.groups.add(Group.objects.get(name=data["role"]))
                passwords.append((user.username, password))
            StaffProfile.objects.get_or_create(
                user=user,
                defaults={
                    "full_name": data["full_name"],
                    "unit": units[data["unit"]],
                    "phone": data["phone"],
                },
            )
            staff[data["key"]] = user
        return staff, passwords

    def load_article(self, index, data, categories, units, max_photos, counts, staff):
        published_at = publication_time(data["days_ago"], data["time"])
        cover = data["cover"]
        state = data.get("workflow")
        author = None
        if state:
            correspondent = staff["correspondent"]
            mine = correspondent.profile.unit.short_name == data["unit"]
            author = correspondent if mine else staff["editor"]
        # Rows that exist are left as they are: an editor may have changed them since. So the
        # scheduled demo article goes live a few days after the first run, as it would for real.
        article, created = Article.objects.get_or_create(
            slug=vietnamese_slugify(data["title"]),
            defaults={
                "title": data["title"],
                "summary": data["summary"].format(ngay=f"{published_at:%d/%m/%Y}"),
                "body": data["body"],
                "author_name": data["author"],
                "author_unit": units[data["unit"]],
                "category": categories[data["category"]],
                "status": Article.Status.DRAFT if state else Article.Status.PUBLISHED,
                # The workflow stamps the publication time of what it publishes.
                "published_at": None if state else published_at,
                "created_by": author,
                "is_featured": data.get("featured", False),
                "cover_caption": cover.caption,
                "cover_alt": cover.alt,
            },
        )
        counts["articles"] += created
        if created and state:
            take_steps(article, state, data.get("comment", ""), published_at, author, staff)
        if not file_exists(article.cover):
            picture = draw(cover.scene, cover.label, hue=index * 0.618, seed=article.slug)
            article.cover.save(f"{article.slug[:60]}.jpg", picture)
            counts["pictures"] += 1

        existing = {photo.order: photo for photo in article.photos.all()}
        for order, spec in enumerate(data["photos"][:max_photos], start=1):
            photo = existing.get(order)
            if photo is None:
                photo = Photo(
                    article=article,
                    order=order,
                    caption=spec.caption,
                    alt_text=spec.alt,
                    credit=data["author"],
                )
                counts["new_photos"] += 1
            counts["photos"] += 1
            if not file_exists(photo.image):
                label = spec.label or cover.label
                hue = index * 0.618 + order * 0.13
                picture = draw(spec.scene, label, hue=hue, seed=f"{article.slug}-{order}")
                photo.image.save(f"{article.slug[:50]}-anh-{order}.jpg", picture)
                counts["pictures"] += 1
        return article


def take_steps(article, state, comment, published_at, author, staff):
    """Bring a new draft to ``state`` through news.workflow.transition(), as the staff would."""
    reviewer = staff["content_admin"] if author == staff["editor"] else staff["editor"]
    if state == "draft":
        return
    workflow.transition(article, "submit", by=author)
    if state == "returned":
        workflow.transition(article, "return", by=reviewer, comment=comment)
    elif state in {"published", "scheduled", "withdrawn"}:
        when = min(published_at, timezone.now()) if state == "published" else published_at
        workflow.transition(article, "publish", by=reviewer, publish_at=when)
        if state == "withdrawn":
            workflow.transition(article, "withdraw", by=reviewer, comment=comment)


def publication_time(days_ago, time):
    """Local date ``days_ago`` days from today (negative: in the future) at ``time``."""
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time.fromisoformat(time)))


def file_exists(field):
    return bool(field) and field.storage.exists(field.name)


# Drawing: a flat, poster-like scene so that every demo article has its own picture.


@cache
def font(size):
    """A bold font with Vietnamese letters, and whether it has them (Pillow's own may not)."""
    for name in FONT_FILES:
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    return ImageFont.load_default(size), False


def rgb(hue, saturation, value):
    return tuple(round(c * 255) for c in colorsys.hsv_to_rgb(hue % 1, saturation, value))


def gradient(top, bottom):
    mask = Image.linear_gradient("L").resize(SIZE)
    return Image.composite(Image.new("RGB", SIZE, bottom), Image.new("RGB", SIZE, top), mask)


def banner(d, box, label, fill=RED):
    """A banner with the organisation's name and ``label`` shrunk to fit."""
    x0, y0, x1, y1 = box
    d.rectangle(box, fill=fill, outline=GOLD, width=4)
    width = x1 - x0 - 60
    for text, size, y in (
        ("LIÊN ĐOÀN LAO ĐỘNG TỈNH", 26, y0 + (y1 - y0) * 0.3),
        (label, 52, y0 + (y1 - y0) * 0.66),
    ):
        face, vietnamese = font(size)
        while face.getlength(text) > width and size > 14:
            size -= 4
            face, vietnamese = font(size)
        d.text(((x0 + x1) / 2, y), text if vietnamese else strip_diacritics(text), GOLD, face, "mm")


def person(d, x, feet, height, rnd, gift=False):
    head = height * 0.14
    top = feet - height
    shirt = rnd.choice(SHIRTS)
    trousers = (40, 44, 60) if rnd.random() < 0.7 else (90, 70, 60)
    d.rectangle([x - height * 0.1, feet - height * 0.45, x + height * 0.1, feet], fill=trousers)
    d.line([x, feet - height * 0.35, x, feet], fill=(20, 20, 30), width=3)
    d.rounded_rectangle(
        [x - height * 0.14, top + head * 1.05, x + height * 0.14, feet - height * 0.4],
        radius=head * 0.45,
        fill=shirt,
        outline=(0, 0, 0) if shirt == SHIRTS[1] else None,
    )
    d.ellipse([x - head / 2, top, x + head / 2, top + head * 1.1], fill=rnd.choice(SKINS))
    d.chord([x - head / 2, top - 2, x + head / 2, top + head * 0.8], 180, 360, fill=(35, 28, 24))
    if gift:
        s = height * 0.09
        y = feet - height * 0.62
        d.rectangle([x - s, y, x + s, y + s * 1.6], fill=RED, outline=GOLD, width=2)
        d.line([x, y, x, y + s * 1.6], fill=GOLD, width=4)


def seated_row(d, y, rnd, shade):
    for x in range(rnd.randint(-20, 30), W + 60, 78):
        colour = tuple(max(0, c - rnd.randint(0, 40)) for c in shade)
        d.pieslice([x - 40, y - 10, x + 40, y + 80], 180, 360, fill=colour)
        d.ellipse([x - 19, y - 52, x + 19, y - 8], fill=(40, 32, 28))


def flowers(d, x, y, rnd):
    d.polygon([(x - 26, y), (x + 26, y), (x + 18, y + 46), (x - 18, y + 46)], fill=(150, 90, 50))
    for _ in range(9):
        fx, fy = x + rnd.randint(-34, 34), y - rnd.randint(6, 50)
        colour = rnd.choice([(230, 60, 80), (250, 200, 60), (245, 245, 245)])
        d.ellipse([fx - 11, fy - 11, fx + 11, fy + 11], fill=colour)


def draw(scene, label, *, hue, seed):
    """A 1200x750 JPEG of a hall, an outdoor event or a handover, as a ContentFile."""
    rnd = random.Random(seed)
    if scene == "outdoor":
        sky = 0.55 + (hue % 1) * 0.08
        img = gradient(rgb(sky, 0.55, 0.85), rgb(sky, 0.12, 1))
        d = ImageDraw.Draw(img)
        sun = rnd.randint(900, 1100)
        d.ellipse([sun - 45, 50, sun + 45, 140], fill=(255, 236, 150))
        d.polygon([(0, 430), (260, 330), (560, 420), (860, 320), (W, 410), (W, H), (0, H)],
                  fill=rgb(0.3, 0.35, 0.55))  # fmt: skip
        for x in range(30, W, 150):
            tx = x + rnd.randint(-30, 30)
            d.rectangle([tx - 7, 360, tx + 7, 450], fill=(100, 70, 45))
            d.ellipse([tx - 50, 280, tx + 50, 390], fill=rgb(0.28 + rnd.random() * 0.08, 0.6, 0.45))
        d.rectangle([0, 450, W, H], fill=rgb(0.25 + (hue % 1) * 0.06, 0.5, 0.62))
        for x in (170, 1030):
            d.rectangle([x - 6, 170, x + 6, 470], fill=(90, 90, 90))
        banner(d, (176, 190, 1024, 330), label)
        people = sorted((rnd.randint(560, 720), rnd.randint(80, 1120)) for _ in range(9))
        for feet, x in people:
            person(d, x, feet, feet * 0.42, rnd)
    else:
        img = gradient(rgb(hue, 0.45, 0.4), rgb(hue, 0.2, 0.85))
        d = ImageDraw.Draw(img)
        d.rectangle([0, 470, W, H], fill=rgb(hue + 0.05, 0.3, 0.3))
        if scene == "handover":
            banner(d, (70, 40, 1130, 300), label, fill=rgb(hue + 0.5, 0.75, 0.5))
            d.rectangle([0, 640, W, H], fill=(120, 62, 40))
            for x in (90, 1110):
                flowers(d, x, 600, rnd)
            for i, x in enumerate(range(250, 1000, 140)):
                person(d, x + rnd.randint(-10, 10), 680, rnd.randint(330, 370), rnd, i % 2 == 1)
        else:
            banner(d, (130, 50, 1070, 220), label)
            d.rectangle([60, 440, 1140, 480], fill=(120, 62, 40))
            d.rectangle([180, 340, 640, 440], fill=(240, 240, 240))
            d.rectangle([180, 340, 640, 360], fill=(21, 83, 160))
            for x in range(230, 640, 100):
                d.ellipse([x - 20, 285, x + 20, 327], fill=rnd.choice(SKINS))
                d.pieslice([x - 40, 320, x + 40, 400], 180, 360, fill=(45, 50, 70))
            person(d, 880, 440, 260, rnd)
            d.polygon([(810, 330), (950, 330), (935, 440), (825, 440)], fill=(150, 85, 50))
            flowers(d, 880, 392, rnd)
            for y, shade in ((590, (70, 70, 90)), (665, (55, 55, 75)), (740, (40, 40, 55))):
                seated_row(d, y, rnd, shade)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue())
