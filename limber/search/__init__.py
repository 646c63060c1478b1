"""Stage 4a (search): the published search data and the glossary that feeds it.

glossary.py reads content/glossary.yaml (common names and abbreviations) and checks it,
comparing names by their words as words.py folds and stems them; index.py turns the Site,
its rendered documents and the glossary into the JSON file the search page loads (its
format: docs/search-data.md). Nothing here renders HTML.
"""

from __future__ import annotations

from limber.search.glossary import GlossaryEntry, validate_glossary
from limber.search.index import SEARCH_DATA, search_data

__all__ = ["SEARCH_DATA", "GlossaryEntry", "search_data", "validate_glossary"]
