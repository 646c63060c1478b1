/* My routine: the exercises a reader chose, kept in this browser only (localStorage, as a share
 * link's query, never sent anywhere), to put in order, change within the guide's limits, name,
 * time, print on one page (assets/js/my-routine-card.js), share as a link and play. Each step's
 * markup and controls are assets/js/my-routine-step.js's.
 *
 * Every number and word about the exercises comes from the build: the settings island and each
 * exercise's play.json, read through window.LimberRoutine (assets/js/routine-data.js).
 */
(function () {
  "use strict";

  const R = window.LimberRoutine;
  const config = R.settings();
  const mine = config.mine;
  const byId = (id) => document.getElementById(id);
  const card = byId("mine");
  const list = byId("mine-steps");
  const state = { name: "", steps: [], asking: false };
  let storageBlocked = false;

  // --- keeping the routine in this browser -------------------------------------------------

  function savedQuery() {
    try {
      return window.localStorage.getItem(mine.storage_key) || "";
    } catch (error) {
      storageBlocked = true;
      return "";
    }
  }

  function query() {
    return R.toQuery(state.name, state.steps, config);
  }

  function save() {
    try {
      window.localStorage.setItem(mine.storage_key, query());
    } catch (error) {
      if (!storageBlocked) {
        storageBlocked = true;
        showNotes("Your routine cannot be kept", ["This browser does not let the page keep your routine, so it lasts only until you close the page. Copy its link to keep it."]);
      }
    }
  }

  function shareUrl() {
    const text = query();
    return mine.page_url + (text ? "?" + text : "");
  }

  // --- what the page shows -----------------------------------------------------------------

  function announce(text) {
    const live = byId("mine-live");
    live.textContent = "";
    window.setTimeout(() => { live.textContent = text; }, 50);
  }

  function showNotes(title, notes) {
    const box = byId("mine-notes");
    const items = byId("mine-notes-list");
    if (!notes.length) {
      box.hidden = true;
      return;
    }
    byId("mine-notes-title").textContent = title;
    items.textContent = "";
    notes.forEach((note) => {
      const item = document.createElement("li");
      item.textContent = note;
      items.appendChild(item);
    });
    box.hidden = false;
  }

  function totalSeconds() {
    return R.routineSeconds(state.steps.map((step) => step.dosage), config.timing.transition, config.timing);
  }

  function countText(count) {
    return count + " exercise" + (count === 1 ? "" : "s");
  }

  /* What the steps need, in the vocabulary's order: "a chair, a wall", or "nothing". */
  function needs() {
    const used = new Set(state.steps.flatMap((step) => step.exercise.equipment || []));
    const names = config.card.equipment.filter(([slug]) => used.has(slug)).map(([, name]) => name);
    return names.length ? names.join(", ") : config.card.nothing_needed;
  }

  /* The parts that follow every change: name, time and links. (The card's layout is chosen
   * just before it prints.) */
  function renderSummary() {
    const count = state.steps.length;
    const total = totalSeconds();
    const title = state.name || mine.default_name;
    byId("mine-title").textContent = title;
    byId("mine-empty").hidden = count > 0 || state.asking;
    byId("mine-tools").hidden = count === 0 || state.asking;
    list.hidden = state.asking;
    card.querySelector(".safety-strip").hidden = count === 0;
    byId("mine-total").textContent = R.minutesText(total) + " (" + R.durationText(total) + ")";
    byId("mine-facts").textContent = [R.minutesText(total), countText(count)].join(" · ");
    byId("mine-needs").textContent = needs();
    byId("mine-start").href = mine.player_url + "?" + query();
    byId("mine-share-url").value = shareUrl();
    window.LimberCard.printLink(card.querySelector(".print-foot__url"), shareUrl());
  }

  function render(focusId) {
    list.textContent = "";
    state.steps.forEach((step, index) => list.appendChild(window.LimberMineStep.item(step, index, state.steps.length, config)));
    renderSummary();
    const target = focusId && byId(focusId);
    if (target) target.focus();
  }

  // --- what the reader does ----------------------------------------------------------------

  function changeField(input) {
    const index = Number(input.dataset.index);
    const name = input.dataset.field;
    const text = input.value.trim();
    const made = R.change(state.steps[index].dosage, name, text === "" ? NaN : Number(text), config);
    const problem = byId("mine-" + index + "-problem");
    if (made.problem) {
      const message = made.problem.charAt(0).toUpperCase() + made.problem.slice(1) + ".";
      input.setAttribute("aria-invalid", "true");
      problem.textContent = message;
      announce(message);
      return;
    }
    state.steps[index].dosage = made.dosage;
    save();
    render(input.id);
    announce(state.steps[index].exercise.title + ": " + R.dosageText(made.dosage, state.steps[index].exercise, config));
  }

  function act(action, index) {
    const steps = state.steps;
    const title = steps[index].exercise.title;
    if (action === "remove") {
      steps.splice(index, 1);
      save();
      const next = steps.length ? "mine-" + Math.min(index, steps.length - 1) + "-remove" : "mine-empty-link";
      render(next);
      announce(title + " removed from your routine.");
      return;
    }
    const to = action === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= steps.length) return;
    steps.splice(to, 0, steps.splice(index, 1)[0]);
    save();
    const stays = (action === "up" && to > 0) || (action === "down" && to < steps.length - 1);
    render("mine-" + to + "-" + (stays ? action : action === "up" ? "down" : "up"));
    announce(title + " moved to place " + (to + 1) + " of " + steps.length + ".");
  }

  async function copyLink() {
    const url = shareUrl();
    const input = byId("mine-share-url");
    input.value = url;
    byId("mine-share").hidden = false;
    try {
      await navigator.clipboard.writeText(url);
      byId("mine-copied").textContent = "(copied)";
      announce("Link copied.");
    } catch (error) {
      byId("mine-copied").textContent = "(select it and copy)";
      input.focus();
      input.select();
    }
  }

  // --- opening the page: the saved routine, or the one a link brings -----------------------

  function use(loaded) {
    state.name = loaded.name;
    state.steps = loaded.steps;
    state.asking = false;
    byId("mine-ask").hidden = true;
    byId("mine-name").value = state.name;
    render();
  }

  function summary(loaded) {
    const name = loaded.name || mine.default_name;
    return "“" + name + "” (" + countText(loaded.steps.length) + ", " + R.minutesText(R.routineSeconds(
      loaded.steps.map((step) => step.dosage), config.timing.transition, config.timing)).toLowerCase() + ")";
  }

  function ask(shared, saved) {
    state.asking = true;
    byId("mine-ask-text").textContent = "This link holds " + summary(shared) + ". Opening it replaces the routine saved in this browser, " + summary(saved) + ".";
    const box = byId("mine-ask");
    box.hidden = false;
    renderSummary();
    byId("mine-ask-replace").onclick = () => {
      use(shared);
      save();
      byId("mine-title").focus();
    };
    byId("mine-ask-keep").onclick = () => {
      use(saved);
      byId("mine-title").focus();
    };
    box.focus();
  }

  async function open() {
    const params = new URLSearchParams(window.location.search);
    const stored = await R.fromQuery(savedQuery(), config);
    if (!params.has("step") && !params.has("name")) {
      // What could not be read stays saved (an exercise may only be out of reach while offline)
      // until the reader changes the routine.
      showNotes("Not all of your saved routine could be used", stored.notes);
      use(stored);
      return;
    }
    const shared = await R.fromQuery(window.location.search, config);
    window.history.replaceState(null, "", window.location.pathname);
    showNotes("Not all of the link could be used", shared.notes);
    const sharedQuery = R.toQuery(shared.name, shared.steps, config);
    const storedQuery = R.toQuery(stored.name, stored.steps, config);
    if (stored.steps.length && storedQuery !== sharedQuery) {
      ask(shared, stored);
      return;
    }
    use(shared);
    save();
  }

  async function reopen() {
    if (state.asking) return;
    const stored = await R.fromQuery(savedQuery(), config);
    if (R.toQuery(stored.name, stored.steps, config) !== query()) use(stored);
  }

  function start() {
    byId("mine-fallback").hidden = true;
    byId("mine-app").hidden = false;
    byId("mine-title").tabIndex = -1;
    byId("mine-empty").querySelector("a").id = "mine-empty-link";
    list.addEventListener("change", (event) => {
      if (event.target.matches("input[data-field]")) changeField(event.target);
    });
    list.addEventListener("click", (event) => {
      const pressed = event.target.closest("button[data-action]");
      if (pressed) act(pressed.dataset.action, Number(pressed.dataset.index));
    });
    byId("mine-name").addEventListener("input", (event) => {
      state.name = event.target.value.trim().slice(0, config.name_max);
      save();
      renderSummary();
    });
    byId("mine-copy").addEventListener("click", copyLink);
    byId("mine-print").addEventListener("click", () => window.print());
    window.addEventListener("beforeprint", () => { if (state.steps.length) window.LimberCard.fit(card, config); });
    window.addEventListener("storage", (event) => { if (event.key === mine.storage_key) reopen(); });
    window.addEventListener("pageshow", (event) => { if (event.persisted) reopen(); });
    open();
  }

  start();
})();
