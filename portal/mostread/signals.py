"""An article published, changed, withdrawn or deleted leaves the block at once."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from news.models import Article

from . import blocks


@receiver(post_save, sender=Article, dispatch_uid="mostread-article-saved")
@receiver(post_delete, sender=Article, dispatch_uid="mostread-article-deleted")
def article_changed(sender, **kwargs):
    blocks.forget()
