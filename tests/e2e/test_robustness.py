"""Odd values in every field give diagnostics, never a traceback."""

import re
import shutil

import pytest

from limber.cli import main

ODD_VALUES = ["[]", "{a: b}", "true", "x", "[[1]]", "-3"]
FILES = [
    "content/exercises/chin-tuck.md",
    "content/routines/desk-minute.md",
    "content/pages/home.md",
    "content/site.yaml",
    "content/taxonomies.yaml",
]
FIELD_LINE = re.compile(r"^(\s*(?:- )?)([a-z_]+):(.*)$")
DIAGNOSTIC = re.compile(r"^content/\S+?(:\d+)?: (error|warning)\[[a-z0-9-]+\]: .+$|^\d+ (error|warning)\(s\)")


@pytest.mark.parametrize("name", FILES)
def test_every_field_survives_odd_values(name, project, tmp_path, capsys):
    lines = (project / name).read_text().split("\n")
    cases = [(i, m) for i, line in enumerate(lines) if (m := FIELD_LINE.match(line))]
    assert cases

    for i, match in cases:
        for odd in ODD_VALUES:
            work = tmp_path / "work"
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(project, work)
            changed = [*lines[:i], f"{match.group(1)}{match.group(2)}: {odd}", *lines[i + 1 :]]
            (work / name).write_text("\n".join(changed))

            code = main(["check", "--project", str(work)])

            err = capsys.readouterr().err.splitlines()
            where = f"{name}:{i + 1} {match.group(2)}: {odd}"
            assert code in (0, 1), where
            assert all(DIAGNOSTIC.match(line) for line in err), (where, err)
            if code == 1:
                assert err[-1].endswith("nothing was written."), where
