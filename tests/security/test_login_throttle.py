"""Admin login throttling (django-axes): per user name and address, with a clear message."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from cms.security import client_ip, lockout_message

PASSWORD = "richtig-und-lang-genug"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redakteurin", "r@example.org", PASSWORD)


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_locks_after_the_limit_and_says_so(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        response = attempt(client, "redakteurin", "falsch")
        assert response.status_code == 200

    locked = attempt(client, "redakteurin", "falsch")

    assert locked.status_code == 429
    assert lockout_message() in locked.content.decode()
    # Wagtail's login form again, with the message as its error.
    assert locked.context["form"].non_field_errors() == [lockout_message()]
    # While locked, even the right password does not log in.
    assert attempt(client, "redakteurin", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_lock_is_per_user_and_address(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        attempt(client, "redakteurin", "falsch")

    # Same user from another address, and another user from the locked address: allowed.
    assert attempt(client, "redakteurin", PASSWORD, address="198.51.100.9").status_code == 302
    client.logout()
    get_user_model().objects.create_superuser("chef", "c@example.org", PASSWORD)
    assert attempt(client, "chef", PASSWORD).status_code == 302


def test_success_resets_the_count(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    attempt(client, "redakteurin", "falsch")
    attempt(client, "redakteurin", "falsch")
    assert attempt(client, "redakteurin", PASSWORD).status_code == 302
    client.logout()

    attempt(client, "redakteurin", "falsch")
    attempt(client, "redakteurin", "falsch")
    assert attempt(client, "redakteurin", PASSWORD).status_code == 302


def test_programmatic_logins_are_not_throttled(client, editor):
    assert client.login(username="redakteurin", password=PASSWORD)


def test_client_ip_behind_proxies(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7", REMOTE_ADDR="10.0.0.2")

    settings.LOGIN_THROTTLE_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.LOGIN_THROTTLE_PROXY_COUNT = 1
    # The left entry was sent by the client and could be forged.
    assert client_ip(request) == "203.0.113.7"
