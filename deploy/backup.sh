#!/usr/bin/env bash
# Back up the portal: the database and the media files, into one new folder.
#
#   deploy/backup.sh [TARGET_DIR]          (default: $BACKUP_DIR, else ./backups)
#
# Reads the same settings as the site (DJANGO_SETTINGS_MODULE, default
# cms.settings.production, with DATABASE_URL, MEDIA_ROOT, ... from the environment or .env)
# and writes TARGET_DIR/portal-<UTC time>/ with:
#   database.pgdump   PostgreSQL: pg_dump's custom format (restore with deploy/restore.sh)
#   database.sqlite3  SQLite: a consistent copy made with SQLite's online backup
#   media.tar.gz      everything under MEDIA_ROOT (originals, renditions, documents)
#   SHA256SUMS        checksums, verified by restore.sh before it changes anything
# The site may keep running: pg_dump and SQLite's backup see one consistent state. Media
# on S3 (MEDIA_STORAGE=s3) are not copied: use the bucket's versioning or replication.
# The last line printed is the backup folder. See docs/deployment.md, "Backup and restore".
set -euo pipefail
umask 077

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cms.settings.production}"

target_root="${1:-${BACKUP_DIR:-backups}}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dest="$target_root/portal-$stamp"
[ -e "$dest" ] && { echo "backup: $dest exists" >&2; exit 1; }
mkdir -p "$dest"

# The database and media settings as Django resolves them, as shell variables.
eval "$("$PYTHON" deploy/settings_env.py)"

case "$DB_ENGINE" in
    postgresql)
        echo "backup: pg_dump of database $PGDATABASE on ${PGHOST:-local socket}" >&2
        pg_dump --format=custom --no-owner --no-acl --file="$dest/database.pgdump"
        ;;
    sqlite3)
        echo "backup: SQLite database $SQLITE_PATH" >&2
        "$PYTHON" - "$SQLITE_PATH" "$dest/database.sqlite3" <<'PY'
import sqlite3
import sys

source = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
target = sqlite3.connect(sys.argv[2])
with target:
    source.backup(target)
target.close()
source.close()
PY
        ;;
    *)
        echo "backup: unsupported database engine $DB_ENGINE" >&2
        exit 1
        ;;
esac

if [ "$MEDIA_STORAGE" = "filesystem" ]; then
    echo "backup: media under $MEDIA_ROOT" >&2
    if [ -d "$MEDIA_ROOT" ]; then
        tar -C "$MEDIA_ROOT" -czf "$dest/media.tar.gz" .
    else
        # A site without uploads yet: an empty archive, so restore finds what it expects.
        tar -czf "$dest/media.tar.gz" -T /dev/null
    fi
else
    echo "backup: media are in $MEDIA_STORAGE storage, not copied" >&2
fi

(cd "$dest" && files=(*) && sha256sum -- "${files[@]}" > SHA256SUMS)
echo "$dest"
