"""Check a concern: the question pages, check your answers, and the result."""
