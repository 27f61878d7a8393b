"""Portal Ekspor core: loading, validating and presenting the program's data.

This package never imports MkDocs, so it can be tested and reused (CLI, CI,
deploy hooks) without a site build. The MkDocs hooks in ``hooks/`` are thin
adapters over it.
"""

__version__ = "0.1.0"
