"""Stage 1 (load): read content/ into Sources: its SourceDocs and its images.

Only this module reads the content folder: content_files says what each file there is and reads
its bytes within a size limit, source_docs parses them, and every problem is a Diagnostic. A
process that builds again and again (the preview) keeps a ReadCache, so only changed files
are parsed again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from limber.diagnostics import Diagnostic, Severity
from limber.load.content_files import (
    DATA_FILES,
    IMAGE_DIR,
    MAX_FILE_BYTES,
    MAX_IMAGE_BYTES,
    kind_of,
    read_capped,
    stays_inside,
    walk_files,
)
from limber.load.source_docs import SourceDoc, parse_doc


@dataclass(frozen=True, slots=True)
class Sources:
    """Everything under content/ that the build reads."""

    docs: tuple[SourceDoc, ...] = ()
    images: dict[str, bytes] = field(default_factory=dict)  # path under images/ -> bytes


ReadResult = tuple[SourceDoc | None, list[Diagnostic]]


class ReadCache:
    """Content files read before, each with what vouches that it has not changed since.

    A process that builds the same project again and again (the preview) keeps one, so a
    build parses only the files that changed: a file with the stat it had is not read again
    (one saved twice within the file system's clock tick at the same size keeps its stat:
    whoever knows a file was saved, the preview's watcher, says so with forget()). Files kept by
    an earlier process (kept(), then ReadCache(entries)) are vouched for by their bytes only:
    each is read again, and parsed again only if its bytes differ.
    """

    def __init__(self, entries: Mapping[PurePosixPath, tuple[bytes, ReadResult]] | None = None) -> None:
        self._entries: dict[PurePosixPath, tuple[tuple[int, int, int] | None, bytes, ReadResult]] = {
            rel: (None, digest, result) for rel, (digest, result) in (entries or {}).items()
        }
        self._read: set[PurePosixPath] = set()  # the files read by this process
        self.parsed = 0  # files parsed by this process: none means nothing new to keep
        self.last: tuple[Sources, list[Diagnostic]] | None = None  # what load_sources found last

    def read(self, file: Path, rel: PurePosixPath, kind: str) -> ReadResult:
        self._read.add(rel)
        try:
            info = file.stat()
        except OSError:
            return read_doc(file, rel, kind)
        stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
        kept = self._entries.get(rel)
        if kept is not None and kept[0] == stamp:
            return kept[2]
        data, problem = read_capped(file, rel, MAX_FILE_BYTES)
        if problem:
            self._entries.pop(rel, None)
            return None, [problem]
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if kept is not None and kept[1] == digest:
            result = kept[2]
        else:
            result = parse_doc(rel, data, kind)
            self.parsed += 1
        self._entries[rel] = (stamp, digest, result)
        return result

    def forget(self, paths: Iterable[PurePosixPath]) -> None:
        """Vouch for these files by their bytes only: each is read again, and parsed if it changed."""
        for path in paths:
            kept = self._entries.get(path)
            if kept is not None:
                self._entries[path] = (None, kept[1], kept[2])

    def kept(self) -> dict[PurePosixPath, tuple[bytes, ReadResult]]:
        """Each file this process read, with a digest of its bytes: what a later process may use."""
        return {rel: (entry[1], entry[2]) for rel, entry in self._entries.items() if rel in self._read}


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
    for parts, link in walk_files(root):
        file = root.joinpath(*parts)
        inside = PurePosixPath(*parts)
        rel = PurePosixPath(content_dir) / inside
        if link and not stays_inside(file, root):
            problems.append(
                Diagnostic(
                    rel,
                    None,
                    "symlink-outside",
                    "symlink points outside content/; copy the file in instead",
                )
            )
            continue
        kind = kind_of(inside)
        if kind == "image":
            data, problem = read_capped(file, rel, MAX_IMAGE_BYTES)
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


def read_doc(file: Path, rel: PurePosixPath, kind: str) -> ReadResult:
    """Read one content file from disk."""
    data, problem = read_capped(file, rel, MAX_FILE_BYTES)
    if problem:
        return None, [problem]
    return parse_doc(rel, data, kind)
