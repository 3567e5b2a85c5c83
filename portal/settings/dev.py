"""Laptop settings: DEBUG on unless DJANGO_DEBUG says otherwise."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)

SERVE_MEDIA = True
WHITENOISE_AUTOREFRESH = True
# On a laptop, every prepared query (portal/prepared.py) is checked against the ORM's own SQL.
PREPARED_QUERIES_CHECK = DEBUG
