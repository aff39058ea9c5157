"""Signals for fact-checkers: per attributed claim, the reasons to look at it.

Each :class:`Signal` has a ``kind`` (:data:`KINDS`), a span into ``Document.text``, the text of
that span and a plain explanation. Signals describe how a claim is sourced and worded; they
are never a verdict on whether it is true. See ``docs/signals.md``.
"""

from rawi.signals.core import SignalOptions, as_crossdoc, claim_signals, document_signals
from rawi.signals.crossdoc import CrossDoc
from rawi.signals.model import KINDS, ClaimSignals, Signal

__all__ = ["KINDS", "ClaimSignals", "CrossDoc", "Signal", "SignalOptions", "as_crossdoc",
           "claim_signals", "document_signals"]
