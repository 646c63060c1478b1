"""Memo keys and view digests: equal records give one digest in any process, and any change another."""

import dataclasses
import os
import subprocess
import sys
from pathlib import PurePosixPath

from limber.build.memo import digest
from limber.diagnostics import Diagnostic, Severity
from tests.conftest import ROOT

PROBLEM = Diagnostic(PurePosixPath("content/exercises/a.md"), 3, "code", "a message", Severity.WARNING)


def test_equal_records_have_one_digest_and_each_field_counts():
    same = Diagnostic(PurePosixPath("content/exercises/a.md"), 3, "code", "a message", Severity.WARNING)
    changed = [
        dataclasses.replace(PROBLEM, line=4),
        dataclasses.replace(PROBLEM, message="another message"),
        dataclasses.replace(PROBLEM, severity=Severity.ERROR),
        dataclasses.replace(PROBLEM, path=PurePosixPath("content/exercises/b.md")),
    ]

    assert digest(same) == digest(PROBLEM)
    assert len({digest(PROBLEM), *map(digest, changed)}) == 1 + len(changed)
    assert digest((PROBLEM, frozenset({"a", "b"}))) != digest((PROBLEM, frozenset({"a"})))


def test_a_digest_is_the_same_in_another_process_with_another_hash_seed():
    code = (
        "from tests.unit.test_memo import PROBLEM; from limber.build.memo import digest; "
        "print(digest({'p': PROBLEM, 'n': (1, 2.5, None, True)}))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }

    assert len(seen) == 1 and len(seen.pop().strip()) == 40
