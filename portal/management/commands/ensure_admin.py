"""Create the local admin login once and print how to sign in.

For development and demos only: the password comes from ADMIN_PASSWORD or defaults to a
known value, and an existing user is never changed, so a password someone set stays.
"""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEFAULT_USERNAME = "admin"
DEFAULT_PASSWORD = "mitteldeutschland"


class Command(BaseCommand):
    help = "Create the admin login for the Wagtail admin (once) and print it."

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", DEFAULT_USERNAME)
        password = os.environ.get("ADMIN_PASSWORD", DEFAULT_PASSWORD)
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            User.objects.create_superuser(username, f"{username}@example.org", password)
            state = "created"
        elif user.check_password(password):
            state = "exists"
        else:
            self.stdout.write(
                f"Admin login: user '{username}' exists with a password of its own "
                "(unchanged); sign in at http://127.0.0.1:8000/admin/"
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login ({state}): http://127.0.0.1:8000/admin/  "
                f"user: {username}  password: {password}"
            )
        )
