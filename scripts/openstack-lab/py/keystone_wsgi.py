"""uwsgi entry point for Keystone.

Keystone builds its oslo CORS middleware with conf={'oslo_config_project': 'keystone'},
so the middleware reads /etc/keystone/keystone.conf and silently ignores the lab's
config: the preflight then answers 200 with no Access-Control-* headers. Pointing the
middleware at our file before the app is built fixes that (lab notes, gotcha 1).
"""
import os

from keystone.server.flask import core

_conf = os.environ["OS_KEYSTONE_CONFIG_FILES"]
for _mw in core._APP_MIDDLEWARE:
    if _mw.ep == "cors":
        _mw.conf["oslo_config_file"] = _conf

from keystone.server import wsgi  # noqa: E402

application = wsgi.initialize_public_application()
