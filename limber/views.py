"""Build the page views (limber.view_models) from the Site: all sorting, counting and wording.

Templates present these and compute nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from limber import jsonld
from limber.body import ordered_items, split_sections
from limber.dosage import dosage_line, duration_text, frequency_text, minutes_text, routine_seconds, seconds
from limber.markdown import LinkTarget, plain_text, render_markdown
from limber.model import VOCABULARIES, Exercise, Page, Routine, Site, Term
from limber.view_models import (
    Card,
    Chip,
    ExerciseView,
    Feed,
    FeedEntry,
    HomeView,
    Link,
    ListView,
    RoutineView,
    Section,
    SiteView,
    StepView,
    TermSummary,
    TermView,
    TextView,
    View,
    VocabularyView,
)

INTENSITY = {
    "gentle": "Gentle and slow, within a pain-free range",
    "mild-to-moderate": "A mild to moderate stretch, pain-free",
    "moderate": "Moderate pressure, never sharp, pain-free",
    "light-resistance": "Light resistance, pain-free",
}
DEFAULT_INTENSITY = {
    "stretch": "mild-to-moderate",
    "mobility": "gentle",
    "strength": "light-resistance",
    "release": "moderate",
}
SINGULAR = {
    "areas": "Area",
    "muscles": "Muscle",
    "equipment": "Equipment",
    "levels": "Level",
    "positions": "Position",
    "types": "Type",
    "goals": "Goal",
}
BROWSE = ("areas", "muscles", "equipment", "levels", "positions", "types")


@dataclass
class Views:
    """Builds every page view for one site; holds the link targets Markdown needs."""

    site: Site
    targets: dict[str, LinkTarget] = field(default_factory=dict)

    def __post_init__(self) -> None:
        records: list[Exercise | Routine] = [*self.site.exercises.values(), *self.site.routines.values()]
        for record in records:
            self.targets[record.slug] = LinkTarget(self.url(record.path), record.title)

    def url(self, path: str) -> str:
        return self.site.config.url(path)

    def term(self, vocabulary: str, slug: str) -> Term:
        found = self.site.vocabularies[vocabulary].get(slug)
        assert found is not None, (vocabulary, slug)
        return found

    def chip(self, vocabulary: str, slug: str) -> Chip:
        term = self.term(vocabulary, slug)
        return Chip(SINGULAR[vocabulary], term.name, self.url(term.path))

    def crumbs(self, *links: Link) -> tuple[Link, ...]:
        return (Link("Home", self.url("")), *links)

    def view(
        self,
        template: str,
        path: str,
        title: str,
        description: str,
        data: Any,
        crumbs: tuple[Link, ...] = (),
        graph: Mapping[str, Any] | None = None,
    ) -> View:
        canonical = self.site.config.absolute_url(path)
        return View(template, path, title, description, canonical, crumbs, graph, data)

    # --- cards ---

    def exercise_card(self, exercise: Exercise) -> Card:
        level = self.term("levels", exercise.level).name
        position = self.term("positions", exercise.position).name
        facts = " · ".join((level, position, exercise_dosage(exercise, with_frequency=False)))
        return Card(exercise.title, self.url(exercise.path), exercise.summary, facts)

    def routine_card(self, routine: Routine) -> Card:
        total = self.routine_total(routine)
        count = len(routine.steps)
        facts = " · ".join(
            (
                minutes_text(total),
                f"{count} exercise{'s' if count != 1 else ''}",
                self.term("levels", routine.level).name,
            )
        )
        return Card(routine.title, self.url(routine.path), routine.summary, facts)

    def routine_total(self, routine: Routine) -> int:
        return routine_seconds((s.dosage for s in self.site.steps[routine.slug]), routine.transition)

    def links(self, slugs: tuple[str, ...]) -> tuple[Link, ...]:
        out = []
        for slug in slugs:
            record: Exercise | Routine | Page | None = self.site.record(slug) or self.site.pages.get(slug)
            if record is not None:
                out.append(Link(record.title, self.url(record.path)))
        return tuple(out)

    # --- pages ---

    def exercise(self, exercise: Exercise) -> View:
        sections = split_sections(exercise.body, exercise.origin.body_line)
        intro = next((s.text for s in sections if s.heading is None), "")
        named = [s for s in sections if s.heading is not None]
        order = {"How to do it": 0, "Tips": 1, "Avoid": 2}
        named.sort(key=lambda s: order.get(s.heading or "", 3))
        chips = (
            *(self.chip("areas", s) for s in exercise.areas),
            *(self.chip("muscles", s) for s in exercise.muscles),
            *(
                Chip("Also works", self.term("muscles", s).name, self.url(self.term("muscles", s).path))
                for s in exercise.secondary_muscles
            ),
            *(self.chip("equipment", s) for s in exercise.equipment),
            self.chip("levels", exercise.level),
            self.chip("positions", exercise.position),
            self.chip("types", exercise.type),
        )
        total = seconds(exercise.dosage)
        image = None
        if exercise.image:
            image = {
                "url": self.url("images/" + exercise.image.src),
                "alt": exercise.image.alt,
                "credit": exercise.image.credit or "",
                "license": exercise.image.license or "",
                "source": exercise.image.source or "",
            }
        how_to = next((s.text for s in named if s.heading == "How to do it"), "")
        steps = [plain_text(item, self.targets) for item in ordered_items(how_to)]
        data = ExerciseView(
            title=exercise.title,
            aliases=exercise.aliases,
            summary=exercise.summary,
            chips=chips,
            dosage=exercise_dosage(exercise, with_frequency=False),
            frequency=frequency_text(exercise.dosage.frequency).capitalize()
            if exercise.dosage.frequency
            else None,
            intensity=INTENSITY[intensity_of(exercise)],
            time=minutes_text(total),
            exact_time=duration_text(total),
            cues=exercise.cues,
            cautions=exercise.cautions,
            intro_html=render_markdown(intro, self.targets),
            sections=tuple(Section(s.heading or "", render_markdown(s.text, self.targets)) for s in named),
            related=tuple(
                self.exercise_card(self.site.exercises[s]) for s in self.site.related[exercise.slug]
            ),
            easier=self.links((exercise.easier,))[0] if exercise.easier else None,
            harder=self.links((exercise.harder,))[0] if exercise.harder else None,
            used_in=self.links(self.site.used_in.get(exercise.slug, ())),
            linked_from=self.links(self.site.linked_from.get(exercise.slug, ())),
            image=image,
            reviewed=exercise.reviewed,
        )
        crumbs = self.crumbs(
            Link("Exercises", self.url("exercises/")), Link(exercise.title, self.url(exercise.path))
        )
        graph = jsonld.exercise(self.site, exercise, data, steps, total)
        return self.view(
            "exercise.html", exercise.path, exercise.title, exercise.summary, data, crumbs, graph
        )

    def routine(self, routine: Routine) -> View:
        steps = []
        equipment: list[str] = []
        for number, step in enumerate(self.site.steps[routine.slug], start=1):
            exercise = self.site.exercises[step.exercise]
            steps.append(
                StepView(
                    number,
                    exercise.title,
                    self.url(exercise.path),
                    dosage_line(step.dosage, with_frequency=False, kind=exercise.type),
                    duration_text(seconds(step.dosage)),
                    exercise.cues,
                    step.note,
                    exercise.cautions[0] if exercise.cautions else None,
                )
            )
            equipment += [s for s in exercise.equipment if s not in equipment and s != "none"]
        ordered = [t.name for t in self.site.vocabularies["equipment"].terms if t.slug in equipment]
        total = self.routine_total(routine)
        data = RoutineView(
            title=routine.title,
            summary=routine.summary,
            chips=(self.chip("goals", routine.goal), self.chip("levels", routine.level)),
            time=minutes_text(total),
            exact_time=duration_text(total),
            frequency=frequency_text(routine.frequency).capitalize(),
            equipment=", ".join(ordered) if ordered else "nothing",
            intro_html=render_markdown(routine.body, self.targets),
            steps=tuple(steps),
            linked_from=self.links(self.site.linked_from.get(routine.slug, ())),
            reviewed=routine.reviewed,
        )
        crumbs = self.crumbs(
            Link("Routines", self.url("routines/")), Link(routine.title, self.url(routine.path))
        )
        graph = jsonld.routine(self.site, routine, data, total)
        return self.view("routine.html", routine.path, routine.title, routine.summary, data, crumbs, graph)

    def exercise_index(self) -> View:
        groups: dict[str, list[Card]] = {}
        for exercise in sorted(self.site.exercises.values(), key=lambda e: e.title.lower()):
            groups.setdefault(exercise.title[0].upper(), []).append(self.exercise_card(exercise))
        intro = f"All {len(self.site.exercises)} exercises, A to Z."
        data = ListView(
            intro, tuple((letter, tuple(cards)) for letter, cards in groups.items()), has_letters=True
        )
        crumbs = self.crumbs(Link("Exercises", self.url("exercises/")))
        return self.view("list.html", "exercises/", "Exercises A–Z", intro, data, crumbs)

    def routine_index(self) -> View:
        cards = tuple(
            self.routine_card(r) for r in sorted(self.site.routines.values(), key=lambda r: r.title.lower())
        )
        intro = "Short sequences to follow from start to finish. Each one prints on a single page."
        crumbs = self.crumbs(Link("Routines", self.url("routines/")))
        return self.view("list.html", "routines/", "Routines", intro, ListView(intro, (("", cards),)), crumbs)

    def term_summaries(self, vocabulary: str) -> tuple[TermSummary, ...]:
        vocab = self.site.vocabularies[vocabulary]
        return tuple(
            TermSummary(t.name, self.url(t.path), t.description, len(self.site.members[(vocabulary, t.slug)]))
            for t in vocab.terms
        )

    def vocabulary(self, vocabulary: str) -> View:
        vocab = self.site.vocabularies[vocabulary]
        intro = VOCABULARY_INTROS[vocabulary]
        crumbs = self.crumbs(Link(vocab.title, self.url(vocab.path)))
        return self.view(
            "vocabulary.html",
            vocab.path,
            vocab.title,
            intro,
            VocabularyView(intro, self.term_summaries(vocabulary)),
            crumbs,
        )

    def term_page(self, vocabulary: str, term: Term) -> View:
        members = self.site.members[(vocabulary, term.slug)]
        exercises = [self.site.exercises[s] for s in members if s in self.site.exercises]
        primary = [e for e in exercises if vocabulary != "muscles" or term.slug in e.muscles]
        secondary = [e for e in exercises if e not in primary]
        routines = tuple(self.routine_card(self.site.routines[s]) for s in members if s in self.site.routines)
        facts = []
        if term.anatomical:
            facts.append(f"Anatomical name: {term.anatomical}")
        if term.areas:
            facts.append("Body area: " + ", ".join(self.term("areas", a).name for a in term.areas))
        if term.view:
            facts.append(f"Seen from the {term.view}")
        if term.household is not None:
            facts.append("Found in most homes" if term.household else "Worth buying if you use it often")
        data = TermView(
            term.name,
            term.description,
            tuple(facts),
            tuple(self.exercise_card(e) for e in primary),
            tuple(self.exercise_card(e) for e in secondary),
            routines,
        )
        vocab = self.site.vocabularies[vocabulary]
        crumbs = self.crumbs(Link(vocab.title, self.url(vocab.path)), Link(term.name, self.url(term.path)))
        routine_paths = [self.site.routines[s].path for s in members if s in self.site.routines]
        graph = jsonld.term(self.site, term, [e.path for e in exercises] + routine_paths)
        return self.view(
            "term.html",
            term.path,
            f"{term.name} · {SINGULAR[vocabulary].lower()}",
            term.description,
            data,
            crumbs,
            graph,
        )

    def page(self, slug: str) -> View:
        page = self.site.pages[slug]
        crumbs = self.crumbs(Link(page.title, self.url(page.path)))
        return self.view(
            "page.html",
            page.path,
            page.title,
            page.summary,
            TextView(render_markdown(page.body, self.targets)),
            crumbs,
        )

    def home(self) -> View:
        page = self.site.pages.get("home")
        routines = tuple(
            self.routine_card(r)
            for r in sorted(
                self.site.routines.values(), key=lambda r: (self.routine_total(r), r.title.lower())
            )
        )
        data = HomeView(
            intro_html=render_markdown(page.body, self.targets) if page else "",
            areas=self.term_summaries("areas"),
            routines=routines,
            browse=tuple(Link(VOCABULARIES[v], self.url(f"{v}/")) for v in BROWSE),
            exercise_count=len(self.site.exercises),
            exercises_url=self.url("exercises/"),
        )
        config = self.site.config
        return self.view(
            "home.html", "", config.title, config.description, data, (), jsonld.website(self.site)
        )

    def not_found(self) -> View:
        text = "There is no page at this address. It may have moved, or the link may have a typo."
        return self.view("404.html", "404.html", "Page not found", text, TextView(""), ())

    def feed(self) -> Feed:
        """Exercises and routines with a `reviewed` date, newest first (no build-time dates)."""
        config = self.site.config
        records: list[Exercise | Routine] = [*self.site.exercises.values(), *self.site.routines.values()]
        dated = sorted(
            (r for r in records if r.reviewed), key=lambda r: (r.reviewed or "", r.slug), reverse=True
        )
        entries = tuple(
            FeedEntry(r.title, config.absolute_url(r.path), r.summary, r.reviewed or "") for r in dated
        )
        updated = entries[0].updated if entries else "1970-01-01"
        return Feed(config.title, config.absolute_url("feed.xml"), config.base_url, updated, entries)

    def site_view(self) -> SiteView:
        config = self.site.config
        nav: tuple[Link, ...] = (
            Link("Exercises", self.url("exercises/")),
            Link("Routines", self.url("routines/")),
            Link("Body areas", self.url("areas/")),
        )
        if "about" in self.site.pages:
            nav += (Link("About", self.url("about/")),)
        return SiteView(
            config.title,
            config.description,
            config.language,
            self.url(""),
            self.url("assets/"),
            self.url("safety/"),
            self.url("feed.xml"),
            nav,
        )

    def all_views(self) -> list[View]:
        views = [self.home(), self.exercise_index(), self.routine_index(), self.not_found()]
        views += [self.exercise(e) for e in self.site.exercises.values()]
        views += [self.routine(r) for r in self.site.routines.values()]
        for name, vocab in self.site.vocabularies.items():
            views.append(self.vocabulary(name))
            views += [self.term_page(name, t) for t in vocab.terms]
        views += [self.page(slug) for slug in sorted(self.site.pages) if slug != "home"]
        return views


VOCABULARY_INTROS = {
    "areas": "Pick the part of the body you want to ease.",
    "muscles": "Find exercises by the muscle they stretch or strengthen.",
    "equipment": "Most exercises need nothing, or what you already have at home.",
    "levels": "Start with beginner exercises; move on when they feel easy and pain-free.",
    "positions": "Choose by where you are: at your desk, standing, or on the floor.",
    "types": "Stretches are held; mobility moves are slow repetitions; strength work builds support; release uses a roller or ball.",
    "goals": "Routines grouped by what they are for.",
}


def intensity_of(exercise: Exercise) -> str:
    return exercise.dosage.intensity or DEFAULT_INTENSITY[exercise.type]


def exercise_dosage(exercise: Exercise, *, with_frequency: bool = True) -> str:
    return dosage_line(exercise.dosage, with_frequency=with_frequency, kind=exercise.type)
