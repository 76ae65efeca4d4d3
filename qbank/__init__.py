"""qbank: turn study-note topic files into ready-to-import question banks."""

__version__ = "0.1.0"
