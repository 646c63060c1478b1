"""Words, as search compares them: folded, stemmed, and joined into the key that makes names one.

The search page (assets/js/search.js) folds and stems words by the same rules.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"['’]")
_WORD = re.compile(r"[a-z0-9]+")


def fold(value: str) -> str:
    """Lowercase, accents and apostrophes removed: "Child’s Pose" -> "childs pose"."""
    decomposed = unicodedata.normalize("NFKD", value)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", bare.lower())


def stem(word: str) -> str:
    """A word without a plural ending, the same rule as the search page's ("stretches" -> "stretch")."""
    if len(word) < 4:
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(value: str) -> tuple[str, ...]:
    """The words of *value*, folded and stemmed: "Shoulder blades" -> ("shoulder", "blade")."""
    return tuple(stem(w) for w in _WORD.findall(fold(value)))


def key(name: str) -> str:
    """What makes two names the same name: "Tech-neck", "tech neck" and "techneck" are one."""
    return "".join(words(name))
