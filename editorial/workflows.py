"""What happens when a workflow is approved: the approved revision is published.

Wagtail's own finish action publishes as the last approver *with* a permission check, so an
approver needs the publish permission on the page, and anyone with that permission can also
publish directly, past the workflow. The translation workflow must be the only way an English
page goes live, so translators have no publish permission; being in the approval task's group
is their authority to publish what they approved. Enabled by the setting
`WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved_revision"`.
"""


def publish_approved_revision(workflow_state, user=None):
    """Publish the revision the workflow approved, as its approver, without a publish check."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
