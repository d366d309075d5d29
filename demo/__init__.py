"""The demo site of the portal (`manage.py load_demo_content`): data files and their loaders.

The top layer of the project: it may import every other app, and no app imports it.
"""
