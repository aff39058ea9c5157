"""Stance from the cue's class and the content (a "قال" introducing "هذه الأخبار كاذبة" denies)."""

from __future__ import annotations

from rawi.stages.attribution.candidates import Cand
from rawi.stages.attribution.content import Context
from rawi.stages.attribution.lexicons import lexicons


_OPENING = 40  # characters
_RANK = {"deny": 0, "accuse": 1, "demand": 2, "opinion": 3, "assert": 4}


def set_stance(ctx: Context, cand: Cand) -> None:
    """Refine a neutral cue's stance from content markers (denial first, then blame, calls,
    beliefs); a verb's own deny/accuse/warn/demand/question class is kept."""
    if cand.stance not in ("assert", "opinion"):
        return
    s, e = cand.content
    for stance, rx in lexicons().stance_res:
        if _RANK[stance] >= _RANK[cand.stance]:
            break
        # calls and beliefs open the statement (ينبغي أن…, يبدو…); denials and blame may be anywhere
        end = e if stance in ("deny", "accuse") else min(e, s + _OPENING)
        if rx.search(ctx.text, s, end):
            cand.stance = stance
            return
