"""`python -m archive.cli` runs the newsarchive command (the tests and the scheduler use it)."""

from archive.cli import main

main()
