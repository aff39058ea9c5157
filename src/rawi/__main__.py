"""``python -m rawi`` is the ``rawi`` command."""

from rawi.cli import main

main()
