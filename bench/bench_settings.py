"""Settings of `bench/load_bench.py` and `bench/load_test.py`: production, plus one URL.

The servers under load run with the production settings (secrets and hosts from the
environment the scripts set); only the URLconf differs, to add the bare view that gives the
ceiling of the same run.
"""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.bench_urls"
