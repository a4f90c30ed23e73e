"""Thai-aware search: one segmenter for index and query, on any database backend."""
