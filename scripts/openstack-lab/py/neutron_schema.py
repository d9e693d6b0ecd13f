"""Neutron's schema for sqlite, built from the models.

Neutron's alembic migrations ALTER constraints, which sqlite cannot do ("No support
for ALTER of constraints"), so the lab creates the head schema from the models, as
Neutron's own unit tests do, and then `neutron-db-manage stamp heads` records it.

usage: neutron_schema.py SQLALCHEMY_URL
"""
import sys

import sqlalchemy
from neutron.db.migration.models import head

engine = sqlalchemy.create_engine(sys.argv[1])
head.get_metadata().create_all(engine)
