"""Loaded by every lab OpenStack process (lib.sh puts this folder on PYTHONPATH).

sqlite in WAL mode lets many readers and one writer work at once, but a transaction
that starts as a read (oslo.db emits a plain deferred BEGIN, then SELECT) and later
writes fails at once with "database is locked" when another connection committed in
between: sqlite cannot upgrade a stale snapshot, and its busy timeout does not apply.
Nova's conductor does exactly that (SELECT then UPDATE in instance.save) while several
servers build, and the server went to ERROR.

MySQL reports the same situation as a deadlock, and Nova and Neutron already retry
deadlocks (oslo.db wrap_db_retry(retry_on_deadlock=True)). So this hook teaches
oslo.db's exception filters that sqlite's "database is locked" is a DBDeadlock, the
moment oslo_db.sqlalchemy.exc_filters is first imported (importing oslo.db here would
come before eventlet's monkey patching in Nova and Neutron).

Rejected: rewriting BEGIN into BEGIN IMMEDIATE. Keystone opens a second connection
inside a transaction in the same thread and then waits on itself until the timeout.

(Debian's own sitecustomize only installs apport's hook, which is not wanted here.)
"""
import importlib.abc
import importlib.machinery
import sys

_TARGET = "oslo_db.sqlalchemy.exc_filters"


def _register(module):
    from oslo_db import exception as db_exc
    from sqlalchemy import exc as sqla_exc

    @module.filters("sqlite", sqla_exc.OperationalError, r".*database is locked.*")
    def _lab_sqlite_locked_is_deadlock(operational_error, match, engine_name, is_disconnect):
        raise db_exc.DBDeadlock(operational_error)


class _Loader(importlib.abc.Loader):
    def __init__(self, inner):
        self._inner = inner

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module):
        self._inner.exec_module(module)
        _register(module)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname != _TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


sys.meta_path.insert(0, _Finder())
