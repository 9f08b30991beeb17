"""The ``govplan`` command line (``govplan.cli.main:main``)."""
