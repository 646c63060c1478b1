"""The routine page view (on screen, and printed as a one-page card)."""

from __future__ import annotations

from limber import routes
from limber.model.dosage import duration_text, frequency_text, minutes_text, seconds
from limber.model.records import Routine
from limber.views import card, jsonld
from limber.views.common import Context
from limber.views.drawings import qr_html
from limber.views.page_data import Link, Printed, RoutineView, StepView, View
from limber.views.play import play_url


def routine_page(ctx: Context, routine: Routine) -> View:
    site = ctx.site
    text = card.card_text(ctx, routine)
    layout = card.plan(text)
    steps = []
    for number, (step, printed) in enumerate(zip(site.steps[routine.slug], text.steps, strict=True), 1):
        exercise = site.exercises[step.exercise]
        steps.append(
            StepView(
                number,
                number == layout.column_break,
                exercise.title,
                ctx.url(exercise.path),
                printed.dosage,
                duration_text(seconds(step.dosage)),
                printed.cues,
                printed.note,
                printed.caution,
                ctx.figure_url(exercise),
                ctx.figure_alt(exercise),
            )
        )
    total = ctx.routine_total(routine)
    url = site.config.absolute_url(routine.path)
    data = RoutineView(
        title=routine.title,
        summary=routine.summary,
        chips=(ctx.chip("goals", routine.goal), ctx.chip("levels", routine.level)),
        time=minutes_text(total),
        exact_time=duration_text(total),
        frequency=frequency_text(routine.frequency).capitalize(),
        equipment=card.equipment(ctx, routine),
        intro_html=ctx.documents[routine.path].intro_html,
        steps=tuple(steps),
        linked_from=ctx.links(site.linked_from.get(routine.slug, ())),
        reviewed=routine.reviewed,
        card_facts=text.facts,
        log_days=card.DAYS,
        log_rows=card.log_rows(routine),
        screening=text.screening,
        screening_label=card.SCREENING_LABEL,
        safety_url=ctx.url("safety/") if "safety" in site.pages else None,
        printed=Printed(
            classes=layout.classes,
            url=url,
            url_parts=card.url_parts(url),
            qr_html=qr_html(ctx, url),
            link_label=card.LINK_LABEL,
            credit=card.credit(ctx, routine.reviewed),
            safety=card.SAFETY_LINE,
        ),
        play_url=play_url(ctx, routine),
    )
    crumbs = ctx.crumbs(
        Link("Routines", ctx.url(routes.ROUTINES)), Link(routine.title, ctx.url(routine.path))
    )
    graph = jsonld.routine(site, routine, data, total)
    return ctx.view(
        "routine.html", routine.path, routine.title, routine.summary, data, crumbs, graph, routine.origin.path
    )
