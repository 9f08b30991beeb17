"""The ``govplan`` command line (``govplan.cli.main:main``)."""

__all__: list[str] = []
