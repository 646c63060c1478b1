"""The build cache, beside the pipeline: it never changes what a build produces.

A folder (`.limber-cache/` in the project, ignored by git) keeps, between builds:
- the digest of every input (content, templates, assets, the generator's own code and the
  options): when nothing changed and the output folder is as the last build left it, the
  build stops there;
- each body's rendered Document, keyed by the body, the generator and the titles and URLs
  of the pages it links to, so an unchanged body is not converted again;
- for each output file, the digest of the view it was rendered from (and the templates),
  with the file's size and modification time: an unchanged page is not rendered again and
  its file is left in place, not rewritten;
- for the whole project (`memory.pickle`, any target), each content file as read and checked,
  with a digest of its bytes (limber.build.loading.Memory): a file with the same bytes is
  neither parsed nor checked again.

The files are pickles that may name only plain data (limber.build.state_files).

Everything is keyed by content and by the generator's source, so a cached build and a clean
build are byte-identical (tests/e2e/test_cache.py); a stale entry is never used, only missed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from limber.build.input_digests import generator_digest, tree_digest
from limber.build.memo import MemoStore
from limber.build.state_files import FORMAT, read_state, write_state
from limber.diagnostics import Diagnostic
from limber.model.records import Output
from limber.render.documents import Document
from limber.routes import page_file

CACHE_DIR = ".limber-cache"
STATE = "state-{target}.pickle"  # one state per output folder, base URL and options
REST = "rest-{target}.pickle"  # the rest of it: documents and memos, read when a build goes on
MEMORY = "memory.pickle"  # each content file as read and checked (limber.build.loading.Memory)
MAX_STATES = 8  # states kept for other targets; the oldest beyond these are removed


def _digest(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


@dataclass
class Cache:
    """What one build reads from and adds to the cache folder."""

    folder: Path
    generator: str
    documents: dict[str, Document] = field(default_factory=dict)
    pages: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # path -> (digest, size, mtime)
    inputs: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # the last build's warnings
    used_documents: set[str] = field(default_factory=set)
    new_pages: dict[str, str] = field(default_factory=dict)  # path -> view digest, this build
    memos: MemoStore = field(default_factory=MemoStore)  # drawings, QR codes, print layout
    reused: int = 0
    target: str = ""  # the digest naming this target's state file
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # other output files: (size, mtime)
    ignored: str = ""  # why an unreadable state file was ignored, to tell the editor
    views: dict[str, Any] | None = None  # what each page's view read (limber.views.saved_reads)
    new_views: dict[str, Any] | None = None  # the same, this build

    @classmethod
    def open(cls, folder: Path, target: str = "") -> Cache:
        """The cache for one target (output folder, base URL, options); empty if there is none.

        A state file that cannot be read, or that names anything but the classes a cache
        holds, is ignored and said so in `ignored`; the build then makes everything afresh.
        """
        generator = generator_digest()
        cache = cls(folder, generator, target=cls.target_name(target))
        state, cache.ignored = read_state(folder / STATE.format(target=cache.target))
        if state is None:
            return cache
        if state.get("generator") != generator:
            return cache  # the generator or a library changed: an ordinary miss
        cache.pages = state["pages"]
        cache.inputs = state["inputs"]
        cache.counts = state["counts"]
        cache.diagnostics = state["diagnostics"]
        cache.files = state["files"]
        return cache

    def load_rest(self) -> str:
        """Read the rest of this target's state: what a build that goes on uses (documents, memos).

        Kept in a file of its own (REST), so a build that stops at "nothing changed" reads only
        the small state. Its entries are keyed by content, so any REST file of this generator is
        safe to use; one that cannot be read is ignored, and the reason returned.
        """
        if not self.inputs:
            return ""  # no state, or another generator's: nothing of it may be used
        rest, ignored = read_state(self.folder / REST.format(target=self.target))
        if rest is not None and rest.get("generator") == self.generator:
            self.documents = rest["documents"]
            self.memos = MemoStore(rest["memos"])
            self.views = rest["views"]
        return ignored

    @staticmethod
    def target_name(target: str) -> str:
        """The digest naming a target's state file."""
        return _digest(target.encode())[:16]

    # --- nothing changed ---

    def inputs_digest(self, project: Path, options: Iterable[str]) -> str:
        roots = [project / "content", project / "templates", project / "assets"]
        return _digest(self.generator.encode(), tree_digest(*roots).encode(), "\0".join(options).encode())

    def unchanged(self, inputs: str, out_dir: Path | None) -> bool:
        """True when the inputs are those of the last build and its output is still in place.

        For a check (no *out_dir*), the inputs alone: it has nothing in place to lose.
        """
        if not self.inputs or inputs != self.inputs:
            return False
        if out_dir is None:
            return True
        folder = str(out_dir)
        return all(_stat_matches(folder, path, *entry[1:]) for path, entry in self.pages.items()) and all(
            _stat_matches(folder, path, *entry) for path, entry in self.files.items()
        )

    # --- documents ---

    def lookup(self, key: str) -> Document | None:
        self.used_documents.add(key)
        return self.documents.get(key)

    def store(self, key: str, document: Document) -> None:
        self.documents[key] = document

    @staticmethod
    def document_key(body: str, kind: str, links: Mapping[str, Any]) -> str:
        return _digest(kind.encode(), body.encode(), pickle.dumps(sorted(links.items())))

    # --- pages ---

    def unchanged_page(
        self, page: str, templates: str, out_dir: Path | None, view_digest: str
    ) -> Output | None:
        """The page's Output linked from the previous site if it is unchanged, else None.

        For a check (no *out_dir*), an unchanged page is one whose view and templates rendered
        without error last time: it is not rendered again, and its Output has no text.
        *page* is the page's path, and *view_digest* memo.digest of its view, which the caller
        keeps for a view used again.
        """
        path = PurePosixPath(page_file(page))
        digest = _digest(templates.encode(), view_digest.encode())
        self.new_pages[path.as_posix()] = digest
        entry = self.pages.get(path.as_posix())
        if entry is None or entry[0] != digest:
            return None
        if out_dir is None:
            self.reused += 1
            return Output(path, "")
        previous = out_dir.joinpath(*path.parts)
        if _stat_matches(str(out_dir), path.as_posix(), *entry[1:]):
            self.reused += 1
            return Output(path, "", source=previous)
        return None

    def save(
        self,
        inputs: str,
        out_dir: Path | None,
        outputs: Iterable[Output],
        counts: Mapping[str, int],
        diagnostics: list[Diagnostic],
    ) -> None:
        """Record this build; call after the output folder was written (or a check passed)."""
        pages = self._pages(out_dir, outputs)
        files = {}  # everything else the build wrote (assets, pictures): a missing one is noticed
        if out_dir is not None:
            for path in sorted(out_dir.rglob("*")):
                key = path.relative_to(out_dir).as_posix()
                if key not in pages and path.is_file():
                    stat = path.stat()
                    files[key] = (stat.st_size, stat.st_mtime_ns)
        rest = {
            "format": FORMAT,
            "generator": self.generator,
            "documents": {k: v for k, v in self.documents.items() if k in self.used_documents},
            "memos": self.memos.kept(),
            "views": self.new_views,
        }
        state = {
            "format": FORMAT,
            "generator": self.generator,
            "pages": pages,
            "inputs": inputs,
            "counts": dict(counts),
            "diagnostics": diagnostics,
            "files": files,
        }
        write_state(self.folder / REST.format(target=self.target), rest)
        write_state(self.folder / STATE.format(target=self.target), state)
        others = sorted(self.folder.glob(STATE.format(target="*")), key=lambda p: p.stat().st_mtime_ns)
        for old in others[: max(len(others) - MAX_STATES, 0)]:
            old.unlink(missing_ok=True)
            old.with_name(REST.format(target=old.name.removeprefix("state-").removesuffix(".pickle"))).unlink(
                missing_ok=True
            )

    # --- what was read and checked (limber.build.loading.Memory), shared by every target ---

    def kept_memory(self) -> tuple[dict[str, Any] | None, str]:
        """What the last build of this project kept of reading and checking its files, if usable.

        Its files are vouched for by their bytes, so it serves any target; one made by another
        generator is not used. An unreadable one is ignored: the second value says so.
        """
        state, ignored = read_state(self.folder / MEMORY)
        if (
            state is None
            or state.get("generator") != self.generator
            or not isinstance(state.get("memory"), dict)
        ):
            return None, ignored
        return state["memory"], ""

    def keep_memory(self, memory: Mapping[str, Any]) -> None:
        write_state(self.folder / MEMORY, {"format": FORMAT, "generator": self.generator, "memory": memory})

    def again(self, out_dir: Path | None, outputs: Iterable[Output]) -> None:
        """Keep this build's record in memory for the next build by the same process (the preview).

        Nothing is saved: the preview builds into a temporary folder no later build will see,
        and the process keeps the cache itself.
        """
        self.pages = self._pages(out_dir, outputs)
        self.documents = {k: v for k, v in self.documents.items() if k in self.used_documents}
        self.memos = MemoStore(self.memos.kept())

    def begin(self) -> None:
        """Start another build with what this cache holds (kept in memory by again())."""
        self.used_documents, self.new_pages, self.reused = set(), {}, 0

    def _pages(self, out_dir: Path | None, outputs: Iterable[Output]) -> dict[str, tuple[str, int, int]]:
        """Each page this build made: its view's digest, and its file's size and modification time."""
        if out_dir is None:
            return {o.path.as_posix(): (self.new_pages.get(o.path.as_posix(), ""), 0, 0) for o in outputs}
        pages = {}
        for output in outputs:
            key = output.path.as_posix()
            stat = out_dir.joinpath(*output.path.parts).stat()
            pages[key] = (self.new_pages.get(key, ""), stat.st_size, stat.st_mtime_ns)
        return pages


def _stat_matches(folder: str, path: str, size: int, mtime: int) -> bool:
    """Whether the file at *path* in *folder* has this size and modification time."""
    try:
        stat = os.stat(os.path.join(folder, path))  # noqa: PTH116, PTH118 (Path objects: 0.3 s per 20,000 files)
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns) == (size, mtime)
