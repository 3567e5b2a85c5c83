"""A week of invented readers for the demo articles, so "Đọc nhiều trong tuần" has something."""

import datetime as dt
import random

from django.utils import timezone

from .models import DailyViews


def load(stdout):
    from news.models import Article

    today = timezone.localdate()
    unread = Article.objects.published().filter(daily_views__isnull=True).order_by("pk")
    rows = []
    for article in unread:
        draw = random.Random(article.slug)  # the same figures on every machine
        popularity = draw.choice([20, 60, 150, 400])
        for days_ago in range(7):
            day = today - dt.timedelta(days=days_ago)
            if day >= timezone.localdate(article.published_at):
                rows.append(DailyViews(article=article, day=day, count=draw.randint(1, popularity)))
    DailyViews.objects.bulk_create(rows)
    stdout.write(f"Lượt xem mẫu: {len(rows)} ngày-bài (mới)")
