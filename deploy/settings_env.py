"""Print the database and media settings of the portal as shell variable assignments.

Used by deploy/backup.sh and deploy/restore.sh (`eval "$(python deploy/settings_env.py)"`), so
the scripts read exactly what the site reads (DATABASE_URL with every form django-environ
accepts, MEDIA_ROOT, the settings module) instead of parsing URLs in shell. For PostgreSQL it
prints libpq's variables (PGHOST, PGDATABASE, ...), which pg_dump, pg_restore and psql read.
Only the settings are loaded; nothing connects to the database.
"""

import os
import shlex
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def shell_variables():
    from django.conf import settings

    database = settings.DATABASES["default"]
    engine = database["ENGINE"].rsplit(".", 1)[-1]
    backend = settings.STORAGES["default"]["BACKEND"]
    variables = {
        "DB_ENGINE": engine,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "MEDIA_STORAGE": "filesystem" if backend.endswith("FileSystemStorage") else backend,
    }
    if engine == "postgresql":
        options = database.get("OPTIONS") or {}
        variables.update(
            {
                "PGDATABASE": database["NAME"],
                "PGHOST": database.get("HOST") or "",
                "PGPORT": str(database.get("PORT") or ""),
                "PGUSER": database.get("USER") or "",
                "PGPASSWORD": database.get("PASSWORD") or "",
                "PGSSLMODE": options.get("sslmode", ""),
            }
        )
    elif engine == "sqlite3":
        variables["SQLITE_PATH"] = str(database["NAME"])
    return variables


def main():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    for name, value in shell_variables().items():
        if name.startswith("PG") and not value:
            # Unset rather than empty: libpq treats PGHOST="" differently from no PGHOST.
            print(f"unset {name}")
        else:
            print(f"export {name}={shlex.quote(value)}")


if __name__ == "__main__":
    main()
