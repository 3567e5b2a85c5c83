"""make backup / make restore: one archive, restored only into empty places, checked file by file.

Runs on the suite's database (SQLite, or PostgreSQL with DATABASE_URL): the test database is
backed up, its tables dropped and the archive restored into it, then compared row by row.
"""

import hashlib
import io
import json
import re
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from news.models import Article, Photo
from portal.backups.archive import quote, sha256_of, table_names
from tests.factories import ArticleFactory, PhotoFactory, StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def content(media):
    StaffFactory(username="bientap")
    ArticleFactory(title="Đại hội Công đoàn cơ sở", with_cover=True)
    photo = PhotoFactory(caption="Đồng chí Lê Văn Hòa phát biểu")
    PhotoFactory(article=photo.article)
    ArticleFactory(draft=True, body="<p>Bản nháp <strong>chưa đăng</strong>.</p>")
    thumbnail = media / "thumbs" / "news" / "x.jpg"  # ImageKit makes these again: not kept
    thumbnail.parent.mkdir(parents=True)
    thumbnail.write_bytes(b"thumbnail")


def backup(directory):
    out = io.StringIO()
    call_command("backup", "--dir", str(directory), stdout=out)
    (archive,) = Path(directory).glob("portal-*.tar.gz")
    return archive


def restore(archive):
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    return out.getvalue()


def dump_tables():
    """Every row of every table, in a stable order."""
    dump = {}
    with connection.cursor() as cursor:
        for table in table_names(cursor, connection.vendor):
            cursor.execute(f"SELECT * FROM {quote(table)}")
            rows = [
                tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                for row in cursor.fetchall()
            ]
            dump[table] = sorted(rows, key=repr)
    return dump


def media_checksums(media):
    return {
        path.relative_to(media).as_posix(): sha256_of(path)
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }


def drop_tables():
    with connection.cursor() as cursor:
        tables = table_names(cursor, connection.vendor)
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TABLE {', '.join(map(quote, tables))} CASCADE")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in tables:
                cursor.execute(f"DROP TABLE {quote(table)}")
            cursor.execute("PRAGMA foreign_keys = ON")


def wipe(media):
    drop_tables()
    shutil.rmtree(media)


def sha256_of_member(archive, name):
    with tarfile.open(archive) as tar:
        return hashlib.sha256(tar.extractfile(name).read()).hexdigest()


def rewrite(archive, change):
    """Rebuild ``archive`` with ``change(name, data)`` applied to each member's bytes."""
    with tarfile.open(archive) as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar.getmembers() if m.isfile()]
    with tarfile.open(archive, "w:gz") as tar:
        for member, data in members:
            data = change(member.name, data)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))


def test_backup_then_restore_gives_the_same_rows_and_files(content, media, tmp_path):
    archive = backup(tmp_path / "backups")
    assert re.fullmatch(r"portal-\d{8}-\d{4}\.tar\.gz", archive.name)
    rows, files = dump_tables(), media_checksums(media)
    assert len(rows["news_article"]) == 3 and len(rows["news_photo"]) == 2
    del files["thumbs/news/x.jpg"]
    # The cover and two photos, and their renditions (made after the commit), kept too.
    assert len([name for name in files if not name.startswith("renditions/")]) == 3
    assert any(name.endswith("/card@1x.jpg") for name in files)

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["vendor"] == connection.vendor
    assert manifest["tables"]["news_article"] == 3
    assert manifest["tables"] == {table: len(table_rows) for table, table_rows in rows.items()}
    assert {name for name in manifest["files"] if name.startswith("media/")} == {
        f"media/{name}" for name in files
    }
    dump = manifest["database"]
    assert manifest["files"][dump] == sha256_of_member(archive, dump)

    wipe(media)
    with connection.cursor() as cursor:
        assert table_names(cursor, connection.vendor) == []
    output = restore(archive)
    assert "đều khớp manifest" in output
    assert dump_tables() == rows
    assert media_checksums(media) == files
    article = Article.objects.get(title="Đại hội Công đoàn cơ sở")
    assert article.cover.path and Path(article.cover.path).is_file()
    assert Photo.objects.filter(caption="Đồng chí Lê Văn Hòa phát biểu").exists()


def flip_last_byte(data):
    return data[:-1] + bytes([data[-1] ^ 1])


def test_a_changed_file_fails_verification_and_restores_nothing(content, media, tmp_path):
    archive = backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        changed = next(name for name in tar.getnames() if name.startswith("media/news/"))

    def change(name, data):
        return flip_last_byte(data) if name == changed else data

    rewrite(archive, change)
    wipe(media)
    with pytest.raises(CommandError, match=f"sai mã SHA-256: {re.escape(changed)}"):
        restore(archive)
    with connection.cursor() as cursor:
        assert table_names(cursor, connection.vendor) == []  # the database was not touched
    assert list(media.iterdir()) == []
    rewrite(archive, change)  # flipped back: now it restores (and the teardown has its tables)
    restore(archive)


def test_a_file_outside_the_manifest_or_the_folder_is_refused(content, media, tmp_path):
    archive = backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]
    wipe(media)
    for extra in ("media/../../thoat.txt", "/tmp/thoat.txt", "media/news/them.png", "lam.sh", None):
        with tarfile.open(archive, "w:gz") as tar:
            for member, data in members:
                tar.addfile(member, io.BytesIO(data))
            if extra is None:
                break  # the archive as it was: it restores
            info = tarfile.TarInfo(extra)
            info.size = 3
            tar.addfile(info, io.BytesIO(b"abc"))
        with pytest.raises(CommandError, match="không hợp lệ|không có trong manifest|tệp lạ"):
            restore(archive)
        assert not (tmp_path / "thoat.txt").exists() and list(media.iterdir()) == []
    restore(archive)


def test_restore_refuses_a_database_or_media_folder_that_is_not_empty(content, media, tmp_path):
    archive = backup(tmp_path / "backups")
    before = dump_tables()
    with pytest.raises(CommandError, match="không trống.*cơ sở dữ liệu trống"):
        restore(archive)
    assert dump_tables() == before
    drop_tables()
    with pytest.raises(CommandError, match="Thư mục ảnh .* không trống"):
        restore(archive)
    shutil.rmtree(media)
    restore(archive)
    assert dump_tables() == before
