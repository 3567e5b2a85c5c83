"""Views per article in the article list (news/admin.py adds the column)."""

from django.contrib import admin
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.formats import number_format

from .models import DailyViews


def with_views(articles):
    """Each article's total views, one subquery evaluated for the rows shown."""
    totals = (
        DailyViews.objects.filter(article=OuterRef("pk"))
        .values("article")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return articles.annotate(total_views=Coalesce(Subquery(totals), 0))


@admin.display(description="lượt xem", ordering="total_views")
def views_column(article):
    return number_format(getattr(article, "total_views", 0), force_grouping=True)
