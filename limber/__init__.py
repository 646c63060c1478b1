"""Limber: a static site generator for a stretch guide."""

__version__ = "0.1.0"
