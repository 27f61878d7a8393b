"""Reference lists the data is checked against (provinces, sectors, ...)."""
