"""Site search: Pagefind's chunked index plus Indonesian root forms."""
