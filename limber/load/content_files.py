"""The files under content/: which kind each one is, and reading one within its size limit.

A folder that cannot be read is skipped, a symlink is never followed out of content/, and a
FIFO, socket or device is refused by its type, so walking and reading never block the build.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from limber.diagnostics import Diagnostic

MAX_FILE_BYTES = 256 * 1024
MAX_IMAGE_BYTES = 2 * 1024 * 1024
KINDS = {"exercises": "exercise", "routines": "routine", "pages": "page"}
DATA_FILES = {
    "taxonomies.yaml": "taxonomies",
    "site.yaml": "site",
    "glossary.yaml": "glossary",
    "rules.yaml": "rules",
}
GUIDE_FILE = "README.md"  # the editors' guide to the fields; not content
IMAGE_DIR = "images"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".svg"}


def walk_files(root: Path) -> list[tuple[tuple[str, ...], bool]]:
    """Every file under *root* as its path's parts, sorted as paths sort, and whether it is a symlink.

    Symlinked folders are listed as files, not followed; a folder that cannot be read is skipped.
    """
    found: list[tuple[tuple[str, ...], bool]] = []
    folders: list[tuple[tuple[str, ...], str]] = [((), str(root))]
    while folders:
        parts, folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(((*parts, entry.name), entry.path))
                    else:
                        found.append(((*parts, entry.name), entry.is_symlink()))
        except OSError:
            continue
    return sorted(found)


def stays_inside(file: Path, root: Path) -> bool:
    return file.resolve().is_relative_to(root.resolve())


def kind_of(inside: PurePosixPath) -> str | None:
    """What a file under content/ is: a doc kind, "image", "guide", or None (not content)."""
    parts = inside.parts
    if len(parts) == 1:
        if parts[0] == GUIDE_FILE:
            return "guide"
        return DATA_FILES.get(parts[0])
    if parts[0] == IMAGE_DIR:
        return "image" if inside.suffix.lower() in IMAGE_SUFFIXES else None
    if len(parts) == 2 and parts[0] in KINDS and inside.suffix == ".md":
        return KINDS[parts[0]]
    return None


def read_capped(file: Path, rel: PurePosixPath, limit: int) -> tuple[bytes, Diagnostic | None]:
    """The bytes of a regular file of at most *limit* bytes, or why it cannot be read.

    Checked with stat before opening, and again on the open descriptor (opened non-blocking),
    so a FIFO, socket or device never blocks the build, even if one is swapped in meanwhile.
    """
    try:
        info = file.stat()
        problem = _not_regular(rel, info.st_mode, limit, info.st_size)
        if problem:
            return b"", problem
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            problem = _not_regular(rel, info.st_mode, limit, info.st_size)
            data = b"" if problem else handle.read(limit + 1)
    except OSError as err:
        return b"", Diagnostic(rel, None, "unreadable-file", f"cannot be read: {err.strerror or err}")
    if problem is None and len(data) > limit:  # grew since stat
        problem = _not_regular(rel, stat.S_IFREG, limit, len(data))
    return (b"", problem) if problem else (data, None)


def _not_regular(rel: PurePosixPath, mode: int, limit: int, size: int) -> Diagnostic | None:
    """Why a file with this stat *mode* and *size* is not content that can be read, or None."""
    if stat.S_ISDIR(mode):
        return Diagnostic(rel, None, "not-a-file", "expected a file, found a folder")
    if not stat.S_ISREG(mode):
        what = next((name for test, name in _SPECIAL if test(mode)), "a special file")
        return Diagnostic(rel, None, "not-a-regular-file", f"this is {what}, not a regular file; remove it")
    if size > limit:
        message = f"file is {size // 1024} KiB; the limit is {limit // 1024} KiB"
        return Diagnostic(rel, None, "file-too-large", message)
    return None


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
