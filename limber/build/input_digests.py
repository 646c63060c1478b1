"""Digests of a build's inputs: the files of a folder, and the generator that reads them.

The build cache keys everything by these (limber.build.cache), so a change to content, templates,
assets, the generator's code, Python or a library that shapes the output is never missed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# The libraries whose versions shape the output, besides Python's own: a new version makes
# every cached body and page stale.
SHAPING = ("jinja2", "markdown", "python-frontmatter", "pyyaml", "nh3", "segno", "resvg-py")


def tree_digest(*roots: Path) -> str:
    """One digest of every file (path and bytes) under *roots*.

    Walked with plain strings: Path objects cost about as much again as the reading itself
    at 10,000 exercises.
    """
    h = hashlib.blake2b(digest_size=20)
    for root in roots:
        if not root.exists():
            h.update(f"missing {root.name}\0".encode())
            continue
        top = str(root.parent)
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            prefix = os.path.relpath(folder, top).replace(os.sep, "/") + "/"
            for name in sorted(files):
                path = os.path.join(folder, name)  # noqa: PTH118 (see above)
                h.update((prefix + name).encode() + b"\0")
                if os.path.isfile(path):  # noqa: PTH113
                    with open(path, "rb") as file:  # noqa: PTH123
                        h.update(file.read())
                h.update(b"\0")
    return h.hexdigest()


def generator_digest() -> str:
    """The generator's own code, Python's version and those of the libraries that shape the output.

    Only the `.py` sources count: compiled files (`__pycache__`) come and go with imports.
    """
    h = hashlib.blake2b(digest_size=20)
    for path in sorted(PACKAGE.rglob("*.py")):
        h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    versions = [sys.version, *(f"{name} {_version(name)}" for name in SHAPING)]
    h.update("\n".join(versions).encode())
    return h.hexdigest()


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "missing"
