"""One archive holding the database and the media files, with a manifest of checksums.

    manifest.json                   vendor, time, row count per table, SHA-256 of every file
    database.sqlite3 | database.pgdump
    media/...                       MEDIA_ROOT, without the thumbnails ImageKit makes again

The database is copied with its own tools: SQLite's online backup API (a consistent copy while
the site runs) and pg_dump's custom format, read by pg_restore. Restoring goes into an empty
database and an empty media folder only, and every file is checked against the manifest before
the database is touched.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connections
from django.utils import timezone

from news.media_files import local_root

FORMAT = 1
MANIFEST = "manifest.json"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


class _Hashing:
    """A file object that hashes what is read through it."""

    def __init__(self, raw):
        self.raw, self.sha256 = raw, hashlib.sha256()

    def read(self, size=-1):
        data = self.raw.read(size)
        self.sha256.update(data)
        return data


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def quote(name):
    return '"' + name.replace('"', '""') + '"'


def table_names(cursor, vendor):
    if vendor == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = ANY(current_schemas(false))"
        )
    return sorted(row[0] for row in cursor.fetchall())


def row_counts(cursor, vendor):
    counts = {}
    for table in table_names(cursor, vendor):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env(connection):
    params = connection.settings_dict
    env = {**os.environ, "PGDATABASE": params["NAME"]}
    for key, name in (("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD"), ("HOST", "PGHOST")):
        if params.get(key):
            env[name] = str(params[key])
    if params.get("PORT"):
        env["PGPORT"] = str(params["PORT"])
    if sslmode := params.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    return env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} thất bại:\n{result.stderr.strip()}")


def _dump_database(connection, path):
    """Copy the database to ``path``; return the row count of each table in that copy."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
            return row_counts(target.cursor(), "sqlite")
        finally:
            target.close()
    if connection.vendor != "postgresql":
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")
    # Count the rows in the very snapshot pg_dump copies.
    snapshot = connection.get_new_connection(connection.get_connection_params())
    try:
        snapshot.set_session(isolation_level="REPEATABLE READ", readonly=True)
        cursor = snapshot.cursor()
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot_id = cursor.fetchone()[0]
        counts = row_counts(cursor, "postgresql")
        # pg_dump compresses the dump in its own process: on two cores that was faster than an
        # uncompressed dump left to the archive's gzip, for the same size.
        _run(
            ["pg_dump", "--format=custom", f"--snapshot={snapshot_id}", "--file", str(path)],
            _pg_env(connection),
        )
        return counts
    finally:
        snapshot.close()


def _media_files(media_root):
    """(path, name in the archive) of every regular file to keep; thumbnails are made again."""
    skipped = {getattr(settings, "IMAGEKIT_CACHEFILE_DIR", "CACHE/images").split("/")[0]}
    for folder, dirs, files in os.walk(media_root):
        relative = Path(folder).relative_to(media_root)
        if relative == Path("."):
            dirs[:] = [name for name in dirs if name not in skipped]
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path, (PurePosixPath("media") / relative.as_posix() / name).as_posix()


def archive_path(directory):
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    path, n = directory / f"portal-{stamp}.tar.gz", 2
    while path.exists():
        path, n = directory / f"portal-{stamp}-{n}.tar.gz", n + 1
    return path


def create_backup(directory, *, using="default"):
    """Write portal-YYYYMMDD-HHMM.tar.gz into ``directory``; return its path and manifest."""
    connection = connections[using]
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = archive_path(directory)
    partial = path.with_name(path.name + ".part")
    media_root = Path(settings.MEDIA_ROOT)
    manifest = {
        "format": FORMAT,
        "created": timezone.localtime().isoformat(timespec="seconds"),
        "vendor": connection.vendor,
        "database": DUMP_NAMES.get(connection.vendor, "database"),
        "tables": {},
        "files": {},
    }
    try:
        with tempfile.TemporaryDirectory(prefix="portal-backup-") as temp:
            dump = Path(temp) / manifest["database"]
            manifest["tables"] = _dump_database(connection, dump)
            with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
                members = [(dump, manifest["database"])]
                # Media in an S3 bucket are not on this host: the bucket keeps its own versions.
                if local_root() is not None and media_root.is_dir():
                    members += list(_media_files(media_root))
                for source, name in members:
                    info = tar.gettarinfo(source, arcname=name)
                    info.uid = info.gid = 0
                    info.uname = info.gname = ""
                    with open(source, "rb") as file:
                        hashing = _Hashing(file)
                        tar.addfile(info, hashing)
                    manifest["files"][name] = hashing.sha256.hexdigest()
                data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime = len(data), int(timezone.now().timestamp())
                tar.addfile(info, io.BytesIO(data))
        partial.rename(path)  # only a finished archive carries the final name
    finally:
        partial.unlink(missing_ok=True)
    return path, manifest


def _safe_name(name):
    """The archive member name as a relative path, or None if it could escape the folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(part in ("", ".", "..") for part in path.parts):
        return None
    return path


def _extract(archive, dump_dir, media_dir):
    """Unpack into the staging folders, hashing each file; return (manifest, checksums)."""
    manifest, checksums = None, {}
    with tarfile.open(archive, "r:*") as tar:
        for member in tar:
            path = _safe_name(member.name)
            if member.isdir():
                continue
            if path is None or not member.isfile():
                raise BackupError(f"Bản sao lưu có mục không hợp lệ: {member.name!r}.")
            source = tar.extractfile(member)
            if member.name == MANIFEST:
                manifest = json.loads(source.read().decode())
                continue
            if path.parts[0] == "media" and len(path.parts) > 1:
                target = media_dir.joinpath(*path.parts[1:])
            elif len(path.parts) == 1 and path.name in DUMP_NAMES.values():
                target = dump_dir / path.name
            else:
                raise BackupError(f"Bản sao lưu có tệp lạ: {member.name!r}.")
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with open(target, "wb") as out:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            checksums[member.name] = digest.hexdigest()
    if manifest is None:
        raise BackupError("Bản sao lưu không có manifest.json: không kiểm tra được.")
    return manifest, checksums


def _compare(expected, found, where):
    problems = []
    for name in sorted({*expected, *found}):
        if name not in found:
            problems.append(f"  thiếu: {name}")
        elif name not in expected:
            problems.append(f"  không có trong manifest: {name}")
        elif found[name] != expected[name]:
            problems.append(f"  sai mã SHA-256: {name}")
    if problems:
        lines = "\n".join(problems)
        raise BackupError(f"Bản sao lưu không khớp manifest ({where}), dừng khôi phục:\n{lines}")


def check_empty(using="default"):
    """Refuse unless the database has no table and MEDIA_ROOT holds nothing."""
    connection = connections[using]
    with connection.cursor() as cursor:
        tables = table_names(cursor, connection.vendor)
    if tables:
        raise BackupError(
            f"Cơ sở dữ liệu {connection.settings_dict['NAME']} không trống ({len(tables)} bảng, "
            f"ví dụ {tables[0]}). Chỉ khôi phục vào cơ sở dữ liệu trống: tạo một cơ sở dữ liệu "
            "mới (chưa chạy migrate) và trỏ DATABASE_URL vào đó."
        )
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(
            f"Thư mục ảnh {media_root} không trống. Chỉ khôi phục vào thư mục trống: "
            "đổi tên thư mục cũ hoặc đặt DJANGO_MEDIA_ROOT sang thư mục mới."
        )


def restore_backup(archive, *, using="default"):
    if local_root() is None:
        raise BackupError(
            "Ảnh đang lưu trong kho S3 (DJANGO_MEDIA_STORAGE=s3): lệnh này chỉ khôi phục vào thư "
            "mục ảnh trên đĩa. Hãy khôi phục cơ sở dữ liệu bằng pg_restore và ảnh từ phiên bản "
            "cũ của kho (versioning)."
        )
    """Restore ``archive`` into the empty database and media folder; return the manifest."""
    connection = connections[using]
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Không thấy tệp {archive}.")
    check_empty(using)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restoring-", dir=media_root))  # same file system
    try:
        with tempfile.TemporaryDirectory(prefix="portal-restore-") as dump_dir:
            manifest, checksums = _extract(archive, Path(dump_dir), staging)
            if manifest.get("format") != FORMAT:
                raise BackupError(f"Không đọc được bản sao lưu dạng {manifest.get('format')!r}.")
            if manifest["vendor"] != connection.vendor:
                raise BackupError(
                    f"Bản sao lưu của {manifest['vendor']} không khôi phục được vào "
                    f"{connection.vendor}: dùng cơ sở dữ liệu cùng loại."
                )
            _compare(manifest["files"], checksums, "khi giải nén")
            _load_database(connection, Path(dump_dir) / manifest["database"])
        with connection.cursor() as cursor:
            counts = row_counts(cursor, connection.vendor)
        if counts != manifest["tables"]:
            wrong = sorted(
                name for name in {*counts, *manifest["tables"]}
                if counts.get(name) != manifest["tables"].get(name)
            )  # fmt: skip
            raise BackupError(f"Số dòng sau khi khôi phục không khớp manifest: {', '.join(wrong)}.")
        for entry in staging.iterdir():
            entry.rename(media_root / entry.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    restored = {
        name: sha256_of(media_root.joinpath(*PurePosixPath(name).parts[1:]))
        for name in manifest["files"]
        if name.startswith("media/")
    }
    expected = {name: sha for name, sha in manifest["files"].items() if name.startswith("media/")}
    _compare(expected, restored, "tệp ảnh đã khôi phục")
    return manifest


def _load_database(connection, dump):
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    _run(
        ["pg_restore", "--no-owner", "--no-privileges", "--single-transaction",
         "--exit-on-error", "--dbname", connection.settings_dict["NAME"], str(dump)],
        _pg_env(connection),
    )  # fmt: skip
