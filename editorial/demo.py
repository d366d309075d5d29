"""Demo step of the editorial app for `manage.py load_demo_content`: the roles and workflows."""

from home.management.commands.load_demo_content import Tally

from .roles import setup_roles


def steps(command):
    return [("Editorial roles and workflows", lambda: setup_step(command))]


def setup_step(command):
    report = setup_roles()
    for line in report.pending:
        command.stdout.write(f"  pending: {line}")
    tally = Tally()
    tally.created, tally.updated, tally.present = report.created, report.updated, report.present
    return tally
