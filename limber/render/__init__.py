"""Stage 4 (render): bodies to documents, views to pages through Jinja, and the other outputs."""
