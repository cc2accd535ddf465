"""The JSON Schemas (2020-12) of portvakt's file formats, shipped inside the package
(``importlib.resources.files("portvakt") / "schema"``; docs/schema in the source tree).

:func:`names` lists them, :func:`text` gives one as written, and :func:`failure` says where a
JSON value fails one (with the Debian package python3-jsonschema, when it is installed): the
command line uses it to say which schema a file it refuses fails, and where.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, List, Optional

__all__ = ["names", "text", "load", "failure", "SchemaNotFound"]

_SUFFIX = ".schema.json"


class SchemaNotFound(LookupError):
    """No schema of that name ships with the package."""


def _folder() -> Any:
    return resources.files("portvakt") / "schema"


def names() -> List[str]:
    """The names of the schemas, sorted (``citizen``, ``request``, ``vectors`` ...)."""
    folder = _folder()
    if not folder.is_dir():  # pragma: no cover - a package built without them
        return []
    return sorted(entry.name[: -len(_SUFFIX)] for entry in folder.iterdir() if entry.name.endswith(_SUFFIX))


def text(name: str) -> str:
    """The schema 'name' as it is written (JSON text); SchemaNotFound for another name."""
    if name not in names():
        raise SchemaNotFound(f"no schema named {name!r}; the schemas are: {', '.join(names())}")
    return str((_folder() / (name + _SUFFIX)).read_text(encoding="utf-8"))


def load(name: str) -> Any:
    """The schema 'name' as a JSON value."""
    return json.loads(text(name))


def _where(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(the whole value)"


def failure(name: str, value: Any) -> Optional[str]:
    """Where 'value' fails the schema 'name' ("schema urn:portvakt:schema:vectors: at
    [3].expect.reason: 'FOO' is not one of ..."), None when it does not, or when no validator
    is installed (then nothing can be said)."""
    try:
        from jsonschema import Draft202012Validator
    except ImportError:  # pragma: no cover - python3-jsonschema is optional
        return None
    schema = load(name)
    # The deepest error is the most precise (the member inside an object, not the object); among
    # those as deep, the first.
    error = None
    for one in Draft202012Validator(schema).iter_errors(value):
        if error is None or len(one.absolute_path) > len(error.absolute_path):
            error = one
    if error is None:
        return None
    message = error.message if len(error.message) <= 160 else error.message[:157] + "..."
    return f"schema {schema.get('$id', name)}: at {_where(error.absolute_path)}: {message}"
