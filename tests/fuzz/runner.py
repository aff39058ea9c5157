"""The long-run fuzz driver: examples generated from ``(seed, target, index)`` run in a worker
process under a memory limit and a per-example time budget (an example over it runs once more with four times
the budget before it counts as a hang); the parent kills and restarts a
worker whose example stops making progress (a hang the signal cannot interrupt).

Findings are grouped by (kind, exception type, innermost rawi source line); for each group the
first input is written to ``out_dir`` so it can be replayed with :func:`replay`.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import random
import resource
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fuzz.budget import Hang, time_budget
from fuzz.targets import Target, all_targets

MEMORY_LIMIT = 3 * 1024 ** 3  # bytes of address space per worker


def example(target: Target, seed: int, i: int) -> Any:
    """The ``i``-th input of ``target`` for ``seed`` (the same every time)."""
    return target.gen(random.Random(f"{seed}:{target.name}:{i}"))


WARM_TEXT = "قال الوزير «لن نتراجع» يوم الأحد 5 مايو 2024.\n\nوأضاف أن 20 شخصاً أصيبوا."


def warm_up(target: Target) -> None:
    """Load the models and lexicons a target uses, outside any time budget."""
    try:
        target.run(WARM_TEXT if not target.name.startswith(("read", "batch")) else WARM_TEXT.encode())
    except Exception:  # noqa: BLE001 - a finding on the warm-up input shows up again later
        pass


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/rawi/" in f.filename] or frames
    f = ours[-1] if ours else None
    return f"{Path(f.filename).name}:{f.lineno}" if f else "?"


def _report(q: Any, exc: BaseException, i: int) -> None:
    """Queue a finding: memory, broken property or crash."""
    if isinstance(exc, MemoryError):
        q.put(("memory", i, "MemoryError", ""))
        return
    kind = "property" if isinstance(exc, AssertionError) else "crash"
    detail = f"{type(exc).__name__} at {_where(exc)}: {str(exc)[:300]}"
    q.put((kind, i, detail, "".join(traceback.format_exception(exc, limit=-6))))


def _worker(name: str, seed: int, start: int, stop: int, budget: float, progress: Any, q: Any) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ValueError, OSError):
        pass
    target = next(t for t in all_targets() if t.name == name)
    warm_up(target)
    for i in range(start, stop):
        progress.value = i
        try:
            data = example(target, seed, i)
            with time_budget(budget):
                target.run(data)
        except Exception as exc:  # noqa: BLE001 - sorted below
            if not isinstance(exc, Hang) and not isinstance(exc.__cause__, Hang):  # StageError wraps it
                _report(q, exc, i)
                continue
            # On a shared machine a slow moment is not a hang: run it again with 4x the time.
            try:
                t0 = time.monotonic()
                with time_budget(4 * budget):
                    target.run(data)
                q.put(("slow", i, f"over {budget} s once, then {time.monotonic() - t0:.1f} s", ""))
            except Exception as exc2:  # noqa: BLE001
                if isinstance(exc2, Hang) or isinstance(exc2.__cause__, Hang):
                    q.put(("hang", i, f"over {budget} s, then over {4 * budget} s", ""))
                else:
                    _report(q, exc2, i)
    q.put(("done", stop, "", ""))
    q.put(("rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "", ""))


@dataclass
class TargetResult:
    name: str
    examples: int = 0
    crashes: int = 0
    hangs: int = 0
    properties: int = 0
    memory: int = 0
    slow: int = 0  # over the budget once, within 4x the budget on the retry (not a finding)
    seconds: float = 0.0
    peak_rss_kb: int = 0
    findings: dict[str, dict[str, Any]] = field(default_factory=dict)


def run_target(target: Target, n: int, seed: int, budget: float, out_dir: Path | None) -> TargetResult:
    """Run ``n`` examples of ``target``; a worker stuck for ``6 * budget`` seconds is killed."""
    ctx = mp.get_context("fork")
    res = TargetResult(target.name)
    t0 = time.monotonic()
    start = 0
    while start < n:
        progress = ctx.Value("q", start)
        q = ctx.Queue()
        proc = ctx.Process(target=_worker, args=(target.name, seed, start, n, budget, progress, q), daemon=True)
        proc.start()
        last, seen_at, done = progress.value, time.monotonic(), False
        while True:
            try:
                kind, i, detail, tb = q.get(timeout=0.5)
            except queue.Empty:
                kind = None
            if kind == "done":
                done = True
            elif kind == "rss":
                res.peak_rss_kb = max(res.peak_rss_kb, i)
                break
            elif kind is not None:
                _record(res, target, seed, kind, i, detail, tb, out_dir)
            if progress.value != last:
                last, seen_at = progress.value, time.monotonic()
            if not proc.is_alive() and kind is None:
                if not done:  # the worker died (e.g. killed for memory, or a C crash)
                    _record(res, target, seed, "crash", progress.value, f"worker died (exit {proc.exitcode})", "", out_dir)
                break
            if not done and time.monotonic() - seen_at > 6 * budget + 30 * (last == start):
                proc.kill()
                _record(res, target, seed, "hang", progress.value, "stuck (worker killed)", "", out_dir)
                break
        proc.join(5)
        if done:
            break
        start = progress.value + 1
    res.examples = n
    res.seconds = time.monotonic() - t0
    return res


def _record(res: TargetResult, target: Target, seed: int, kind: str, i: int, detail: str, tb: str,
            out_dir: Path | None) -> None:
    attr = {"crash": "crashes", "hang": "hangs", "property": "properties", "memory": "memory",
            "slow": "slow"}[kind]
    setattr(res, attr, getattr(res, attr) + 1)
    key = f"{kind}: {detail.split(': ', 1)[0] if kind != 'hang' else 'hang'}"
    group = res.findings.setdefault(key, {"count": 0, "first_index": i, "detail": detail, "traceback": tb})
    group["count"] += 1
    if kind == "slow":
        return
    if out_dir is not None and group["count"] == 1:
        out_dir.mkdir(parents=True, exist_ok=True)
        data = example(target, seed, i)
        stem = f"{target.name}-{kind}-{i}"
        raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
        (out_dir / f"{stem}.bin").write_bytes(raw)
        (out_dir / f"{stem}.txt").write_text(f"{detail}\nseed={seed} index={i}\n\n{tb}", encoding="utf-8")


def replay(target_name: str, seed: int, i: int) -> None:
    """Run one example again in this process (raises what the example raised)."""
    target = next(t for t in all_targets() if t.name == target_name)
    target.run(example(target, seed, i))


def share(targets: list[Target], total: int) -> dict[str, int]:
    """Examples per target for ``total`` examples in all, by weight."""
    w = sum(t.weight for t in targets)
    return {t.name: max(1, int(total * t.weight / w)) for t in targets}


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
