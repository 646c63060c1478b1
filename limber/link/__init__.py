"""Stage 3 (link): references resolved, back-links and related exercises worked out."""
