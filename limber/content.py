"""Stage 1 (load): read content/ into SourceDocs (front matter, body, line numbers).

Only this module reads the content folder. It reads bytes, so it can name the byte where a
file stops being UTF-8, caps sizes before parsing, and reports every problem as a Diagnostic.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from limber.diagnostics import UNSAFE_CHARS, Diagnostic, KeyPath, Origin, Severity, char_name
from limber.yaml_reader import StrictYAMLHandler, YamlProblem, parse_yaml

MAX_FILE_BYTES = 256 * 1024
MAX_FRONT_MATTER_BYTES = 32 * 1024
MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_CHARACTER_LINES = 20  # lines with a control character reported per file before a summary
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

_HANDLER = StrictYAMLHandler()


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """One content file as read: its kind, front matter (plain data) and Markdown body."""

    kind: str  # exercise | routine | page | taxonomies | site | glossary | rules
    path: PurePosixPath  # relative to the project root
    meta: Any
    body: str
    origin: Origin

    @property
    def slug(self) -> str:
        return self.path.stem


@dataclass(frozen=True, slots=True)
class Sources:
    """Everything under content/ that the build reads."""

    docs: tuple[SourceDoc, ...] = ()
    images: dict[str, bytes] = field(default_factory=dict)  # path under images/ -> bytes


ReadResult = tuple[SourceDoc | None, list[Diagnostic]]


class ReadCache:
    """Content files read before, each with the stat that vouches it has not changed since.

    A process that builds the same project again and again (the preview) keeps one, so a
    build parses only the files that changed. A file saved twice within the file system's
    clock tick at the same size keeps the same stat: whoever knows a file changed (the
    preview's watcher) says so with forget().
    """

    def __init__(self) -> None:
        self._entries: dict[PurePosixPath, tuple[tuple[int, int, int], ReadResult]] = {}
        self.last: tuple[Sources, list[Diagnostic]] | None = None  # what load_sources found last

    def read(self, file: Path, rel: PurePosixPath, kind: str) -> ReadResult:
        try:
            info = file.stat()
        except OSError:
            return read_doc(file, rel, kind)
        stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
        kept = self._entries.get(rel)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        result = read_doc(file, rel, kind)
        self._entries[rel] = (stamp, result)
        return result

    def forget(self, paths: Iterable[PurePosixPath]) -> None:
        for path in paths:
            self._entries.pop(path, None)


def load_sources(
    project: Path,
    content_dir: str = "content",
    reads: ReadCache | None = None,
    changed: Collection[PurePosixPath] | None = None,
) -> tuple[Sources, list[Diagnostic]]:
    """Read every content file under *project*/*content_dir*; never raises for content problems.

    With *reads*, a file unchanged since it was last read there is not parsed again. With
    *changed* too, the project-relative paths of every file saved since (as a watcher reports
    them), the others are not even looked at, unless a file was added or removed.
    """
    if reads is not None:
        found = _again(project, reads, changed) if changed is not None else None
        reads.last = found or _load_sources(project, content_dir, reads)
        return reads.last
    return _load_sources(project, content_dir, reads)


def _again(
    project: Path, reads: ReadCache, changed: Collection[PurePosixPath]
) -> tuple[Sources, list[Diagnostic]] | None:
    """The last sources with the *changed* documents read again; None if a file came or went."""
    if reads.last is None:
        return None
    sources, problems = reads.last
    kinds = {doc.path: doc.kind for doc in sources.docs}
    if any(path not in kinds or not (project / path).is_file() for path in changed):
        return None
    reads.forget(changed)
    fresh = {path: reads.read(project / path, path, kinds[path]) for path in changed}
    docs = [fresh[doc.path][0] if doc.path in fresh else doc for doc in sources.docs]
    problems = [d for d in problems if d.path not in fresh] + [
        d for _, found in fresh.values() for d in found
    ]
    return Sources(tuple(doc for doc in docs if doc is not None), sources.images), problems


def _load_sources(
    project: Path, content_dir: str, reads: ReadCache | None
) -> tuple[Sources, list[Diagnostic]]:
    root = project / content_dir
    problems: list[Diagnostic] = []
    docs: list[SourceDoc] = []
    images: dict[str, bytes] = {}
    if not root.is_dir():
        rel = PurePosixPath(content_dir)
        return Sources(), [Diagnostic(rel, None, "missing-content", f"no '{rel}/' folder here")]
    for parts, link in _walk(root):
        file = root.joinpath(*parts)
        inside = PurePosixPath(*parts)
        rel = PurePosixPath(content_dir) / inside
        if link and not _stays_inside(file, root):
            problems.append(
                Diagnostic(
                    rel,
                    None,
                    "symlink-outside",
                    "symlink points outside content/; copy the file in instead",
                )
            )
            continue
        kind = _kind_of(inside)
        if kind == "image":
            data, problem = _read_capped(file, rel, MAX_IMAGE_BYTES)
            if problem:
                problems.append(problem)
            else:
                images[inside.relative_to(IMAGE_DIR).as_posix()] = data
        elif kind in ("exercise", "routine", "page", *DATA_FILES.values()):
            doc, found = read_doc(file, rel, kind) if reads is None else reads.read(file, rel, kind)
            problems += found
            if doc:
                docs.append(doc)
        elif kind is None:
            problems.append(
                Diagnostic(
                    rel,
                    None,
                    "ignored-file",
                    "not content: ignored, and not copied to the site",
                    Severity.WARNING,
                )
            )
    return Sources(tuple(docs), images), problems


def _walk(root: Path) -> list[tuple[tuple[str, ...], bool]]:
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


def _stays_inside(file: Path, root: Path) -> bool:
    return file.resolve().is_relative_to(root.resolve())


def _kind_of(inside: PurePosixPath) -> str | None:
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


def _read_capped(file: Path, rel: PurePosixPath, limit: int) -> tuple[bytes, Diagnostic | None]:
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


def read_doc(file: Path, rel: PurePosixPath, kind: str) -> ReadResult:
    """Read one content file from disk."""
    data, problem = _read_capped(file, rel, MAX_FILE_BYTES)
    if problem:
        return None, [problem]
    return parse_doc(rel, data, kind)


def decode(rel: PurePosixPath, data: bytes) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text with one optional BOM removed and CRLF line ends made LF."""
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start + bom  # a byte offset in the file as saved
        line = data.count(b"\n", 0, offset) + 1
        message = f"not valid UTF-8 at byte {offset} (0x{data[offset]:02x}); save the file as UTF-8"
        return None, Diagnostic(rel, line, "not-utf8", message)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")), None


def parse_doc(rel: PurePosixPath, data: bytes | str, kind: str) -> tuple[SourceDoc | None, list[Diagnostic]]:
    """Split a file into front matter and body and read the front matter strictly."""
    if isinstance(data, bytes):
        text, problem = decode(rel, data)
        if text is None:
            return None, [problem] if problem else []
    else:
        text = data
    problems = unsafe_characters(rel, text)
    if problems:  # read on without them, so the file's other problems show in the same run
        text = UNSAFE_CHARS.sub("", text)
    parse = _parse_data if kind in DATA_FILES.values() else _parse_markdown
    doc, found = parse(rel, text, kind)
    return doc, problems + found


def unsafe_characters(rel: PurePosixPath, text: str) -> list[Diagnostic]:
    """An error at each line holding a control, bidi or invisible character (see UNSAFE_CHARS).

    Such a character can make text read differently from what it is, rewrite a terminal, or
    break a line where the YAML reader sees one and an editor does not. Tab and newline are fine.
    Scanned before YAML reads the text, which it then reads without them (parse_doc).
    """
    if not UNSAFE_CHARS.search(text):
        return []
    problems: list[Diagnostic] = []
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if UNSAFE_CHARS.search(line)]
    for number, line in lines[:MAX_CHARACTER_LINES]:
        found = list(UNSAFE_CHARS.finditer(line))
        first = found[0]
        where = f"{char_name(first.group())} at column {first.start() + 1}"
        more = f" (and {len(found) - 1} more on this line); remove them" if len(found) > 1 else "; remove it"
        problems.append(Diagnostic(rel, number, "control-character", where + more))
    if len(lines) > MAX_CHARACTER_LINES:
        number = lines[MAX_CHARACTER_LINES][0]
        message = (
            f"{len(lines) - MAX_CHARACTER_LINES} more lines hold control or invisible characters; remove them"
        )
        problems.append(Diagnostic(rel, number, "control-character", message))
    return problems


def _escaped_characters(
    rel: PurePosixPath, value: Any, origin: Origin, key: KeyPath = ()
) -> tuple[Any, list[Diagnostic]]:
    r"""*value* without such characters, and an error for each text a YAML escape ("\u202e") gave one."""
    if isinstance(value, dict | list):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        found = {k: _escaped_characters(rel, v, origin, (*key, k)) for k, v in items}
        problems = [p for _, some in found.values() for p in some]
        kept = {k: v for k, (v, _) in found.items()}
        return (kept if isinstance(value, dict) else list(kept.values())), problems
    first = UNSAFE_CHARS.search(value) if isinstance(value, str) else None
    if first is None:
        return value, []
    message = f"{char_name(first.group())} in '{_dotted(key)}' (written as an escape); remove it"
    return UNSAFE_CHARS.sub("", value), [Diagnostic(rel, origin.line_of(key), "control-character", message)]


def _dotted(key: KeyPath) -> str:
    """("steps", 1, "hold") -> "steps[2].hold", counting items from 1 as editors do."""
    text = ""
    for part in key:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def _parse_data(rel: PurePosixPath, text: str, kind: str) -> tuple[SourceDoc | None, list[Diagnostic]]:
    meta, lines, problems = _yaml(rel, text, 1)
    if problems:
        return None, problems
    meta, escaped = _escaped_characters(rel, meta, Origin(rel, lines))
    if not isinstance(meta, dict):
        return None, [
            *escaped,
            Diagnostic(rel, 1, "not-a-mapping", "the file must be a mapping of names to values"),
        ]
    return SourceDoc(kind, rel, meta, "", Origin(rel, lines)), escaped


def _parse_markdown(rel: PurePosixPath, text: str, kind: str) -> tuple[SourceDoc | None, list[Diagnostic]]:
    boundary = _HANDLER.FM_BOUNDARY
    assert boundary is not None
    opening = boundary.match(text)
    closing = boundary.search(text, opening.end()) if opening else None
    if not opening or not closing:
        message = "no front matter: start the file with a line '---', the fields, then another '---'"
        return None, [Diagnostic(rel, 1, "missing-front-matter", message)]
    front = text[opening.end() : closing.start()]
    if len(front.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        message = f"front matter is over {MAX_FRONT_MATTER_BYTES // 1024} KiB; keep long text in the body"
        return None, [Diagnostic(rel, 1, "front-matter-too-large", message)]
    # The front matter text starts right after the opening '---', on the file's first line.
    meta, lines, problems = _yaml(rel, front, text.count("\n", 0, opening.end()) + 1)
    if problems:
        return None, problems
    meta, escaped = _escaped_characters(rel, meta, Origin(rel, lines))
    if meta is None:
        return None, [
            Diagnostic(
                rel,
                1,
                "empty-front-matter",
                "the front matter between the '---' lines is empty",
            )
        ]
    if not isinstance(meta, dict):
        message = f"front matter must be a mapping of fields ('title: ...'), got {type(meta).__name__}"
        return None, [*escaped, Diagnostic(rel, 2, "front-matter-not-mapping", message)]
    body = text[closing.end() :]
    body_line = text.count("\n", 0, closing.end()) + 1
    if body.startswith("\n"):
        body, body_line = body[1:], body_line + 1
    return SourceDoc(kind, rel, meta, body, Origin(rel, lines, body_line)), escaped


def _yaml(rel: PurePosixPath, text: str, first_line: int) -> tuple[Any, dict[KeyPath, int], list[Diagnostic]]:
    try:
        value, lines = parse_yaml(text, first_line)
    except YamlProblem as problem:
        return None, {}, [Diagnostic(rel, line, problem.code, message) for line, message in problem.all]
    return value, lines, []
