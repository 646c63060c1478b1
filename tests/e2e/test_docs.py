"""content/README.md documents exactly the schema the checker enforces."""

import re

from limber.editors.reference import reference
from tests.conftest import ROOT

GUIDE = ROOT / "content" / "README.md"
MARKER = "## Field reference\n"


def test_the_field_reference_is_generated_from_the_schema(request):
    text = GUIDE.read_text(encoding="utf-8")
    head, _, tail = text.partition(MARKER)
    intro, _, _ = tail.partition("### ")
    generated = head + MARKER + intro + reference()
    if request.config.getoption("--update-golden"):
        GUIDE.write_text(generated, encoding="utf-8")
        text = generated

    assert text == generated, "run: pytest tests/e2e/test_docs.py --update-golden"


def test_every_diagnostic_code_is_documented():
    source = "\n".join(p.read_text() for p in (ROOT / "limber").rglob("*.py"))
    codes = set(re.findall(r'(?:error|warning|Diagnostic\([^)]*?)\(\s*"([a-z]+(?:-[a-z0-9]+)+)"', source))
    codes |= set(re.findall(r'Diagnostic\([^"]*"([a-z]+(?:-[a-z0-9]+)+)"', source))
    guide = GUIDE.read_text(encoding="utf-8")

    assert len(codes) > 30
    assert sorted(c for c in codes if f"`{c}`" not in guide) == []
