"""The quality gate: official scorers on the development gold must stay above the pinned floors.

A floor in benchmarks/baseline.json is lowered only on purpose, in the same commit, with the
reason written in its "notes".
"""

import subprocess
import sys

from conftest import ROOT, SHARED, needs_shared


@needs_shared
def test_quality_gate_scores_stay_above_pinned_floors():
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "quality.py"), "--shared", str(SHARED)],
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
