"""The field reference in content/README.md, generated from the declarations."""

from __future__ import annotations

from limber.editors.pose_drawings import pose_gallery
from limber.figures import reference_markdown
from limber.model.dosage import Dosage, Frequency
from limber.model.fields import declared, table
from limber.model.records import Exercise, Image, Page, Routine, StepSpec
from limber.model.site_config import SiteConfig
from limber.model.vocabulary import VOCABULARIES, Term
from limber.rules.spec import Requires, Rule, When
from limber.search import GlossaryEntry


def vocabulary_keys() -> list[str]:
    """Which extra keys each vocabulary's terms take."""
    rows = ["| vocabulary | extra keys (required in bold) |", "| --- | --- |"]
    for name, spec in VOCABULARIES.items():
        keys = [f"**`{k}`**" if k in spec.required else f"`{k}`" for k in spec.extras]
        rows.append(f"| `{name}` | {', '.join(keys) or '—'} |")
    return [*rows, ""]


def reference() -> str:
    """The field reference for content/README.md."""
    lines: list[str] = []
    for title, fields in (
        ("Exercise (`content/exercises/<slug>.md`)", declared(Exercise)),
        ("Exercise `dosage`", declared(Dosage)),
        ("`frequency` (in `dosage` and in routines)", declared(Frequency)),
        ("Exercise `image`", declared(Image)),
        ("Routine (`content/routines/<slug>.md`)", declared(Routine)),
        ("Routine step (each item of `steps`)", declared(StepSpec)),
        ("Page (`content/pages/<slug>.md`)", declared(Page)),
        ("Vocabulary term (`content/taxonomies.yaml`)", declared(Term)),
    ):
        lines += table(title, fields)
    lines += vocabulary_keys()
    lines += table("Site settings (`content/site.yaml`)", declared(SiteConfig))
    lines += table(
        "Glossary entry (each item of `entries` in `content/glossary.yaml`)", declared(GlossaryEntry)
    )
    lines += table("Rule (each item of `rules` in `content/rules.yaml`)", declared(Rule))
    lines += table("Rule `when`", declared(When))
    lines += table("Rule `requires`", declared(Requires))
    lines += ["### Figure (`figure:` in an exercise)", "", figure_reference(), ""]
    return "\n".join(lines)


def figure_reference() -> str:
    """The figure's tables, with the named poses' drawings after the table that lists them."""
    tables = reference_markdown().rstrip("\n").split("\n\n")
    named = next((i for i, t in enumerate(tables) if t.startswith("| named pose")), None)
    if named is None:
        raise ValueError("the figure reference has no table of named poses for the drawings to follow")
    tables.insert(named + 1, pose_gallery().rstrip("\n"))
    return "\n\n".join(tables)
