"""Backup and restore round trip (deploy/backup.sh, deploy/restore.sh) on SQLite and PostgreSQL.

A scratch database is migrated and filled in a separate process with the production settings
(pages, an image with a real file and a rendition, a document), backed up, restored into
another database and a fresh media folder, and compared: every table's rows (contents, not
only counts), PostgreSQL's sequences, and every media file's checksum. The PostgreSQL leg is
run when the suite runs on PostgreSQL (as in CI's second leg), on the same server.
"""

import hashlib
import sqlite3
import sys
from pathlib import Path

from django.conf import settings as django_settings

import pytest

from .helpers import BASE_DIR, production_env, run, skip_unless_reachable

SCRATCH = "portal_backup_test"
RESTORED = "portal_backup_test_restored"

FILL = """
import io
import django
django.setup()
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from home.models import HomePage, StandardPage

home = HomePage.objects.get(locale__language_code="de")
for number in range(3):
    page = StandardPage(title=f"Seite {number}", slug=f"seite-{number}", intro="Grüße aus Jena")
    home.add_child(instance=page)
    page.save_revision().publish()
buffer = io.BytesIO()
PILImage.new("RGB", (64, 48), "#0a5c8a").save(buffer, "PNG")
image = get_image_model()(title="Logo", file=ImageFile(buffer, name="logo.png"))
image.save()
image.get_rendition("fill-32x32")
get_document_model()(
    title="Satzung", file=ContentFile(b"%PDF-1.4 Satzung des Vereins", name="satzung.pdf")
).save()
"""


def postgres_server():
    """Host, port, user and password of the PostgreSQL server the tests may use."""
    database = django_settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        return (
            database.get("HOST") or "127.0.0.1",
            int(database.get("PORT") or 5432),
            database.get("USER") or "postgres",
            database.get("PASSWORD") or "",
        )
    return ("127.0.0.1", 5432, "postgres", "")


def postgres_url(name):
    host, port, user, password = postgres_server()
    credentials = f"{user}:{password}" if password else user
    return f"postgres://{credentials}@{host}:{port}/{name}"


def postgres_admin(sql):
    import psycopg

    host, port, user, password = postgres_server()
    with psycopg.connect(
        host=host, port=port, user=user, password=password, dbname="postgres", autocommit=True
    ) as connection:
        connection.execute(sql)


def recreate_postgres(*names):
    for name in names:
        postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        postgres_admin(f'CREATE DATABASE "{name}"')


def postgres_snapshot(name):
    """{table: (row count, digest of all rows)} and {sequence: last value}."""
    import psycopg

    host, port, user, password = postgres_server()
    with psycopg.connect(
        host=host, port=port, user=user, password=password, dbname=name
    ) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        contents = {}
        for table in tables:
            contents[table] = connection.execute(
                "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                f' FROM "{table}" t'
            ).fetchone()
        sequences = dict(
            connection.execute(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
            ).fetchall()
        )
    return contents, sequences


def sqlite_snapshot(path):
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1"
            )
        ]
        contents = {}
        for table in tables:
            rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"'))
            contents[table] = (len(rows), hashlib.md5("\n".join(rows).encode()).hexdigest())
    finally:
        connection.close()
    return contents, {}


def media_checksums(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def script_env(database_url, media_root):
    return production_env(
        DATABASE_URL=database_url, MEDIA_ROOT=str(media_root), PYTHON=sys.executable
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request, tmp_path):
    """(source URL, target URL, snapshot function, source, target) for one engine."""
    if request.param == "sqlite":
        source, target = tmp_path / "source.sqlite3", tmp_path / "restored" / "db.sqlite3"
        yield f"sqlite:///{source}", f"sqlite:///{target}", sqlite_snapshot, source, target
        return
    if not django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # One migration of a scratch database per run is enough; the SQLite leg of CI runs
        # the SQLite path, the PostgreSQL leg (DATABASE_URL=postgres://…) both.
        pytest.skip("PostgreSQL path runs when the tests run on PostgreSQL")
    host, port, _user, _password = postgres_server()
    skip_unless_reachable(host, port, "PostgreSQL")
    recreate_postgres(SCRATCH, RESTORED)
    try:
        yield (
            postgres_url(SCRATCH),
            postgres_url(RESTORED),
            postgres_snapshot,
            SCRATCH,
            RESTORED,
        )
    finally:
        for name in (SCRATCH, RESTORED):
            postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_round_trip_loses_nothing(databases, tmp_path):
    source_url, target_url, snapshot, source, target = databases
    media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    source_env = script_env(source_url, media)
    run([sys.executable, "manage.py", "migrate", "--noinput"], source_env)
    run([sys.executable, "-c", FILL], source_env)

    backup = run(["bash", "deploy/backup.sh", str(tmp_path / "backups")], source_env)
    folder = Path(backup.stdout.strip().splitlines()[-1])
    assert folder.is_dir()
    assert (folder / "SHA256SUMS").is_file()

    run(["bash", "deploy/restore.sh", "--yes", str(folder)], script_env(target_url, restored_media))

    before_tables, before_sequences = snapshot(source)
    after_tables, after_sequences = snapshot(target)
    # The fixture data is really there, so the comparison is not of empty databases.
    for table in ("wagtailcore_page", "wagtailimages_image", "wagtailimages_rendition"):
        assert before_tables[table][0] > 0, table
    assert before_tables["wagtaildocs_document"][0] == 1
    assert after_tables == before_tables
    assert after_sequences == before_sequences

    files = media_checksums(media)
    assert {path.split("/")[0] for path in files} >= {"original_images", "images", "documents"}
    assert media_checksums(restored_media) == files

    # The restored site finds its files through the ORM and storage.
    check = """
import django
django.setup()
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
for model in (get_image_model(), get_document_model()):
    for item in model.objects.all():
        assert item.file.storage.exists(item.file.name), item.file.name
print(Page.objects.live().filter(title__startswith="Seite").count())
"""
    result = run([sys.executable, "-c", check], script_env(target_url, restored_media))
    assert result.stdout.strip().splitlines()[-1] == "3"


def test_restore_refuses_a_damaged_backup(tmp_path):
    folder = tmp_path / "portal-damaged"
    folder.mkdir()
    (folder / "database.sqlite3").write_bytes(b"SQLite format 3\x00")
    (folder / "media.tar.gz").write_bytes(b"not the archive that was checksummed")
    (folder / "SHA256SUMS").write_text(f"{'0' * 64}  database.sqlite3\n{'0' * 64}  media.tar.gz\n")
    target = tmp_path / "db.sqlite3"

    result = run(
        ["bash", "deploy/restore.sh", "--yes", str(folder)],
        script_env(f"sqlite:///{target}", tmp_path / "media"),
        check=False,
    )

    assert result.returncode != 0
    assert not target.exists()
    assert not (tmp_path / "media").exists()


def test_restore_needs_confirmation(tmp_path):
    result = run(
        ["bash", "deploy/restore.sh", str(tmp_path)],
        script_env(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "media"),
        check=False,
    )

    assert result.returncode == 2
    assert "usage" in result.stderr


def test_scripts_are_executable():
    for name in ("backup.sh", "restore.sh"):
        assert (BASE_DIR / "deploy" / name).stat().st_mode & 0o111, name
