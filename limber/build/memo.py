"""Results of slow, pure work (drawings, QR codes, print layout) keyed by their inputs.

A job is (kind, inputs, make): `make()` depends only on `inputs`, so the result can be kept
under kind + a digest of the inputs, within a build and (through limber.build.cache) between
builds. The parallel pass computes what is missing before the views ask for it.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import io
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Job = tuple[str, object, Callable[[], Any]]


def digest(value: object) -> str:
    """A digest of *value*'s contents: the same for equal records in any process."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.dispatch_table = _REDUCERS
    pickler.dump(value)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=20).hexdigest()


class _Reducers(dict[type, Callable[[Any], Any]]):
    """How digest() pickles a dataclass: its class and its fields' values, in order.

    As certain as pickling it by its state, at half the cost: a frozen dataclass's own
    __getstate__ looks its fields up again for every record, most of the time of a one-edit
    build's view and drawing digests. Other types pickle as usual. One reducer per class,
    kept once made: it depends on the class alone.
    """

    def __missing__(self, cls: type) -> Callable[[Any], Any]:
        if not dataclasses.is_dataclass(cls):
            raise KeyError(cls)
        names = tuple(f.name for f in dataclasses.fields(cls))

        def reduce(record: Any) -> tuple[Any, ...]:
            return cls, tuple([getattr(record, name) for name in names])

        self[cls] = reduce
        return reduce


_REDUCERS = _Reducers(copyreg.dispatch_table)


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
