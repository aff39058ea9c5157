"""Fuzzing support: input generators (``gen``), targets with their properties (``targets``),
a per-example time budget (``budget``) and a runner (``runner``) shared by the CI tests and
``benchmarks/fuzz_all.py``."""
