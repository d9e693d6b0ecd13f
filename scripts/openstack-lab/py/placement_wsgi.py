"""uwsgi entry point for Placement (Debian ships the module but no WSGI script).

Placement reads $OS_PLACEMENT_CONFIG_DIR/placement.conf, and unlike the paste-based
services its CORS middleware is built from that same config, so nothing to patch.
"""
from placement.wsgi import init_application

application = init_application()
