"""Settings of the deploy part (issue 8); imported at the end of base.py.

Names already defined in base.py (INSTALLED_APPS, MIDDLEWARE, env, ...) are extended in place.
"""
