"""Count the SQL statements sent to the database while a block runs (``before_cursor_execute``)."""
from __future__ import annotations

import contextlib

from sqlalchemy import event


@contextlib.contextmanager
def count_statements(engine):
    """``with count_statements(db.engine) as statements: ...``; then ``len(statements)``."""
    statements: list[str] = []

    def before(_conn, _cursor, statement, _params, _context, _executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)
