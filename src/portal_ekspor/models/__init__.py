"""Typed records: what a valid file means, with rules written once.

Field names are English in code; ``alias`` is the Indonesian key staff type in
YAML. Models are frozen: after validation nothing downstream edits data.
"""
