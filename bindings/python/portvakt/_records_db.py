"""The records of a region in an embedded database (SQLite), for the audit (RULES.md H5).

A region's records do not fit in memory as Python objects (2.5 million people), so ``portvakt
records import RECORDS.jsonl REGION.db`` writes them once into a SQLite file and the audit reads a
record only when a log line names it, keeping the records it has prepared in a bounded cache.
The layout (docs/AUDIT_DB.md) is small enough for a region to fill from its own systems:

    PRAGMA application_id = 0x70766b74   -- "pvkt": a portvakt records database
    PRAGMA user_version   = 1            -- the layout's version
    CREATE TABLE records (id TEXT PRIMARY KEY NOT NULL,   -- the record id a log line names
                          citizen TEXT NOT NULL)          -- the citizen, JSON (RULES.md section 10)
        WITHOUT ROWID;

The audit reads every row it needs as section 10 reads a record (V1: nothing in the file is
trusted): a row that is not a citizen of section 10 makes each access naming it a malformed
finding (field ``citizen``, the message naming the row's field); a row that reads but breaks
section 8 (a bad check digit) makes each access naming it malformed on its date, as the decision
finds it (field ``citizen.personnummer``).
"""

from __future__ import annotations

import json
import os
import sqlite3
from typing import Any, Callable, Iterator, Optional, Tuple

from ._errors import InvalidInput

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "RecordsDatabase", "import_records", "is_database"]

#: PRAGMA application_id of a records database: "pvkt" in ASCII.
APPLICATION_ID = 0x70766B74
#: PRAGMA user_version: the version of the layout (the table ``records`` as above).
SCHEMA_VERSION = 1
#: The first 16 bytes of every SQLite 3 file (its header): how a records database is told from
#: a JSON Lines file, whatever its name.
SQLITE_HEADER = b"SQLite format 3\x00"

_SCHEMA = ("CREATE TABLE records (id TEXT PRIMARY KEY NOT NULL, citizen TEXT NOT NULL) WITHOUT ROWID")


def is_database(source: Any) -> bool:
    """True when 'source' is a path to a file that starts with SQLite's header."""
    if not isinstance(source, (str, bytes)) and not hasattr(source, "__fspath__"):
        return False
    try:
        with open(source, "rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def import_records(source: Any, target: Any, progress: Optional[Callable[[int], None]] = None) -> int:
    """Reads the record file 'source' (JSON Lines, as read_records reads it: a path or a binary
    stream), checks every record as the audit does, and writes them into the database 'target'
    in one transaction; a database already there is replaced. Returns the number of records.
    RecordsError names the line and field of the first record that cannot be used (a bad check
    digit included: it is malformed on every date); the target is then left as it was."""
    from ._audit import MAX_RECORD_BYTES, RecordsError, read_log, read_records

    if isinstance(source, (str, bytes)) or hasattr(source, "__fspath__"):
        with open(source, "rb") as stream:
            return import_records(stream, target, progress)
    path = os.fspath(target)
    partial = f"{path}.partial-{os.getpid()}"
    if os.path.exists(partial):
        os.unlink(partial)
    connection = sqlite3.connect(partial, isolation_level=None)
    count = 0
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # a new file, renamed into place at the end
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("BEGIN")
        connection.execute(_SCHEMA)
        insert = connection.execute
        for number, item in enumerate(read_log(getattr(source, "buffer", source), MAX_RECORD_BYTES), 1):
            try:
                # The checks of read_records, one line at a time; the blank line first keeps
                # the line from being read as the start of a file (read_log dropped the byte
                # order mark there already; one later on is the line's own, and malformed).
                one = read_records([b"", item])
            except RecordsError as error:
                raise RecordsError(number, error.field, error.detail) from None
            if not one:
                continue  # a blank line
            ((ident, _),) = one.items()
            text = item.decode("utf-8") if isinstance(item, bytes) else item
            citizen = json.dumps(json.loads(text)["citizen"], ensure_ascii=False, separators=(",", ":"))
            try:
                insert("INSERT INTO records (id, citizen) VALUES (?, ?)", (ident, citizen))
            except sqlite3.IntegrityError:
                raise RecordsError(number, "id", f"{ident!r} is the id of an earlier record too") from None
            count += 1
            if progress is not None and count % 10000 == 0:
                progress(count)
        connection.execute("COMMIT")
        connection.close()
        os.replace(partial, path)  # the old database, if any, stays whole until this moment
    except BaseException:
        connection.close()
        try:
            os.unlink(partial)
        except OSError:
            pass
        raise
    return count


class RecordsDatabase:
    """A records database opened for reading: ``citizen(id)`` reads, checks and returns the
    record's Citizen (None when no row has the id). Each process opens its own connection (a
    SQLite connection does not cross a fork)."""

    def __init__(self, path: Any) -> None:
        self.path = os.fspath(path)
        self._pid = -1
        self._connection: Optional[sqlite3.Connection] = None
        connection = self._connect()
        try:
            application, = connection.execute("PRAGMA application_id").fetchone()
            version, = connection.execute("PRAGMA user_version").fetchone()
            table = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'records'").fetchone()
        except sqlite3.DatabaseError as error:
            raise InvalidInput("records", f"is not a records database that can be read: {error}") from None
        if application != APPLICATION_ID or table is None:
            raise InvalidInput("records", "is a SQLite file, but not a portvakt records database "
                                          f"(PRAGMA application_id {APPLICATION_ID}, table records)")
        if version != SCHEMA_VERSION:
            raise InvalidInput("records", f"has layout version {version}; this portvakt reads version "
                                          f"{SCHEMA_VERSION} (PRAGMA user_version)")

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            uri = "file:" + self.path.replace("?", "%3f").replace("#", "%23") + "?mode=ro"
            try:
                self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            except sqlite3.Error as error:
                raise InvalidInput("records", f"cannot be opened: {error}") from None
            self._pid = os.getpid()
        return self._connection

    def __getstate__(self) -> Any:  # a connection is never pickled: the other process opens its own
        return {"path": self.path}

    def __setstate__(self, state: Any) -> None:
        self.path, self._pid, self._connection = state["path"], -1, None

    def __len__(self) -> int:
        return int(self._connect().execute("SELECT count(*) FROM records").fetchone()[0])

    def text(self, ident: str) -> Optional[str]:
        """The citizen JSON of the record 'ident', as stored; None when there is none."""
        row = self._connect().execute("SELECT citizen FROM records WHERE id = ?", (ident,)).fetchone()
        if row is None:
            return None
        value = row[0]
        if isinstance(value, bytes):  # a region's own tool may have stored a blob
            try:
                value = value.decode("utf-8")
            except UnicodeDecodeError:
                raise InvalidInput("citizen", "is not UTF-8 text") from None
        if not isinstance(value, str):
            raise InvalidInput("citizen", f"must be JSON text, not an SQL {type(value).__name__}")
        return value

    def raw(self, ident: str) -> Optional[bytes]:
        """The bytes of the citizen JSON of the record 'ident' as stored (text or blob), for the
        fast reader (record_read); None when there is no such row or it holds neither."""
        row = self._connect().execute("SELECT CAST(citizen AS BLOB) FROM records WHERE id = ? AND "
                                      "typeof(citizen) IN ('text', 'blob')", (ident,)).fetchone()
        return None if row is None else row[0]

    def citizen(self, ident: str) -> Any:
        """The Citizen of the record 'ident' as section 10 reads it; None when there is no such
        row. InvalidInput names the field of a row that cannot be read. What section 8 says of
        the record (a bad check digit, a birth after the date) is not checked here but by the
        decision of each access, on its date: the rows were checked when they were imported,
        and a row written otherwise still fails closed (each access naming it is malformed)."""
        from ._audit import _json_object
        from ._json import citizen_from_json

        text = self.text(ident)
        if text is None:
            return None
        return citizen_from_json(_json_object(text, "citizen"), "citizen")

    def ids(self) -> Iterator[Tuple[str, str]]:
        """Every (id, citizen JSON) row, in id order."""
        yield from self._connect().execute("SELECT id, citizen FROM records ORDER BY id")
