"""Compare partnerships: the same observations assessed under every other document."""
