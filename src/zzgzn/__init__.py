"""zzgzn: a plan as versioned YAML, units' quarterly submissions merged into official reports."""

__version__ = "0.1.0"
