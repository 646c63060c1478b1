"""The routine page view (on screen, and printed as a one-page card)."""

from __future__ import annotations

from limber.dosage import dosage_line, duration_text, frequency_text, minutes_text, seconds
from limber.model import NO_EQUIPMENT, Routine
from limber.views import jsonld
from limber.views.common import Context
from limber.views.models import Link, RoutineView, StepView, View


def routine_page(ctx: Context, routine: Routine) -> View:
    site = ctx.site
    steps = []
    equipment: set[str] = set()
    for number, step in enumerate(site.steps[routine.slug], start=1):
        exercise = site.exercises[step.exercise]
        steps.append(
            StepView(
                number,
                exercise.title,
                ctx.url(exercise.path),
                dosage_line(step.dosage, ctx.term("types", exercise.type), with_frequency=False),
                duration_text(seconds(step.dosage)),
                exercise.cues,
                step.note,
                exercise.cautions[0] if exercise.cautions else None,
            )
        )
        equipment.update(s for s in exercise.equipment if s != NO_EQUIPMENT)
    ordered = [t.name for t in site.vocabularies["equipment"].terms if t.slug in equipment]
    total = ctx.routine_total(routine)
    data = RoutineView(
        title=routine.title,
        summary=routine.summary,
        chips=(ctx.chip("goals", routine.goal), ctx.chip("levels", routine.level)),
        time=minutes_text(total),
        exact_time=duration_text(total),
        frequency=frequency_text(routine.frequency).capitalize(),
        equipment=", ".join(ordered) if ordered else "nothing",
        intro_html=ctx.documents[routine.path].intro_html,
        steps=tuple(steps),
        linked_from=ctx.links(site.linked_from.get(routine.slug, ())),
        reviewed=routine.reviewed,
    )
    crumbs = ctx.crumbs(Link("Routines", ctx.url("routines/")), Link(routine.title, ctx.url(routine.path)))
    graph = jsonld.routine(site, routine, data, total)
    return ctx.view("routine.html", routine.path, routine.title, routine.summary, data, crumbs, graph)
