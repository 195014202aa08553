"""RightHelp: the right help at the right time, from each partnership's own threshold document."""

__version__ = "0.1.0"
