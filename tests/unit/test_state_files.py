"""A build cache file holds plain data only: reading a planted one runs nothing."""

import pickle
from pathlib import Path, PurePosixPath

import pytest

from limber.build import pipeline
from limber.build.cache import Cache
from limber.build.state_files import FORMAT, read_state, write_state
from limber.diagnostics import Diagnostic, Severity


def test_the_generator_s_records_and_a_path_are_read_back(tmp_path: Path):
    problem = Diagnostic(PurePosixPath("content/a.md"), 3, "x", "a problem", Severity.WARNING)
    state = {"format": FORMAT, "kept": [problem, PurePosixPath("a/b")]}
    write_state(tmp_path / "state.pickle", state)

    assert read_state(tmp_path / "state.pickle") == (state, "")
    assert [p.name for p in tmp_path.iterdir()] == [
        "state.pickle"
    ]  # written under a name of its own, then renamed


@pytest.mark.parametrize(
    ("value", "named"),
    [
        (pipeline.build, "limber.build.pipeline.build"),  # a function of ours: calling it would run a build
        (Cache(Path("x"), "g"), "limber.build.cache.Cache"),  # a dataclass of ours that is not frozen
        (Path("/tmp"), "pathlib.PosixPath"),  # only the pure path is on the list
        (print, "builtins.print"),
    ],
)
def test_anything_but_plain_data_is_refused_before_it_is_made(tmp_path: Path, value, named):
    path = tmp_path / "state.pickle"
    path.write_bytes(pickle.dumps({"format": FORMAT, "kept": value}))

    state, why = read_state(path)

    assert state is None
    assert why == (
        f"the build cache state.pickle was ignored (UnpicklingError: it names {named}, which a build cache"
        " never holds); building afresh"
    )


def test_a_state_of_another_shape_is_ignored(tmp_path: Path):
    write_state(tmp_path / "state.pickle", {"format": FORMAT + 1})

    assert read_state(tmp_path / "state.pickle") == (
        None,
        "the build cache state.pickle was ignored (not a state of this version); building afresh",
    )
