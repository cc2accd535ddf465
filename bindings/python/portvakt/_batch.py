"""Many requests in one call into C: evaluate_many (and Citizen.evaluate_all), pv_evaluate_many.

The answers come back as an :class:`Outcomes` sequence backed by one bytes buffer of one C
``pv_outcome`` per request (the records :func:`portvakt.evaluate` decodes one at a time; the
layout is the library's, read with ``pv_layout()``). Indexing decodes a :class:`Decision`;
``effect(i)``, ``reason(i)`` and ``permitted(i)`` read the buffer without building one.
"""

from __future__ import annotations

from datetime import date
from typing import Any, List, Sequence, Tuple

from . import cportvakt as _c
from ._check import check_on, type_name
from ._codec import Outcomes
from ._errors import InvalidInput, InvalidType
from ._model import Actor, Citizen, Service, proxies

__all__ = ["Outcomes", "evaluate_many", "evaluate_all"]

#: One request: the citizen, the actor and the service.
RequestTuple = Tuple[Citizen, Actor, Service]


def _proxies(requests: Sequence[Any]) -> List[Tuple[Any, Any, Any]]:
    """The C forms of every request; InvalidType naming the request and the field."""
    try:
        return [
            (c._pv_mirror or c._compile(), a._pv_mirror or a._compile(), s._pv_mirror or s._compile())
            for c, a, s in requests
        ]
    except (AttributeError, TypeError, ValueError):
        return _named(requests)  # raises naming the request


def _named(requests: Sequence[Any]) -> List[Tuple[Any, Any, Any]]:
    """As _proxies, checking the class of every input: InvalidType naming the request."""
    out = []
    for i, request in enumerate(requests):
        if not isinstance(request, (tuple, list)) or len(request) != 3:
            raise InvalidType(f"requests[{i}]", f"must be a (citizen, actor, service) tuple, not {type_name(request)}")
        try:
            out.append(proxies(*request))
        except InvalidInput as error:
            raise InvalidType(f"requests[{i}].{error.field}", error.detail) from None
    return out


def evaluate_many(
    requests: Sequence[RequestTuple], on: date, *, raise_on_invalid: bool = False
) -> Outcomes:
    """Evaluates every (citizen, actor, service) request of 'requests' on the date 'on' in one
    call into C (pv_evaluate_many), and returns their answers as :class:`Outcomes` in the same
    order; each equals ``evaluate(citizen, actor, service, on)``. Requests that share a citizen
    should follow one another: the record is validated once per run of the same citizen.

    Invalid input (section 8, V1) denies only the requests it concerns (see
    ``Outcomes.invalid_count`` and ``Outcomes.error``); with ``raise_on_invalid=True`` the first
    one raises InvalidInput instead (its ``index`` names the request). A value of the wrong
    Python type raises InvalidType naming the request and the field: ``requests[3].actor``.
    """
    check_on(on)
    if not isinstance(requests, (tuple, list)):
        try:
            requests = tuple(requests)
        except TypeError:
            raise InvalidType("requests", f"must be a sequence, not {type_name(requests)}") from None
    # Compiled inputs (each holding its C form) are read and decided in C, with no Python code
    # per request; any other list takes the way below, which compiles and names what is wrong.
    answer = _c.batch_evaluate_compiled(requests, on, "_pv_mirror")
    if answer is not None:
        outcomes = Outcomes(answer, lambda i: proxies(*requests[i]), on)
    else:
        c_requests = _proxies(requests)
        try:
            answer = _c.batch_evaluate_many(c_requests, on)
        except InvalidType:
            _named(requests)  # names the request in the package's terms
            raise
        outcomes = Outcomes(answer, c_requests.__getitem__, on)
    if raise_on_invalid and outcomes.error is not None:
        raise outcomes.error
    return outcomes


def evaluate_all(
    citizen: Citizen,
    actors: Sequence[Actor],
    services: Sequence[Service],
    on: date,
    *,
    raise_on_invalid: bool = False,
) -> Outcomes:
    """``citizen.evaluate_all(actors, services, on)``: see :meth:`portvakt.Citizen.evaluate_all`."""
    if not isinstance(citizen, Citizen):
        raise InvalidType("citizen", f"must be a portvakt.Citizen, not {type_name(citizen)}")
    return citizen.evaluate_all(actors, services, on, raise_on_invalid=raise_on_invalid)
