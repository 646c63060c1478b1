/* The routine player (templates/play.html): plays ?routine=<slug>, ?exercise=<slug> or a
 * reader's own routine given as a share link's query (?name=…&step=…), step by step.
 *
 * Every moment's length comes from LimberRoutine.moments (the time formula as timed moments),
 * and between steps the routine's transition, so the whole equals the time the routine page
 * states. One clock: the position is the time elapsed since the last start or jump, read from
 * performance.now() at each tick, so a slow device or a tab in the background does not drift and
 * a paused player stands still. The ticks only redraw; the screen reader hears each change once
 * through a polite live region, never every second.
 */
(function () {
  "use strict";

  const R = window.LimberRoutine;
  const Log = window.LimberLog;
  const $ = (id) => document.getElementById(id);
  const TICK_MS = 200; // how often the screen is redrawn; the time itself is read from the clock
  const CUES = "limber-player-cues"; // the reader's sound and vibration choice, in localStorage

  let config = null;
  let plan = null; // { title, url, key, steps: [{ exercise, dosage, note }], transition, notes }
  let line = null; // { parts: [{ kind, seconds, step, start, … }], total } in seconds
  let state = "loading"; // "ready", "running", "paused", "done"
  const clock = { offset: 0, anchor: null, timed: 0 }; // ms; anchor: performance.now() while running
  let shown = -1; // the part on screen
  let ticker = null;
  let wakeLock = null;
  let audio = null;
  const cues = readCues();

  // --- what to play -----------------------------------------------------------------------

  async function choose(query) {
    const params = new URLSearchParams(query);
    const routine = params.get("routine");
    const exercise = params.get("exercise");
    if (routine) {
      const url = $("player").getAttribute("data-routines") + encodeURIComponent(routine) + "/" + config.play_file;
      const data = await loadOr(url, "There is no routine “" + routine + "” in this guide.");
      return {
        title: data.title, url: data.url, key: data.url, transition: data.transition, notes: [],
        steps: data.steps.map((s) => ({ exercise: s.exercise, dosage: s.exercise.dosage, note: s.note })),
      };
    }
    if (exercise) {
      const data = await loadOr(R.exerciseUrl(config, encodeURIComponent(exercise)), "There is no exercise “" + exercise + "” in this guide.");
      return {
        title: data.title, url: data.url, key: data.url, transition: 0, notes: [],
        steps: [{ exercise: data, dosage: data.dosage, note: null }],
      };
    }
    if (params.has("step")) {
      const own = await R.fromQuery(query, config);
      if (!own.steps.length) throw problem("This link names no exercise the guide has.", own.notes);
      return {
        title: own.name || "My routine", url: null, key: "my-routine", transition: config.timing.transition,
        notes: own.notes, steps: own.steps.map((s) => ({ exercise: s.exercise, dosage: s.dosage, note: null })),
      };
    }
    throw problem("Choose a routine or an exercise, and start it from its page.", []);
  }

  async function loadOr(url, missing) {
    try {
      return await R.load(url);
    } catch (error) {
      throw problem(error.status === 404 ? missing : "The player could not load what it should play. Check the connection and reload the page.", []);
    }
  }

  function problem(text, notes) {
    const error = new Error(text);
    error.notes = notes;
    return error;
  }

  /* The timeline: each step's moments, with the routine's transition before every step but the
   * first. Each part knows its step and where it starts. */
  function timeline(steps, transition) {
    const parts = [];
    let at = 0;
    const add = (part) => { parts.push(Object.assign(part, { start: at })); at += part.seconds; };
    steps.forEach((step, index) => {
      if (index > 0 && transition > 0) add({ kind: "transition", seconds: transition, step: index });
      R.moments(step.dosage, config.timing).forEach((moment) => add(Object.assign({}, moment, { step: index })));
    });
    return { parts: parts, total: at };
  }

  // --- the clock ----------------------------------------------------------------------------

  function now() { return window.performance.now(); }
  function totalMs() { return line.total * 1000; }
  function running() { return clock.anchor !== null; }

  function position() {
    return Math.min(totalMs(), clock.offset + (running() ? now() - clock.anchor : 0));
  }

  function timedMs() {
    return clock.timed + (running() ? Math.min(now() - clock.anchor, totalMs() - clock.offset) : 0);
  }

  /* Moves the clock to *ms* (a jump, a pause, a resume), keeping what was timed so far. */
  function settle(ms, run) {
    clock.timed = timedMs();
    clock.offset = ms;
    clock.anchor = run ? now() : null;
  }

  function partAt(ms) {
    const parts = line.parts;
    for (let i = parts.length - 1; i >= 0; i -= 1) if (parts[i].start * 1000 <= ms) return i;
    return 0;
  }

  // --- what the reader does -----------------------------------------------------------------

  function start() {
    settle(0, true);
    clock.timed = 0;
    shown = -1;
    setState("running");
    unlockSound();
    draw();
    $("play-pause").focus();
  }

  function togglePause() {
    if (state === "running") {
      settle(position(), false);
      setState("paused");
      say("Paused.");
    } else if (state === "paused") {
      settle(position(), true);
      setState("running");
      say("Going on: " + phase(line.parts[partAt(position())]) + ".");
    }
    draw();
  }

  /* Back: to the start of the previous exercise (the first one starts again). */
  function back() {
    const step = Math.max(line.parts[partAt(position())].step - 1, 0);
    jump(line.parts.findIndex((part) => part.step === step && part.kind !== "transition"));
  }

  /* Skip: on to the next part of the timeline (the transition to the next exercise, or the
   * exercise itself), or the end. */
  function skip() {
    const current = line.parts[partAt(position())];
    const next = line.parts.findIndex((part) => part.start > current.start && sectionOf(part) !== sectionOf(current));
    if (next < 0) {
      settle(totalMs(), running());
      draw();
      return;
    }
    jump(next);
  }

  function sectionOf(part) { return part.kind === "transition" ? "t" + part.step : "s" + part.step; }

  function jump(index) {
    settle(line.parts[index].start * 1000, running());
    shown = -1;
    draw();
  }

  function setState(next) {
    state = next;
    $("play-ready").hidden = next !== "ready";
    $("play-run").hidden = next !== "running" && next !== "paused";
    $("play-done").hidden = next !== "done";
    $("play-paused").hidden = next !== "paused";
    $("play-pause").textContent = next === "paused" ? "Resume" : "Pause";
    $("player").setAttribute("data-state", next);
    if (next === "running") {
      if (!ticker) ticker = window.setInterval(draw, TICK_MS);
    } else if (ticker) {
      window.clearInterval(ticker);
      ticker = null;
    }
    keepAwake(next === "running");
  }

  // --- drawing --------------------------------------------------------------------------------

  function draw() {
    if (state !== "running" && state !== "paused") return;
    const ms = position();
    if (ms >= totalMs()) {
      finish();
      return;
    }
    const index = partAt(ms);
    const part = line.parts[index];
    if (index !== shown) {
      const stepChanged = shown < 0 || line.parts[shown].step !== part.step || line.parts[shown].kind === "transition" || part.kind === "transition";
      shown = index;
      enter(part, stepChanged);
    }
    const end = (part.start + part.seconds) * 1000;
    if (part.kind !== "rep") $("play-count").textContent = String(Math.ceil((end - ms) / 1000));
    $("play-fill").style.width = (100 * (ms - part.start * 1000) / (part.seconds * 1000)).toFixed(1) + "%";
    const left = Math.ceil((totalMs() - ms) / 1000);
    $("play-progress").textContent = stepLabel(part) + " · " + R.durationText(left) + " left";
  }

  function stepLabel(part) {
    return plan.steps.length > 1 ? "Exercise " + (part.step + 1) + " of " + plan.steps.length : plan.title;
  }

  function enter(part, stepChanged) {
    const step = plan.steps[part.step];
    const exercise = step.exercise;
    if (stepChanged) showStep(step, part.kind === "transition");
    $("play-phase").textContent = phase(part);
    $("play-where").textContent = where(part);
    $("play-count").textContent = part.kind === "rep" ? part.rep + " of " + part.reps : "";
    $("player").setAttribute("data-moment", part.kind);
    const heading = stepChanged ? (part.kind === "transition" ? "Next: " : "") + exercise.title + ". " + R.dosageText(step.dosage, exercise, config) + ". " : "";
    say(heading + partWords(part));
    signal();
  }

  function showStep(step, coming) {
    const exercise = step.exercise;
    $("play-next").hidden = !coming;
    $("play-name").textContent = exercise.title;
    $("play-dosage").textContent = R.dosageText(step.dosage, exercise, config);
    figure($("play-figure"), exercise);
    fillList($("play-cues"), exercise.cues);
    show($("play-note"), step.note);
    show($("play-caution"), exercise.caution ? "⚠\uFE0E " + exercise.caution : null);
    const index = plan.steps.indexOf(step);
    const after = plan.steps[index + 1];
    show($("play-then"), coming || !after ? null : "Then: " + after.exercise.title);
  }

  /* The exercise's drawing (an SVG file, which follows the light or dark scheme itself), large. */
  function figure(box, exercise) {
    box.textContent = "";
    box.hidden = !exercise.figure;
    if (!exercise.figure) return;
    const img = document.createElement("img");
    img.src = exercise.figure;
    img.alt = exercise.figure_alt || "";
    img.width = 120;
    img.height = 90;
    box.appendChild(img);
  }

  function phase(part) {
    switch (part.kind) {
      case "hold": return "Hold";
      case "release": return nextIsHold(part) ? "Ease off, then back in" : "Ease off";
      case "rep": return capital(plan.steps[part.step].exercise.rep_word) + "s";
      case "work": return "Keep going";
      case "switch": return "Switch sides";
      case "rest": return "Rest";
      default: return "Get into position";
    }
  }

  function nextIsHold(part) {
    const next = line.parts[line.parts.indexOf(part) + 1];
    return Boolean(next && next.kind === "hold" && next.step === part.step);
  }

  function where(part) {
    const bits = [];
    if (part.kind === "transition") return "Exercise " + (part.step + 1) + " of " + plan.steps.length;
    if (part.kind === "switch") return "Second side next";
    if (part.kind === "rest") return "Set " + (part.set + 1) + " of " + part.sets + " next";
    if (part.side) bits.push(sideWords(part.side));
    if (part.kind !== "rep" && part.reps > 1) bits.push((part.kind === "work" ? "Round " : "") + part.rep + " of " + part.reps);
    if (part.sets > 1) bits.push("Set " + part.set + " of " + part.sets);
    return bits.join(" · ");
  }

  function sideWords(side) {
    return { first: "First side", second: "Second side", left: "Left", right: "Right" }[side] || "";
  }

  /* The words the screen reader hears when a part begins. */
  function partWords(part) {
    const bits = [phase(part)];
    if (part.kind === "rep") bits.push(part.rep + " of " + part.reps);
    else bits.push(spoken(part.seconds));
    const place = where(part);
    if (place) bits.push(place);
    return bits.join(", ") + ".";
  }

  function spoken(total) {
    return R.durationText(total).replace(/(\d+) min/, (_, n) => n + (n === "1" ? " minute" : " minutes"))
      .replace(/(\d+) s$/, (_, n) => n + (n === "1" ? " second" : " seconds"));
  }

  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  function show(element, text) {
    element.hidden = !text;
    element.textContent = text || "";
  }

  function fillList(list, items) {
    list.textContent = "";
    (items || []).forEach((text) => {
      const item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
  }

  function say(text) {
    const live = $("play-live");
    live.textContent = text;
  }

  // --- the end, and the log -----------------------------------------------------------------

  /* The end: at the end of the timeline, or *early* when the reader stops. */
  function finish(early) {
    settle(early ? position() : totalMs(), false);
    setState("done");
    const timed = Math.round(clock.timed / 1000);
    const heading = early ? "Stopped" : "Finished";
    $("play-done-title").textContent = heading;
    $("play-total").textContent = "Total time: " + R.durationText(timed) + ".";
    $("play-tick").hidden = false;
    $("play-ticked").hidden = true;
    Log.fill($("play-week"), plan.key);
    say(heading + ". Total time: " + spoken(timed) + ".");
    signal(true);
    $("play-done-title").focus();
  }

  function tick() {
    const saved = Log.tick(plan.key);
    Log.fill($("play-week"), plan.key);
    $("play-tick").hidden = saved;
    show($("play-ticked"), saved ? "Ticked: today is in your log." : "This browser keeps no log (it may be in a private mode), so today could not be ticked.");
    say($("play-ticked").textContent);
    $("play-ticked").setAttribute("tabindex", "-1");
    $("play-ticked").focus();
  }

  // --- sound, vibration, a screen that stays awake --------------------------------------------

  function readCues() {
    try {
      const saved = JSON.parse(window.localStorage.getItem(CUES) || "{}");
      return { sound: saved.sound === true, vibrate: saved.vibrate === true };
    } catch (error) {
      return { sound: false, vibrate: false };
    }
  }

  function saveCues() {
    try {
      window.localStorage.setItem(CUES, JSON.stringify(cues));
    } catch (error) {
      // Not remembered; the choice still holds on this page.
    }
  }

  function unlockSound() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (cues.sound && !audio && Context) audio = new Context();
  }

  function signal(last) {
    if (cues.vibrate && navigator.vibrate) navigator.vibrate(last ? [120, 80, 120] : 80);
    if (!cues.sound) return;
    unlockSound();
    if (!audio) return;
    try {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = last ? 523 : 784;
      gain.gain.value = 0.08;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + (last ? 0.4 : 0.15));
    } catch (error) {
      // A browser without sound simply stays quiet.
    }
  }

  async function keepAwake(on) {
    try {
      if (on && !wakeLock && navigator.wakeLock && document.visibilityState === "visible") {
        wakeLock = await navigator.wakeLock.request("screen");
        wakeLock.addEventListener("release", () => { wakeLock = null; });
      } else if (!on && wakeLock) {
        const lock = wakeLock;
        wakeLock = null;
        await lock.release();
      }
    } catch (error) {
      wakeLock = null; // not allowed here (or not now): the screen follows its own settings
    }
  }

  // --- setting up -----------------------------------------------------------------------------

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const tag = event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || tag === "SUMMARY") return;
    if (event.key === " " || event.key === "Spacebar") {
      if (tag === "BUTTON" || tag === "A") return; // the focused control does what it says
      if (state === "ready") start();
      else if (state === "running" || state === "paused") togglePause();
      else return;
      event.preventDefault();
    } else if (event.key === "ArrowLeft" && (state === "running" || state === "paused")) {
      back();
      event.preventDefault();
    } else if (event.key === "ArrowRight" && (state === "running" || state === "paused")) {
      skip();
      event.preventDefault();
    }
  }

  function ready() {
    document.title = plan.title + " · " + document.title;
    $("play-title").textContent = plan.title;
    const total = line.total;
    const count = plan.steps.length;
    const summary = count > 1
      ? count + " exercises · " + R.minutesText(total) + " (" + R.durationText(total) + ")"
      : R.dosageText(plan.steps[0].dosage, plan.steps[0].exercise, config) + " · " + R.durationText(total);
    $("play-summary").textContent = summary;
    $("play-first").textContent = plan.steps[0].exercise.title;
    figure($("play-first-figure"), plan.steps[0].exercise);
    const list = $("play-list");
    list.hidden = count < 2;
    fillList(list, count > 1 ? plan.steps.map((s) => s.exercise.title + ": " + R.dosageText(s.dosage, s.exercise, config)) : []);
    fillList($("play-notes"), plan.notes);
    $("play-notes").hidden = !plan.notes.length;
    const back = $("play-page");
    if (plan.url) {
      back.href = plan.url;
      back.textContent = plan.steps.length > 1 ? "Back to the routine’s page" : "Back to the exercise’s page";
    } else {
      back.parentElement.hidden = true;
    }
    $("play-settings").hidden = false;
    // The figures load now, so each is on screen the moment its exercise comes.
    plan.steps.forEach((step) => { if (step.exercise.figure) new Image().src = step.exercise.figure; });
    setState("ready");
  }

  function failed(error) {
    $("play-fallback").hidden = false;
    $("play-why").textContent = error.message + " You can choose from:";
    fillList($("play-notes"), error.notes || []);
    $("play-notes").hidden = !(error.notes && error.notes.length);
  }

  async function main() {
    config = R.settings();
    $("play-fallback").hidden = true;
    $("play-sound").checked = cues.sound;
    $("play-vibrate").checked = cues.vibrate;
    $("play-sound").addEventListener("change", (event) => { cues.sound = event.target.checked; saveCues(); unlockSound(); });
    $("play-vibrate").addEventListener("change", (event) => { cues.vibrate = event.target.checked; saveCues(); });
    $("play-start").addEventListener("click", start);
    $("play-pause").addEventListener("click", togglePause);
    $("play-back").addEventListener("click", back);
    $("play-skip").addEventListener("click", skip);
    $("play-stop").addEventListener("click", () => finish(true));
    $("play-tick").addEventListener("click", tick);
    $("play-again").addEventListener("click", () => { setState("ready"); $("play-start").focus(); });
    document.addEventListener("keydown", onKey);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && state === "running") {
        keepAwake(true);
        draw();
      }
    });
    try {
      plan = await choose(window.location.search);
    } catch (error) {
      failed(error);
      return;
    }
    line = timeline(plan.steps, plan.transition);
    ready();
  }

  main();
})();
