"""Knowledge about unit names: normalising printed forms and matching short and full forms."""

from govplan.units.names import canonical_key, clean_name

__all__ = ["canonical_key", "clean_name"]
