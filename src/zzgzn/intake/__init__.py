"""Ways in for liaisons who do not write YAML: a workbook (WPS, Excel) and a browser form.

Both end in the file `zzgzn new` would have written, filled in, which `zzgzn validate` checks.
"""
