"""The rule catalogue of RULES.md and the messages a denied person may be shown (section 4, M1).

    RULES                                   every rule id, in the order of RULES.md
    rule_source(rule), rule_summary(rule)   where a rule comes from, and what it says
    message(reason, asker, language)        the message shown to a person denied for 'reason' (M1)
    generic_message(language)               the generic message
    Language                                the languages of the messages (sv, en)

A :class:`portvakt.Decision` gives its own message: ``decision.message(language)``.
"""

from __future__ import annotations

from ._codec import RULES
from ._decision import generic_message, message, rule_source, rule_summary
from ._enums import Language

__all__ = ["RULES", "Language", "generic_message", "message", "rule_source", "rule_summary"]
