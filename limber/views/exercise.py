"""The exercise page view."""

from __future__ import annotations

import dataclasses

from limber import routes
from limber.model.dosage import duration_text, frequency_text, minutes_text, seconds
from limber.model.records import Exercise
from limber.model.vocabulary import INTENSITIES
from limber.render.documents import STEPS_SECTION
from limber.views import card, jsonld
from limber.views.common import Context
from limber.views.drawings import figure_html, muscle_map_html, qr_html
from limber.views.page_data import ExerciseView, Link, Printed, Section, View
from limber.views.play import play_url
from limber.views.share import share_image


def exercise_page(ctx: Context, exercise: Exercise) -> View:
    site = ctx.site
    document = ctx.documents[exercise.path]
    chips = (
        *(ctx.chip("areas", s) for s in exercise.areas),
        *(ctx.chip("muscles", s) for s in exercise.muscles),
        *(ctx.chip("muscles", s, "Also works") for s in exercise.secondary_muscles),
        *(ctx.chip("equipment", s) for s in exercise.equipment),
        ctx.chip("levels", exercise.level),
        ctx.chip("positions", exercise.position),
        ctx.chip("types", exercise.type),
        *(ctx.chip("movements", s) for s in exercise.movements),
    )
    total = seconds(exercise.dosage)
    image = None
    if exercise.image:
        image = {
            "url": ctx.url("images/" + exercise.image.src),
            "alt": exercise.image.alt,
            "credit": exercise.image.credit or "",
            "license": exercise.image.license or "",
            "source": exercise.image.source or "",
        }
    frequency = exercise.dosage.frequency
    url = site.config.absolute_url(exercise.path)
    data = ExerciseView(
        title=exercise.title,
        slug=exercise.slug,
        aliases=exercise.aliases,
        summary=exercise.summary,
        chips=chips,
        dosage=ctx.dosage(exercise, with_frequency=False),
        frequency=frequency_text(frequency).capitalize() if frequency else None,
        intensity=INTENSITIES[ctx.intensity(exercise)],
        time=minutes_text(total),
        exact_time=duration_text(total),
        cues=exercise.cues,
        cautions=exercise.cautions,
        intro_html=document.intro_html,
        steps=next(Section(s.heading, s.html) for s in document.sections if s.heading == STEPS_SECTION),
        sections=tuple(Section(s.heading, s.html) for s in document.sections if s.heading != STEPS_SECTION),
        related=tuple(ctx.exercise_card(site.exercises[s]) for s in site.related[exercise.slug]),
        easier=ctx.links((exercise.easier,))[0] if exercise.easier else None,
        harder=ctx.links((exercise.harder,))[0] if exercise.harder else None,
        used_in=ctx.links(site.used_in.get(exercise.slug, ())),
        linked_from=ctx.links(site.linked_from.get(exercise.slug, ())),
        image=image,
        reviewed=exercise.reviewed,
        printed=Printed(
            classes="printout printout--figure" if exercise.figure is not None else "printout",
            url=url,
            url_parts=card.url_parts(url),
            qr_html=qr_html(ctx, url),
            link_label=card.LINK_LABEL,
            credit=card.credit(ctx, exercise.reviewed),
            safety=card.SAFETY_LINE,
        ),
        figure_html=figure_html(ctx, exercise),
        muscle_map_html=muscle_map_html(ctx, exercise),
        level=_term_link(ctx, "levels", exercise.level),
        equipment=tuple(_term_link(ctx, "equipment", s) for s in exercise.equipment),
        play_url=play_url(ctx, exercise),
    )
    crumbs = ctx.crumbs(
        Link("Exercises", ctx.url(routes.EXERCISES)), Link(exercise.title, ctx.url(exercise.path))
    )
    graph = jsonld.exercise(site, exercise, data, document.steps, total)
    view = ctx.view(
        "exercise.html",
        exercise.path,
        exercise.title,
        exercise.summary,
        data,
        crumbs,
        graph,
        exercise.origin.path,
    )
    return dataclasses.replace(view, share_image=share_image(ctx, exercise))


def _term_link(ctx: Context, vocabulary: str, slug: str) -> Link:
    term = ctx.term(vocabulary, slug)
    return Link(term.name, ctx.url(term.path))
