"""Scale-out analysis: partitioned input, analysed on a Dask cluster, to partitioned Parquet.

>>> from rawi.batch import BatchOptions, run_batch, load_batch
>>> report = run_batch(["corpus/"], "out/", BatchOptions(workers=2))   # doctest: +SKIP
>>> with open_store("rawi.db") as store:                                 # doctest: +SKIP
...     load_batch("out/", store)

See ``docs/batch.md`` for the output layout and for running on Slurm or Kubernetes.
"""

from __future__ import annotations

from rawi.batch.load import LoadReport, load_batch
from rawi.batch.plan import Partition, Unit, plan_partitions
from rawi.batch.run import ENGINES, BatchOptions, BatchReport, read_manifest, run_batch
from rawi.batch.tables import row_to_document

__all__ = ["ENGINES", "BatchOptions", "BatchReport", "LoadReport", "Partition", "Unit",
           "load_batch", "plan_partitions", "read_manifest", "row_to_document", "run_batch",
           "iter_batch_documents"]


def iter_batch_documents(output: str):
    """Every analysed Document of the finished partitions of a batch output, in plan order."""
    from rawi.batch.load import _rows
    from rawi.batch.worker import is_finished, paths_for

    for part in read_manifest(output)["partitions"]:
        if is_finished(output, part["name"]):
            for row in _rows(paths_for(output, part["name"])["documents"]):
                yield row_to_document(row)
