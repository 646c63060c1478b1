"""The build cache's files: pickles that may name only plain data, each written whole.

A state file is read with an unpickler that refuses every global but the generator's own
frozen dataclasses and enumerations and the few library classes listed here, so a planted
file cannot run code (see "Restricting Globals" in the pickle docs); one that cannot be read
is ignored, with a one-line reason for the editor.
"""

from __future__ import annotations

import dataclasses
import enum
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 3  # the shape of a state; another is ignored
# The only classes a state file may name; anything else (a planted file that would run code
# when read) is refused before it is built (see "Restricting Globals" in the pickle docs).
# Besides these, a state may name the generator's own records: a frozen dataclass or an enumeration
# defined in a limber module this process has already imported (_is_record).
STATE_CLASSES = {
    ("pathlib", "PurePosixPath"),
    ("re", "_compile"),  # a rule's words, kept as a compiled pattern: compiling runs no code
}


class _StateUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in STATE_CLASSES and not _is_record(module, name):
            raise pickle.UnpicklingError(f"it names {module}.{name}, which a build cache never holds")
        return super().find_class(module, name)


def _is_record(module: str, name: str) -> bool:
    """Whether *module*.*name* is a frozen dataclass or an enumeration of the generator's: plain data.

    Unpickling one sets its fields and runs none of its code; nothing is imported to find it.
    """
    found = getattr(sys.modules.get(module), name, None) if module.startswith("limber.") else None
    if not isinstance(found, type) or found.__module__ != module:
        return False
    if issubclass(found, enum.Enum):
        return True
    setstate = getattr(vars(found).get("__setstate__"), "__name__", "_dataclass_setstate")
    return (
        dataclasses.is_dataclass(found)
        and found.__dataclass_params__.frozen  # type: ignore[attr-defined]
        and "__new__" not in vars(found)
        and setstate == "_dataclass_setstate"
    )


def read_state(path: Path) -> tuple[dict[str, Any] | None, str]:
    """A state file's contents, or None and why it was ignored ("" when there is none)."""
    try:
        with path.open("rb") as f:
            state = _StateUnpickler(f).load()
    except FileNotFoundError:
        return None, ""
    except (
        OSError,
        EOFError,
        pickle.UnpicklingError,
        AttributeError,
        ImportError,
        ValueError,
        TypeError,
    ) as err:
        return None, f"the build cache {path.name} was ignored ({type(err).__name__}: {err}); building afresh"
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        return None, f"the build cache {path.name} was ignored (not a state of this version); building afresh"
    return state, ""


def write_state(path: Path, state: dict[str, Any]) -> None:
    """Write a state file whole, by a rename: a reader finds the old one or the new one.

    The file is first written under a name of its own, as two processes (the preview and a
    check, say) may write the same state at once: the last rename wins, whole.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as f:
        temp = Path(f.name)
        try:
            pickle.dump(state, f, protocol=5)
        except BaseException:
            f.close()
            temp.unlink(missing_ok=True)
            raise
    temp.replace(path)
