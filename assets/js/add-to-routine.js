/* "Add to my routine" on an exercise page: puts the exercise at the end of the reader's own
 * routine, which this browser keeps (localStorage, never sent anywhere) as a share link's query
 * (assets/js/routine-data.js: one "step" per exercise, its slug first). The slot
 * (#add-to-routine) carries the exercise's slug, the My routine page, the storage key and the
 * most steps a routine may have, from the build (limber/views/mine.py). Without JavaScript the
 * slot stays hidden.
 */
(function () {
  "use strict";

  function stored(key) {
    try {
      return new URLSearchParams(window.localStorage.getItem(key) || "");
    } catch (error) {
      return null;
    }
  }

  function slugOf(step) {
    return step.split(".")[0];
  }

  function say(slot, before, linkText, after) {
    slot.textContent = "";
    const text = document.createElement("span");
    text.setAttribute("role", "status");
    const link = document.createElement("a");
    link.href = slot.dataset.url;
    link.textContent = linkText;
    text.append(before, link, after);
    slot.appendChild(text);
    return link;
  }

  function show(slot) {
    const params = stored(slot.dataset.key);
    if (!params) return;
    const steps = params.getAll("step");
    if (steps.some((step) => slugOf(step) === slot.dataset.slug)) {
      say(slot, "This exercise is in ", "My routine", ".");
    } else if (steps.length >= Number(slot.dataset.max)) {
      say(slot, "", "My routine", " has " + steps.length + " exercises, the most it can hold.");
    } else {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "print-button";
      button.textContent = "Add to my routine";
      button.addEventListener("click", () => add(slot));
      slot.textContent = "";
      slot.appendChild(button);
    }
    slot.hidden = false;
  }

  function add(slot) {
    const params = stored(slot.dataset.key);
    if (!params) return;
    if (!params.getAll("step").some((step) => slugOf(step) === slot.dataset.slug)) {
      params.append("step", slot.dataset.slug);
    }
    try {
      window.localStorage.setItem(slot.dataset.key, params.toString());
    } catch (error) {
      slot.textContent = "This browser does not let the guide keep your routine.";
      return;
    }
    say(slot, "Added. See ", "My routine", " to put it in order, change it or print it.").focus();
  }

  function start() {
    const slot = document.getElementById("add-to-routine");
    if (!slot) return;
    show(slot);
    window.addEventListener("pageshow", (event) => { if (event.persisted) show(slot); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
