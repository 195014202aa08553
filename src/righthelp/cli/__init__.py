"""The `righthelp` command line."""
