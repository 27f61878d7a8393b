"""The staff preview behind `make serve`: a saved profile in well under a second, the rest right after."""
