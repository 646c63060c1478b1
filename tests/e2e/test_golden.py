"""The minimal fixture site, built and compared file by file with tests/golden/minimal/."""

import shutil
from pathlib import Path

import pytest

from limber.build.pipeline import build
from tests.conftest import ROOT, copy_project

GOLDEN = ROOT / "tests" / "golden"


def relative_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", ["minimal"])
def test_build_matches_golden_output(name, tmp_path, request):
    project = copy_project(tmp_path / "p", name)
    out = tmp_path / "site"

    result = build(project, out)

    assert result.diagnostics == []
    expected = GOLDEN / name
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected, ignore_errors=True)
        shutil.copytree(out, expected, ignore=shutil.ignore_patterns("assets"))
    assert relative_files(out) - {
        f for f in relative_files(out) if f.startswith("assets/")
    } == relative_files(expected)
    for file in sorted(relative_files(expected)):
        assert (out / file).read_text(encoding="utf-8") == (expected / file).read_text(encoding="utf-8"), file
