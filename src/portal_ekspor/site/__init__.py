"""Derived views and generated pages: data in, (path, title, HTML) out.

Nothing here knows MkDocs; the hook adapter hands these pages to it.
"""
