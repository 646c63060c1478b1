"""The routine player in a real Chromium, timed with Playwright's fake clock.

A small site (the minimal fixture with one more exercise and a three-step routine written
here) holds a routine of a hold, slow reps at a tempo in two sets, and a stretch on each side;
its moments are worked out below by hand from the dosage and the documented formula, then
played through. The real guide is checked whole: for every routine and exercise, the player's
arithmetic in the browser equals what the build published and what the pages state.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from limber.build.pipeline import build
from limber.model.dosage import MOVE_IN_AND_OUT, SWITCH_SIDES, duration_text
from limber.model.records import Routine
from tests.browser.conftest import SUB_PATH, SubPathHandler
from tests.browser.test_quality import AXE, RECORD_VIOLATIONS, axe_violations
from tests.conftest import ROOT, copy_project

MONDAY = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)  # the fake clock's start: a Monday

ROLLS = """\
---
title: Shoulder rolls
summary: Circle your shoulders slowly to loosen the upper back.
areas: [upper-back]
muscles: [rhomboids]
equipment: [none]
level: beginner
position: seated
type: strength
dosage:
  reps: 3
  tempo: 4
  sets: 2
  rest: 10
  sides: both
cues:
  - Lift, draw back, then drop
cautions:
  - Stop if you feel pins and needles in your arms
movements: [shoulder-blades]
---
Slow circles.

## How to do it

1. Lift your shoulders, draw them back and let them drop.

## Tips

- Breathe out as they drop.

## Avoid

- Hurrying.
"""

ROUTINE = """\
---
title: Three ways
summary: A hold, slow reps in two sets and a stretch on each side.
goal: desk-break
level: intermediate
frequency: {times: 1, per: day}
transition: 5
steps:
  - exercise: chin-tuck
    reps: 2
  - exercise: shoulder-rolls
  - exercise: upper-trapezius-stretch
    hold: 10
    reps: 1
---
Three kinds of step, one after another.
"""


def expected_moments() -> tuple[list[tuple[int, str, str, str, str]], int]:
    """What the screen shows, and from which second: (second, exercise, phase, count of reps, where).

    Worked out from the dosage above: chin tucks hold 3 s twice; shoulder rolls 3 reps of 4 s,
    2 sets with 10 s of rest; the stretch holds 10 s once on each side; 5 s between exercises.
    """
    at = 0
    shown: list[tuple[int, str, str, str, str]] = []

    def add(seconds: int, *screen: str) -> None:
        nonlocal at
        shown.append((at, *screen))  # type: ignore[arg-type]
        at += seconds

    add(3, "Chin tucks", "Hold", "", "1 of 2")
    add(MOVE_IN_AND_OUT, "Chin tucks", "Ease off, then back in", "", "1 of 2")
    add(3, "Chin tucks", "Hold", "", "2 of 2")
    add(MOVE_IN_AND_OUT, "Chin tucks", "Ease off", "", "2 of 2")
    add(5, "Shoulder rolls", "Get into position", "", "Exercise 2 of 3")
    for set_ in (1, 2):
        for rep in (1, 2, 3):
            add(4, "Shoulder rolls", "Reps", f"{rep} of 3", f"Set {set_} of 2")
        if set_ == 1:
            add(10, "Shoulder rolls", "Rest", "", "Set 2 of 2 next")
    add(5, "Upper trapezius stretch", "Get into position", "", "Exercise 3 of 3")
    add(10, "Upper trapezius stretch", "Hold", "", "First side")
    add(MOVE_IN_AND_OUT, "Upper trapezius stretch", "Ease off", "", "First side")
    add(SWITCH_SIDES, "Upper trapezius stretch", "Switch sides", "", "Second side next")
    add(10, "Upper trapezius stretch", "Hold", "", "Second side")
    add(MOVE_IN_AND_OUT, "Upper trapezius stretch", "Ease off", "", "Second side")
    return shown, at


SCREEN = """() => {
  const text = (id) => document.getElementById(id).textContent.trim();
  const phase = text("play-phase");
  return [text("play-name"), phase, phase === "Reps" ? text("play-count") : "", text("play-where")];
}"""


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("player") / "project")
    (project / "content" / "exercises" / "shoulder-rolls.md").write_text(ROLLS, encoding="utf-8")
    (project / "content" / "routines" / "three-ways.md").write_text(ROUTINE, encoding="utf-8")
    out = project / "site"
    server, url = serve(out)
    result = build(project, out, base_url=url)
    assert result.ok, [str(d) for d in result.diagnostics]
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def player(browser):
    """A phone-sized page with the fake clock at a Monday morning, watched for errors and CSP blocks."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.clock.install(time=MONDAY)
    page.problems = problems
    yield page
    assert page.evaluate("window.__violations || []") == []
    assert problems == []
    context.close()


def expected_404(page) -> None:
    """The browser logs the one missing play.json a test asked for; nothing else went wrong."""
    assert len(page.problems) == 1 and "404" in page.problems[0], page.problems
    page.problems.clear()


def open_ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#play-start", state="visible")
    page.clock.pause_at(MONDAY + datetime.timedelta(minutes=1))


def play_through(page, limit: int) -> list[tuple[int, str, str, str, str]]:
    """Each change of what the screen shows, with the second it appeared, one second at a time."""
    seen: list[tuple[int, str, str, str, str]] = []
    for second in range(limit):
        if page.locator("#play-done").is_visible():
            break
        screen = tuple(page.evaluate(SCREEN))
        if not seen or seen[-1][1:] != screen:
            seen.append((second, *screen))
        page.clock.run_for(1000)
    return seen


# --- a routine played through -----------------------------------------------------------------


def test_a_routine_plays_its_moments_in_order_and_ends_at_the_stated_time(player, small_site):
    expected, total = expected_moments()
    player.goto(small_site + "routines/three-ways/")
    stated = player.locator(".routine__facts .dosage__exact").inner_text()
    player.click("text=Start the routine")
    player.wait_for_selector("#play-start", state="visible")
    player.clock.pause_at(MONDAY + datetime.timedelta(minutes=1))

    summary = player.locator("#play-summary").inner_text()
    player.click("#play-start")
    seen = play_through(player, total + 5)

    assert stated == f"({duration_text(total)})"
    assert summary.endswith(stated)
    assert seen == expected
    assert player.locator("#play-done").is_visible()
    assert player.locator("#play-total").inner_text() == f"Total time: {duration_text(total)}."
    assert player.evaluate("document.activeElement.id") == "play-done-title"


def test_the_finish_comes_exactly_at_the_total_and_not_a_second_before(player, small_site):
    _, total = expected_moments()
    open_ready(player, small_site + "play/?routine=three-ways")

    player.click("#play-start")
    player.clock.run_for((total - 1) * 1000)
    before = player.locator("#play-done").is_visible()
    left = player.locator("#play-progress").inner_text()
    player.clock.run_for(1000)

    assert not before
    assert left == "Exercise 3 of 3 · 1 s left"
    assert player.locator("#play-done").is_visible()


def test_pause_stands_the_clock_still_and_resume_goes_on_from_there(player, small_site):
    open_ready(player, small_site + "play/?routine=three-ways")
    player.click("#play-start")
    player.clock.run_for(16_000)  # the first slow rep of shoulder rolls: 1 s in
    before = player.evaluate(SCREEN)
    left = player.locator("#play-progress").inner_text()

    player.click("#play-pause")
    player.clock.run_for(120_000)
    paused = player.evaluate(SCREEN)
    paused_left = player.locator("#play-progress").inner_text()
    label = player.locator("#play-pause").inner_text()
    state = player.locator("#play-paused").inner_text()
    player.click("#play-pause")
    player.clock.run_for(3000)

    assert before == ["Shoulder rolls", "Reps", "1 of 3", "Set 1 of 2"]
    assert paused == before and paused_left == left
    assert label == "Resume" and "Paused" in state
    assert player.evaluate(SCREEN) == ["Shoulder rolls", "Reps", "2 of 3", "Set 1 of 2"]
    assert player.locator("#play-paused").is_hidden()


def test_skip_goes_on_to_what_comes_next_and_back_to_the_previous_exercise(player, small_site):
    open_ready(player, small_site + "play/?routine=three-ways")
    player.click("#play-start")
    player.clock.run_for(2000)
    screens = []

    for button in (
        "#play-skip",
        "#play-skip",
        "#play-back",
        "#play-skip",
        "#play-skip",
        "#play-skip",
        "#play-back",
    ):
        player.click(button)
        screens.append([*player.evaluate(SCREEN)[:2], player.locator("#play-next").is_visible()])
    player.click("#play-skip")
    player.click("#play-skip")
    player.click("#play-skip")

    assert screens == [
        ["Shoulder rolls", "Get into position", True],
        ["Shoulder rolls", "Reps", False],
        ["Chin tucks", "Hold", False],
        ["Shoulder rolls", "Get into position", True],
        ["Shoulder rolls", "Reps", False],
        ["Upper trapezius stretch", "Get into position", True],
        ["Shoulder rolls", "Reps", False],
    ]
    assert player.locator("#play-done").is_visible()
    # Only what was timed counts: two seconds of chin tucks.
    assert player.locator("#play-total").inner_text() == "Total time: 2 s."


def test_stop_here_ends_at_once_with_the_time_so_far(player, small_site):
    open_ready(player, small_site + "play/?routine=three-ways")
    player.click("#play-start")
    player.clock.run_for(12_000)

    player.click("#play-stop")
    player.clock.run_for(60_000)

    assert player.locator("#play-done-title").inner_text() == "Stopped"
    assert player.locator("#play-total").inner_text() == "Total time: 12 s."
    assert player.locator("#play-tick").is_visible() and player.locator("#play-run").is_hidden()


def test_keyboard_alone_starts_pauses_skips_and_goes_back_with_a_visible_focus(player, small_site):
    open_ready(player, small_site + "play/?routine=three-ways")

    player.keyboard.press("Space")
    player.clock.run_for(1000)
    started = player.evaluate(SCREEN)
    focused = player.evaluate("document.activeElement.id")
    player.keyboard.press("Space")
    player.clock.run_for(10_000)
    paused = player.evaluate(SCREEN)
    player.keyboard.press("ArrowRight")
    skipped = player.evaluate(SCREEN)
    player.keyboard.press("ArrowLeft")
    back = player.evaluate(SCREEN)
    player.keyboard.press("Space")
    player.clock.run_for(3000)
    resumed = player.evaluate(SCREEN)
    player.keyboard.press("Tab")
    ring = player.evaluate(
        "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return [e.id, e.matches(':focus-visible'), s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    player.keyboard.press("Enter")

    assert started == ["Chin tucks", "Hold", "", "1 of 2"]
    assert focused == "play-pause"
    assert paused == started
    assert skipped[:2] == ["Shoulder rolls", "Get into position"]
    assert back == started
    assert resumed == ["Chin tucks", "Ease off, then back in", "", "1 of 2"]
    assert ring[:3] == ["play-skip", True, "solid"] and ring[3] >= 2
    assert player.evaluate(SCREEN)[:2] == ["Shoulder rolls", "Get into position"]


def test_a_screen_reader_hears_each_change_once_not_every_second(player, small_site):
    open_ready(player, small_site + "play/?routine=three-ways")
    player.evaluate(
        """() => { window.__heard = [];
        new MutationObserver(() => window.__heard.push(document.getElementById('play-live').textContent))
          .observe(document.getElementById('play-live'), {childList: true, characterData: true, subtree: true}); }"""
    )
    player.click("#play-start")
    player.clock.run_for(12_000)

    heard = player.evaluate("window.__heard")
    live = player.locator("#play-live")

    assert live.get_attribute("aria-live") == "polite"
    assert heard == [
        "Chin tucks. Hold 3 s · 2 times. Hold, 3 seconds, 1 of 2.",
        f"Ease off, then back in, {MOVE_IN_AND_OUT} seconds, 1 of 2.",
        "Hold, 3 seconds, 2 of 2.",
        f"Ease off, {MOVE_IN_AND_OUT} seconds, 2 of 2.",
        "Next: Shoulder rolls. 3 reps · 2 sets · rest 10 s between sets. Get into position, 5 seconds, Exercise 2 of 3.",
    ]


def test_one_exercise_plays_at_its_own_dosage_from_its_page(player, small_site):
    player.goto(small_site + "exercises/upper-trapezius-stretch/")
    player.click("text=Start this exercise")
    player.wait_for_selector("#play-start", state="visible")
    player.clock.pause_at(MONDAY + datetime.timedelta(minutes=1))
    total = 2 * (2 * (30 + MOVE_IN_AND_OUT)) + SWITCH_SIDES  # hold 30 s, twice, each side

    summary = player.locator("#play-summary").inner_text()
    player.click("#play-start")
    seen = play_through(player, total + 5)

    assert summary == f"Hold 30 s · 2 times · each side · {duration_text(total)}"
    assert [s[0] for s in seen][-1] == total - MOVE_IN_AND_OUT
    side = ["Hold", "Ease off, then back in", "Hold", "Ease off"]
    assert [s[2] for s in seen] == [*side, "Switch sides", *side]
    assert player.locator("#play-total").inner_text() == f"Total time: {duration_text(total)}."


def test_a_shared_routine_plays_what_it_could_read_and_says_what_it_left_out(player, small_site):
    query = "?name=Before+lunch&step=chin-tuck.hold5&step=no-such-thing&step=shoulder-rolls.reps99"
    open_ready(player, small_site + "play/" + query)
    # chin tucks: hold 5 s (changed) 10 times; shoulder rolls as published (reps 99 is over the limit);
    # between them a routine's default transition
    transition = next(f.default for f in dataclasses.fields(Routine) if f.name == "transition")
    total = 10 * (5 + MOVE_IN_AND_OUT) + transition + (2 * 3 * 4 + 10)

    notes = player.locator("#play-notes li").all_inner_texts()
    title = player.locator("h1").inner_text()
    steps = player.locator("#play-list li").all_inner_texts()
    summary = player.locator("#play-summary").inner_text()

    assert title == "Before lunch"
    assert len(notes) == 2
    assert "no-such-thing" in notes[0] and "left out" in notes[0]
    assert notes[1].startswith("Shoulder rolls: “reps99” was ignored")
    assert steps == [
        "Chin tucks: Hold 5 s · 10 times",
        "Shoulder rolls: 3 reps · 2 sets · rest 10 s between sets",
    ]
    assert summary.endswith(f"({duration_text(total)})")
    expected_404(player)


def test_an_unknown_routine_says_so_and_links_the_routines(player, small_site):
    player.goto(small_site + "play/?routine=no-such-routine")
    player.wait_for_selector("#play-fallback", state="visible")
    player.wait_for_function("document.getElementById('play-why').textContent.startsWith('There is no')")

    assert (
        player.locator("#play-why")
        .inner_text()
        .startswith("There is no routine “no-such-routine” in this guide.")
    )
    assert player.locator("#play-fallback a").all_inner_texts() == ["Routines", "Exercises A–Z"]
    assert player.locator("#play-ready").is_hidden()
    expected_404(player)


def test_without_javascript_the_player_says_it_needs_it_and_links_the_guide(browser, small_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(small_site + "play/?routine=three-ways")
        fallback = page.locator("#play-fallback").inner_text()
        links = page.locator("#play-fallback a").all_inner_texts()
        hidden = [page.locator(s).is_hidden() for s in ("#play-ready", "#play-run", "#play-done")]
        page.goto(small_site + "routines/three-ways/")
        start_hidden = page.locator("text=Start the routine").is_hidden()
    finally:
        context.close()

    assert "needs JavaScript" in fallback
    assert links == ["Routines", "Exercises A–Z"]
    assert hidden == [True, True, True]
    assert start_hidden


# --- the log ------------------------------------------------------------------------------------


def test_ticking_today_survives_a_reload_and_shows_on_the_routine_page(player, small_site):
    _, total = expected_moments()
    player.goto(small_site + "routines/three-ways/")
    week_before = player.locator(".week-log").is_hidden()
    open_ready(player, small_site + "play/?routine=three-ways")
    player.click("#play-start")
    player.clock.run_for(total * 1000)

    player.click("#play-tick")
    ticked = player.locator("#play-ticked").inner_text()
    on_player = player.locator("#play-week tbody td").all_inner_texts()
    player.goto(small_site + "routines/three-ways/")
    player.reload()
    player.wait_for_selector(".week-log", state="visible")
    days = player.locator(".week-log thead th").all_inner_texts()
    rows = [row.locator("td").all_inner_texts() for row in player.locator(".week-log tbody tr").all()]

    assert week_before
    assert ticked == "Ticked: today is in your log."
    assert [cell.replace("\n", "") for cell in on_player] == ["✓done"] + [""] * 6
    assert days == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert [[cell.replace("\n", "") for cell in row] for row in rows] == [["✓done"] + [""] * 6]
    assert player.evaluate("Object.keys(JSON.parse(localStorage.getItem('limber-log')))") == [
        SUB_PATH + "routines/three-ways/"
    ]


def test_sound_and_vibration_are_off_until_chosen_and_the_choice_is_remembered(player, small_site):
    open_ready(player, small_site + "play/?exercise=chin-tuck")
    player.evaluate(
        "() => { window.__buzz = []; navigator.vibrate = (p) => { window.__buzz.push(p); return true; }; }"
    )

    player.click("#play-start")
    player.clock.run_for(6000)
    quiet = player.evaluate("window.__buzz.length")
    player.click("#play-pause")
    player.click("#play-settings summary")
    player.check("#play-vibrate")
    player.click("#play-pause")
    player.clock.run_for(5000)
    buzzed = player.evaluate("window.__buzz.length")
    player.reload()
    player.wait_for_selector("#play-start", state="visible")
    player.click("#play-settings summary")

    assert quiet == 0
    assert buzzed >= 2
    assert player.is_checked("#play-vibrate") and not player.is_checked("#play-sound")


# --- the real guide ---------------------------------------------------------------------------


CROSS_CHECK = """async (slugs) => {
  const R = window.LimberRoutine, config = R.settings(), timing = config.timing;
  const base = document.getElementById("player").getAttribute("data-routines");
  const wrong = [];
  const exact = async (url) => {
    const html = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
    return html.querySelector(".dosage__exact").textContent.trim();
  };
  const check = (name, data, dosage) => {
    if (R.seconds(dosage, timing) !== data.seconds) wrong.push(name + ": seconds " + R.seconds(dosage, timing) + " != " + data.seconds);
    if (R.dosageText(dosage, data, config) !== data.dosage_text) wrong.push(name + ": " + R.dosageText(dosage, data, config) + " != " + data.dosage_text);
    const sum = R.moments(dosage, timing).reduce((s, m) => s + m.seconds, 0);
    if (sum !== data.seconds) wrong.push(name + ": moments " + sum);
  };
  for (const slug of slugs.exercises) {
    const data = await R.load(R.exerciseUrl(config, slug));
    check(slug, data, data.dosage);
    const stated = await exact(data.url);
    if (stated !== "(" + R.durationText(data.seconds) + ")") wrong.push(slug + ": page says " + stated);
  }
  for (const slug of slugs.routines) {
    const data = await R.load(base + slug + "/" + config.play_file);
    data.steps.forEach((step, i) => check(slug + " step " + (i + 1), step.exercise, step.exercise.dosage));
    const total = R.routineSeconds(data.steps.map((s) => s.exercise.dosage), data.transition, timing);
    if (total !== data.seconds) wrong.push(slug + ": total " + total + " != " + data.seconds);
    const stated = await exact(data.url);
    if (stated !== "(" + R.durationText(total) + ")") wrong.push(slug + ": page says " + stated);
  }
  return wrong;
}"""


def real_slugs(kind: str) -> list[str]:
    return sorted(p.stem for p in (ROOT / "content" / kind).glob("*.md"))


def test_every_published_routine_and_exercise_is_timed_and_worded_as_the_build_made_it(phone, site_url):
    slugs = {"exercises": real_slugs("exercises"), "routines": real_slugs("routines")}
    phone.goto(site_url + "play/")
    phone.wait_for_selector("#play-fallback", state="visible")

    wrong = phone.evaluate(CROSS_CHECK, slugs)

    assert len(slugs["exercises"]) > 50 and len(slugs["routines"]) > 10
    assert wrong == []


def test_the_player_of_every_routine_totals_the_routine_pages_time(phone, site_url):
    totals = {}
    for slug in real_slugs("routines"):
        phone.goto(site_url + f"routines/{slug}/")
        stated = phone.locator(".routine__facts .dosage__exact").inner_text()
        phone.goto(site_url + f"play/?routine={slug}")
        phone.wait_for_selector("#play-start", state="visible")
        summary = phone.locator("#play-summary").inner_text()
        totals[slug] = (stated, summary[summary.rindex("(") :])

    assert totals and all(stated == shown for stated, shown in totals.values()), totals
    assert phone.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_player_while_it_runs_and_ends_nor_in_the_routine_pages_week(
    browser, site_url, scheme
):
    assert AXE.is_file()
    context = browser.new_context(
        bypass_csp=True, color_scheme=scheme, viewport={"width": 375, "height": 812}
    )
    page = context.new_page()
    page.clock.install(time=MONDAY)
    try:
        page.goto(site_url + "play/?routine=desk-break")
        page.wait_for_selector("#play-start", state="visible")
        ready = axe_violations(page)
        page.click("#play-start")
        page.clock.run_for(45_000)
        page.click("#play-pause")
        running = axe_violations(page)
        page.click("#play-pause")
        page.clock.run_for(600_000)
        page.click("#play-tick")
        done = axe_violations(page)
        page.goto(site_url + "routines/desk-break/")
        page.wait_for_selector(".week-log", state="visible")
        week = axe_violations(page)
    finally:
        context.close()

    assert (ready, running, done, week) == ([], [], [], [])


# --- the screen kept awake, and motion ------------------------------------------------------------

FAKE_WAKE_LOCK = """
window.__locks = [];
Object.defineProperty(navigator, "wakeLock", { configurable: true, value: { request: async (type) => {
  if (window.__refuse) throw new DOMException("not allowed", "NotAllowedError");
  const lock = new EventTarget();
  Object.assign(lock, { type: type, released: false });
  lock.release = async () => { lock.released = true; lock.dispatchEvent(new Event("release")); };
  window.__locks.push(lock);
  return lock;
} } });
"""
LOCKS = "window.__locks.map((lock) => [lock.type, lock.released])"


def test_the_screen_is_kept_awake_while_it_runs_and_let_go_when_paused_or_finished(player, small_site):
    player.context.add_init_script(FAKE_WAKE_LOCK)
    open_ready(player, small_site + "play/?exercise=chin-tuck")

    before = player.evaluate(LOCKS)
    player.click("#play-start")
    running = player.evaluate(LOCKS)
    player.click("#play-pause")
    paused = player.evaluate(LOCKS)
    player.click("#play-pause")
    player.clock.run_for(600_000)
    finished = player.evaluate(LOCKS)

    assert before == []
    assert running == [["screen", False]]
    assert paused == [["screen", True]]
    assert finished == [["screen", True], ["screen", True]]
    assert player.locator("#play-done").is_visible()


def test_a_browser_that_refuses_to_keep_the_screen_awake_still_plays(player, small_site):
    player.context.add_init_script(FAKE_WAKE_LOCK + "window.__refuse = true;")
    open_ready(player, small_site + "play/?exercise=chin-tuck")

    player.click("#play-start")
    player.clock.run_for(1000)

    assert player.evaluate(SCREEN) == ["Chin tucks", "Hold", "", "1 of 10"]
    assert player.evaluate(LOCKS) == []


@pytest.mark.parametrize(("motion", "duration"), [("reduce", "0s"), ("no-preference", "0.2s")])
def test_the_progress_bar_moves_smoothly_only_for_readers_who_do_not_ask_for_less_motion(
    player, small_site, motion, duration
):
    player.emulate_media(reduced_motion=motion)
    open_ready(player, small_site + "play/?exercise=chin-tuck")

    player.click("#play-start")

    assert player.eval_on_selector("#play-fill", "e => getComputedStyle(e).transitionDuration") == duration
