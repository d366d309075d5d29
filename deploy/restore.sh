#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into the database and MEDIA_ROOT the settings name.
#
#   deploy/restore.sh --yes BACKUP_FOLDER
#
# Stop the site (gunicorn, cron jobs) first. The target is what the site would use
# (DJANGO_SETTINGS_MODULE, default cms.settings.production, with DATABASE_URL and MEDIA_ROOT),
# so a restore into a scratch database is: DATABASE_URL=postgres://…/scratch MEDIA_ROOT=/tmp/m …
#
# - checks SHA256SUMS before touching anything;
# - PostgreSQL: the database must exist (createdb); every object of the backup is dropped
#   and recreated in one transaction, so a failed restore leaves the database as it was;
# - SQLite: the database file is replaced; the old one is kept beside it as *.before-restore;
# - media: the archive is unpacked into MEDIA_ROOT (created if missing); files that are not in
#   the backup are left alone;
# - the cache is cleared, so no page cached before the restore is served afterwards.
# Then run `manage.py migrate` if the code is newer than the backup. See docs/deployment.md.
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cms.settings.production}"

if [ "${1:-}" != "--yes" ] || [ -z "${2:-}" ]; then
    echo "usage: $0 --yes BACKUP_FOLDER   (replaces the database and media the settings name)" >&2
    exit 2
fi
src="$(cd "$2" && pwd)"

echo "restore: checking $src/SHA256SUMS" >&2
(cd "$src" && sha256sum --check --quiet SHA256SUMS)

eval "$("$PYTHON" deploy/settings_env.py)"

case "$DB_ENGINE" in
    postgresql)
        [ -f "$src/database.pgdump" ] || { echo "restore: no database.pgdump in $src" >&2; exit 1; }
        echo "restore: database $PGDATABASE on ${PGHOST:-local socket}" >&2
        pg_restore --clean --if-exists --no-owner --no-acl --exit-on-error --single-transaction \
            --dbname="$PGDATABASE" "$src/database.pgdump"
        ;;
    sqlite3)
        [ -f "$src/database.sqlite3" ] || { echo "restore: no database.sqlite3 in $src" >&2; exit 1; }
        echo "restore: SQLite database $SQLITE_PATH" >&2
        mkdir -p "$(dirname "$SQLITE_PATH")"
        if [ -e "$SQLITE_PATH" ]; then
            mv -f "$SQLITE_PATH" "$SQLITE_PATH.before-restore"
            rm -f "$SQLITE_PATH-wal" "$SQLITE_PATH-shm"
        fi
        cp "$src/database.sqlite3" "$SQLITE_PATH"
        ;;
    *)
        echo "restore: unsupported database engine $DB_ENGINE" >&2
        exit 1
        ;;
esac

if [ -f "$src/media.tar.gz" ]; then
    if [ "$MEDIA_STORAGE" != "filesystem" ]; then
        echo "restore: the backup holds media files but MEDIA_STORAGE is $MEDIA_STORAGE" >&2
        exit 1
    fi
    echo "restore: media into $MEDIA_ROOT" >&2
    mkdir -p "$MEDIA_ROOT"
    tar -C "$MEDIA_ROOT" -xzf "$src/media.tar.gz" --no-same-owner
fi

echo "restore: clearing the cache" >&2
"$PYTHON" manage.py shell -c "from django.core.cache import caches
for cache in caches.all(initialized_only=False):
    cache.clear()"
echo "restore: done; run 'manage.py migrate' if the code is newer than the backup" >&2
