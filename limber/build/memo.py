"""Results of slow, pure work (drawings, QR codes, print layout) keyed by their inputs.

A job is (kind, inputs, make): `make()` depends only on `inputs`, so the result can be kept
under kind + a digest of the inputs, within a build and (through limber.build.cache) between
builds. The parallel pass computes what is missing before the views ask for it.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Job = tuple[str, object, Callable[[], Any]]


def digest(value: object) -> str:
    return hashlib.blake2b(pickle.dumps(value, protocol=5), digest_size=20).hexdigest()


@dataclass
class MemoStore:
    results: dict[str, Any] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    @staticmethod
    def key(kind: str, inputs: object) -> str:
        return kind + ":" + digest(inputs)

    def memo(self, kind: str, inputs: object, make: Callable[[], Any]) -> Any:
        key = self.key(kind, inputs)
        self.used.add(key)
        if key not in self.results:
            self.results[key] = make()
        return self.results[key]

    def missing(self, jobs: Iterable[Job]) -> list[tuple[str, Callable[[], Any]]]:
        """(key, make) of each job whose result is not kept yet, each key once.

        Every job listed is one this build needs, so its result is kept for the next build
        even if no view asks for it this time (a view not built again, as it read nothing new).
        """
        out: dict[str, Callable[[], Any]] = {}
        for kind, inputs, make in jobs:
            key = self.key(kind, inputs)
            self.used.add(key)
            if key not in self.results:
                out.setdefault(key, make)
        return list(out.items())

    def kept(self) -> dict[str, Any]:
        """The results this build used (what the cache keeps for the next one)."""
        return {k: v for k, v in self.results.items() if k in self.used}
