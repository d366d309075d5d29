"""What happens when a workflow is approved: the approved revision is published.

Translators publish their own locale's translations: their group has the "publish" page
permission on that locale's home page (`roles.PAGE_PERMISSIONS["translator"]`), and publishing
a translation in wagtail-localize's editor or the page editor is the translator's approval
(docs/roles.md). They have no permission in the German tree, so they never publish German
pages, and the German review workflow ("Freigabe") stays the only way a Redaktion change goes
live. Each target language's approval workflow lets a translator ask a colleague (or the
Chefredaktion) for review instead of publishing directly.

Wagtail's own finish action publishes as the last approver *with* a permission check, so
approving would need the publish permission on the page. Membership of the approval task's
group is the authority here instead, so the approved revision is published without that check;
this matters where an approver has no publish permission of their own. Enabled by the setting
`WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved_revision"`.
"""


def publish_approved_revision(workflow_state, user=None):
    """Publish the revision the workflow approved, as its approver, without a publish check."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
