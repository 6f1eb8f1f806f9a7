"""``python -m shelflife`` runs the command-line interface."""

from .cli import run

run()
