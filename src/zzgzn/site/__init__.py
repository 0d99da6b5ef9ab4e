"""The campaign as a static web site: board, a page per unit and per task (zzgzn site)."""
