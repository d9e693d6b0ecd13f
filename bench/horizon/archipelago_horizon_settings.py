# Horizon for the benchmark: Debian's openstack-dashboard as packaged, pointed
# at one Keystone on loopback. bench/horizon-server.ts copies this file into a
# temporary folder and sets the environment variables below at run time;
# nothing here is a secret and nothing is written under /etc.
import os

from openstack_dashboard.settings import *  # noqa: F401,F403

OPENSTACK_KEYSTONE_URL = os.environ['ARCHIPELAGO_HORIZON_KEYSTONE_URL']
ALLOWED_HOSTS = ['127.0.0.1']
SECRET_KEY = os.environ['ARCHIPELAGO_HORIZON_SECRET_KEY']
DEBUG = False

# Sessions live in this cache (Horizon's default session engine), so the
# server runs one process: a local-memory cache is not shared between processes.
CACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}

# Horizon's own defaults, stated because the comparison depends on them: 20
# items per page, and the region switcher for a catalog with several regions.
API_RESULT_PAGE_SIZE = 20
