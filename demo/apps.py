from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content: `manage.py load_demo_content` builds the German and English demo site
    from the data files of `demo/<domain>/` (texts, facts, translations) and their loaders."""

    name = "demo"
    verbose_name = "Demo content"
