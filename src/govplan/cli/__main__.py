"""``python -m govplan.cli``: the ``govplan`` command."""

from govplan.cli.main import main

raise SystemExit(main())
