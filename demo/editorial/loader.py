"""Demo loader of the editorial domain: the roles and workflows (`editorial.roles`), set up as
`manage.py setup_editorial_roles` would. No data file: the roles are the project's own."""

from demo.engine import Tally
from editorial.roles import setup_roles


def steps(demo):
    return [("Editorial roles and workflows", lambda: setup_step(demo))]


def setup_step(demo):
    report = setup_roles()
    for line in report.pending:
        demo.stdout.write(f"  pending: {line}")
    tally = Tally()
    tally.created, tally.updated, tally.present = report.created, report.updated, report.present
    return tally
