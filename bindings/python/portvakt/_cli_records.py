"""The command ``portvakt records import RECORDS.jsonl REGION.db``: a record file (JSON Lines, as
``portvakt audit`` reads it) written into a records database (SQLite, docs/AUDIT_DB.md), which
``portvakt audit REGION.db LOG`` then reads record by record, in bounded memory (RULES.md H5).

Every record is checked as the audit checks it; the first one that cannot be used (malformed on
every date, a bad check digit included) stops the import with one line naming its line and field,
and the database is left as it was. The records are written in one transaction into a new file
that replaces the old one only when it is whole: a re-import replaces, never mixes.
"""

from __future__ import annotations

import argparse
import time
from typing import Any, Optional, TextIO, cast

__all__ = ["add_parser", "cmd_records_import"]


def cmd_records_import(args: argparse.Namespace, out: TextIO, stdin: TextIO, err: Optional[TextIO] = None,
                       usage_error: Any = ValueError) -> int:
    """Imports RECORDS into DATABASE; UsageError (usage_error) for a record that cannot be used."""
    from ._audit import RecordsError
    from ._records_db import import_records

    started = time.monotonic()
    source: Any = args.records
    if source == "-":
        source = getattr(stdin, "buffer", None) or stdin
    try:
        count = import_records(source, args.database)
    except RecordsError as error:
        raise usage_error(f"{_name(args.records)}: {error}") from None
    except OSError as error:
        raise usage_error(f"{error.filename or _name(args.records)}: {error.strerror or error}") from None
    except Exception as error:  # sqlite3.Error: the target cannot be written
        if type(error).__module__ != "sqlite3":
            raise
        raise usage_error(f"{args.database}: {error}") from None
    out.write(f"{count:,} records imported into {args.database} in {time.monotonic() - started:.1f} s\n")
    return 0


def _name(source: str) -> str:
    return "standard input" if source == "-" else source


def add_parser(sub: Any, prog: str, command: Any) -> argparse.ArgumentParser:
    """Registers ``records import`` with the subparsers 'sub' ('command' makes a subparser)."""
    p = sub.add_parser("records", help="manage a records database for the audit (RULES.md H5)",
                       description="Manage a records database for the audit (RULES.md H5).")
    inner = p.add_subparsers(dest="records_command", metavar="COMMAND", required=True)
    q = command(inner, "import", "write a record file (JSON Lines) into a records database (SQLite)",
                f"{prog} records import examples/audit/records.jsonl region.db", None)
    q.add_argument("records", metavar="RECORDS",
                   help='the records: JSON Lines, one {"id": ..., "citizen": {...}} a line; - for standard input')
    q.add_argument("database", metavar="DATABASE",
                   help="the records database to write (replaced when it exists)")
    q.epilog = (f"example:\n  {prog} records import examples/audit/records.jsonl region.db\n"
                f"  {prog} audit region.db examples/audit/log.jsonl\n\n"
                "Exit status 0 imported, 2 a record that cannot be used (one line names its line and "
                "field; the database is left as it was). The layout is in docs/AUDIT_DB.md.")
    return cast(argparse.ArgumentParser, q)
