"""``python -m graph`` is the ``kennisgraaf`` command."""

from graph.cli import main

raise SystemExit(main())
