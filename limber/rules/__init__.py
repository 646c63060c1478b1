"""Stage 3b (rules): the guide's safety and house rules, read from content/rules.yaml and applied.

Rules are content: each says when it applies, what it requires or forbids, and how to fix
what it finds. `read_rules` checks the file like any other; `apply_rules` reports every
problem at its file and line; `screening` gives each routine the lines its card must print.
"""

from limber.rules.apply import apply_rules, screening
from limber.rules.reading import read_rules
from limber.rules.spec import Rule

__all__ = ["Rule", "apply_rules", "read_rules", "screening"]
