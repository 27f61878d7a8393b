"""Developer tools that are not part of the published portal (screenshots)."""
