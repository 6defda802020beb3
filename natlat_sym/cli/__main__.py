"""``python -m natlat_sym.cli`` runs the ``natlat`` command."""

from . import main

main()
