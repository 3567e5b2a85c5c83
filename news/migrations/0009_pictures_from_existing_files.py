"""Every cover and photo already stored becomes a library picture; no file is copied or moved.

One picture per distinct file name, with the texts of the first row naming it (a cover's
caption and alt, a photo's caption, alt and credit); every row naming the file points to it.
Articles in the trash are left out: their files are not in the served tree.
"""

from django.db import migrations

from news.search import search_document


def pictures_from_files(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    Photo = apps.get_model("news", "Photo")
    Picture = apps.get_model("photos", "Picture")
    found = {}  # file name -> the picture's fields, from the first row naming it
    covers = Article.objects.filter(deleted_at__isnull=True, cover_picture__isnull=True)
    for article in covers.exclude(cover="").order_by("pk"):
        found.setdefault(
            article.cover.name,
            {
                "caption": article.cover_caption,
                "alt_text": article.cover_alt,
                "credit": "",
                "uploaded_by_id": article.created_by_id,
                "uploaded_at": article.created_at,
            },
        )
    photos = Photo.objects.filter(article__deleted_at__isnull=True, picture__isnull=True)
    for photo in photos.exclude(image="").select_related("article").order_by("pk"):
        found.setdefault(
            photo.image.name,
            {
                "caption": photo.caption,
                "alt_text": photo.alt_text,
                "credit": photo.credit,
                "uploaded_by_id": photo.article.created_by_id,
                "uploaded_at": photo.article.created_at,
            },
        )
    for name, fields in found.items():
        picture = Picture.objects.filter(image=name).first()
        if picture is None:
            texts = (fields["caption"], fields["alt_text"], fields["credit"])
            picture = Picture.objects.create(
                image=name, search_text=search_document(*texts), **fields
            )
        covers.filter(cover=name).update(cover_picture=picture)
        photos.filter(image=name).update(picture=picture)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0008_library_references"),
        ("photos", "0002_roles"),
    ]

    # Going back keeps the pictures: the rows keep naming the same files either way.
    operations = [migrations.RunPython(pictures_from_files, migrations.RunPython.noop)]
