"""Moving a model to another app without losing what refers to it, for migrations.

A model that changes app keeps its table (`db_table`); what must follow it is its
ContentType row. Pages, revisions, wagtail-localize's translatable objects and translation
sources, the reference index, the search index, log entries and permissions all point at the
ContentType by id. Renaming the row's `app_label` in place keeps every one of those links, where
letting Django create a new row after `migrate` would orphan them.
"""


def move_content_types(old_app, new_app, model_names):
    """A (forwards, backwards) pair for `migrations.RunPython` that relabels the content
    types of `model_names` (lower case) from `old_app` to `new_app` and back."""

    def relabel(apps, schema_editor, source, target):
        content_type = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for name in model_names:
            # A fresh database has no content types yet (they are made after `migrate`),
            # and a row already under the target label wins: it is the one in use.
            if content_type.objects.using(db).filter(app_label=target, model=name).exists():
                continue
            content_type.objects.using(db).filter(app_label=source, model=name).update(
                app_label=target
            )

    def forwards(apps, schema_editor):
        relabel(apps, schema_editor, old_app, new_app)

    def backwards(apps, schema_editor):
        relabel(apps, schema_editor, new_app, old_app)

    return forwards, backwards
