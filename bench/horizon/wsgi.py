# Debian's /usr/share/openstack-dashboard/wsgi.py forces
# DJANGO_SETTINGS_MODULE to openstack_dashboard.settings; this entry point
# keeps the one the benchmark's server sets.
from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
