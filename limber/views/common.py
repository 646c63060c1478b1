"""What every page view needs: URLs, terms, chips, cards and the View record itself."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from limber import routes
from limber.figures import alt_text
from limber.model.dosage import dosage_line, minutes_text, routine_seconds
from limber.model.records import SAFETY_PAGE, Exercise, Page, Routine, Site
from limber.model.vocabulary import VOCABULARIES, Term
from limber.render.documents import Document
from limber.views.page_data import Card, Chip, Link, View

Memo = Callable[[str, object, Callable[[], Any]], Any]
# Header links, in order, with their names; Safety is in the header so it is one tap from any page.
NAV_SECTIONS = {
    routes.EXERCISES: "Exercises",
    routes.ROUTINES: "Routines",
    "areas/": "Body areas",
    f"{SAFETY_PAGE}/": "Safety",
    "about/": "About",
}
PAGE_SECTIONS = {f"{SAFETY_PAGE}/": SAFETY_PAGE, "about/": "about"}  # shown only if the page exists


@dataclass(frozen=True)
class Context:
    """The linked site and its rendered documents: what every view builder reads."""

    site: Site
    documents: Mapping[str, Document]  # site path -> Document
    # Work that is slow and depends only on its inputs (drawings, print layout) goes through
    # memo(kind, inputs, make); the build cache keeps the results between builds.
    memo: Memo = field(default=lambda kind, inputs, make: make())
    # Each exercise's card, made once a build: a page lists 16 of them, 160,000 at 10,000 exercises.
    # A card reads the exercise (which its caller read) and the vocabularies and settings, whose
    # change makes every page again; so a card made for another page is as good as a new one.
    cards: dict[str, Card] = field(default_factory=dict, compare=False)

    def url(self, path: str) -> str:
        return self.site.config.url(path)

    def term(self, vocabulary: str, slug: str) -> Term:
        found = self.site.vocabularies[vocabulary].get(slug)
        assert found is not None, (vocabulary, slug)
        return found

    def chip(self, vocabulary: str, slug: str, label: str | None = None) -> Chip:
        term = self.term(vocabulary, slug)
        return Chip(label or VOCABULARIES[vocabulary].singular, term.name, self.url(term.path))

    def crumbs(self, *links: Link) -> tuple[Link, ...]:
        return (Link("Home", self.url("")), *links)

    def nav(self) -> tuple[Link, ...]:
        return tuple(
            Link(name, self.url(path))
            for path, name in NAV_SECTIONS.items()
            if path not in PAGE_SECTIONS or PAGE_SECTIONS[path] in self.site.pages
        )

    def view(
        self,
        template: str,
        path: str,
        title: str,
        description: str,
        data: Any,
        crumbs: tuple[Link, ...] = (),
        graph: Mapping[str, Any] | None = None,
        source: PurePosixPath | None = None,
    ) -> View:
        section = next((p for p in NAV_SECTIONS if path.startswith(p)), "")
        return View(
            template,
            path,
            title,
            description,
            self.site.config.absolute_url(path),
            self.url(path),
            self.url(section) if section else "",
            crumbs,
            graph,
            data,
            self.site.config.edit_url(source) if source is not None else "",
        )

    def dosage(self, exercise: Exercise, *, with_frequency: bool = True) -> str:
        return dosage_line(exercise.dosage, self.term("types", exercise.type), with_frequency=with_frequency)

    def intensity(self, exercise: Exercise) -> str:
        """The exercise's intensity, or its type's default."""
        default = self.term("types", exercise.type).intensity
        found = exercise.dosage.intensity or default
        assert found is not None  # a type term must give `intensity` (checked with the vocabulary)
        return found

    def exercise_card(self, exercise: Exercise) -> Card:
        card = self.cards.get(exercise.slug)  # one site per Context: a slug is one exercise
        if card is None:
            card = self.cards[exercise.slug] = self._exercise_card(exercise)
        return card

    def _exercise_card(self, exercise: Exercise) -> Card:
        level = self.term("levels", exercise.level).name
        position = self.term("positions", exercise.position).name
        facts = " · ".join((level, position, self.dosage(exercise, with_frequency=False)))
        return Card(
            exercise.title, self.url(exercise.path), exercise.summary, facts, self.figure_url(exercise)
        )

    @staticmethod
    def figure_path(exercise: Exercise) -> str:
        """Where an exercise's small drawing is published (limber.views.drawings.figure_files)."""
        return routes.figure_path(exercise.slug)

    def figure_url(self, exercise: Exercise) -> str:
        return self.url(self.figure_path(exercise)) if exercise.figure is not None else ""

    def figure_alt(self, exercise: Exercise) -> str:
        """The drawing of *exercise* in words: position, movement and side."""
        return alt_text(exercise.figure, names=self.names()) if exercise.figure is not None else ""

    def names(self) -> dict[str, str]:
        """Display names of areas and muscles, for the words that describe a drawing."""
        vocabularies = self.site.vocabularies
        return {
            t.slug: t.name for v in ("areas", "muscles") if v in vocabularies for t in vocabularies[v].terms
        }

    def routine_total(self, routine: Routine) -> int:
        return routine_seconds((s.dosage for s in self.site.steps[routine.slug]), routine.transition)

    def routine_card(self, routine: Routine) -> Card:
        count = len(routine.steps)
        facts = " · ".join(
            (
                minutes_text(self.routine_total(routine)),
                f"{count} exercise{'s' if count != 1 else ''}",
                self.term("levels", routine.level).name,
            )
        )
        return Card(routine.title, self.url(routine.path), routine.summary, facts)

    def links(self, slugs: tuple[str, ...]) -> tuple[Link, ...]:
        out = []
        for slug in slugs:
            record: Exercise | Routine | Page | None = self.site.record(slug) or self.site.pages.get(slug)
            if record is not None:
                out.append(Link(record.title, self.url(record.path)))
        return tuple(out)
