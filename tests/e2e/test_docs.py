"""content/README.md documents exactly the schema the checker enforces."""

import re

import pytest

from limber.editors.pose_drawings import FOLDER as POSES
from limber.editors.pose_drawings import pose_files
from limber.editors.reference import reference
from limber.figures.bases import NAMED_POSES
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


def test_the_named_pose_drawings_are_current(request):
    drawn = {ROOT / path: text.encode() for path, text in pose_files().items()}
    folder = ROOT / POSES
    if request.config.getoption("--update-golden"):
        folder.mkdir(parents=True, exist_ok=True)
        for stale in set(folder.glob("*.svg")) - drawn.keys():
            stale.unlink()
        for path, data in drawn.items():
            path.write_bytes(data)

    on_disk = {path: path.read_bytes() for path in folder.glob("*.svg")}
    wrong = sorted(
        str(p.relative_to(ROOT)) for p in drawn.keys() | on_disk.keys() if drawn.get(p) != on_disk.get(p)
    )
    assert wrong == [], (
        f"drawings missing, out of date or of no named pose: {', '.join(wrong)}; "
        "run: pytest tests/e2e/test_docs.py --update-golden"
    )


def test_the_guide_shows_each_named_pose_over_its_own_drawing():
    lines = GUIDE.read_text(encoding="utf-8").splitlines()

    pairs = []
    for i, line in enumerate(lines):
        if line.startswith("| :---:"):
            names = re.findall(r"`([a-z-]+)`", lines[i - 1])
            pairs += zip(names, re.findall(r'<img src="([^"]+)"', lines[i + 1]), strict=True)

    assert [name for name, _ in pairs] == [pose.name for pose in NAMED_POSES]
    for name, src in pairs:
        assert (GUIDE.parent / src).resolve() == ROOT / POSES / f"{name}.svg"


def contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("path", sorted(pose_files()), ids=lambda p: p.stem)
def test_a_named_pose_drawing_brings_its_own_paper_for_light_and_dark_pages(path):
    svg = pose_files()[path]

    schemes = svg.split("@media (prefers-color-scheme:dark)")
    assert len(schemes) == 2
    for scheme in schemes:
        (ink,) = re.findall(r"svg\{color:(#[0-9a-f]{6})\}", scheme)
        (paper,) = re.findall(r"\.paper\{fill:(#[0-9a-f]{6})\}", scheme)
        assert contrast(ink, paper) > 12
    assert svg.index('<rect class="paper"') < svg.index("<path")  # under the drawing
