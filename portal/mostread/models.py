from django.db import models


class DailyViews(models.Model):
    """Readers of one article on one day (Asia/Ho_Chi_Minh), written in batches by counter.py."""

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="daily_views",
        verbose_name="bài viết",
    )
    day = models.DateField("ngày")
    count = models.PositiveIntegerField("lượt xem", default=0)

    class Meta:
        verbose_name = "lượt xem trong ngày"
        verbose_name_plural = "lượt xem theo ngày"
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="mostread_one_row_per_day"),
        ]
        # "Most read this week" sums the last seven days: the day leads the index.
        indexes = [models.Index(fields=["day", "article"], name="mostread_day_article")]

    def __str__(self):
        return f"{self.article_id} {self.day:%d/%m/%Y}: {self.count}"
