/* A reader's practice, kept in this browser only: the week log the player ticks and the routine
 * page shows, and the "Start" links, which lead to the player and so appear only where scripts
 * run.
 *
 * The log is one localStorage entry, never sent anywhere: for each routine or exercise (keyed by
 * its page's address) the days it was done and how many times. A week runs Monday to Sunday, as
 * the printed log's columns do; the pages give the columns' names, so none is typed here.
 */
(function () {
  "use strict";

  const STORE = "limber-log";
  const KEEP_DAYS = 35; // older days are dropped when a day is ticked: the log shows one week

  function dayKey(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function read() {
    try {
      const log = JSON.parse(window.localStorage.getItem(STORE) || "{}");
      return log && typeof log === "object" && !Array.isArray(log) ? log : {};
    } catch (error) {
      return {};
    }
  }

  /* The seven days of the week that holds *now*, Monday first. */
  function weekDays(now) {
    const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
    return Array.from({ length: 7 }, (_, i) => new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i));
  }

  /* How many times *key* was ticked on each day of this week, Monday first. */
  function week(key, now) {
    const days = read()[key] || {};
    return weekDays(now || new Date()).map((day) => Number(days[dayKey(day)]) || 0);
  }

  /* Ticks today for *key*; false when the browser keeps no storage (private modes may not). */
  function tick(key, now) {
    const today = now || new Date();
    const log = read();
    const days = Object.assign({}, log[key]);
    const oldest = dayKey(new Date(today.getFullYear(), today.getMonth(), today.getDate() - KEEP_DAYS));
    Object.keys(days).forEach((day) => { if (day < oldest) delete days[day]; });
    days[dayKey(today)] = (Number(days[dayKey(today)]) || 0) + 1;
    log[key] = days;
    try {
      window.localStorage.setItem(STORE, JSON.stringify(log));
      return true;
    } catch (error) {
      return false;
    }
  }

  function mark(cell, on) {
    cell.textContent = "";
    if (!on) return;
    const sign = document.createElement("span");
    sign.setAttribute("aria-hidden", "true");
    sign.textContent = "✓";
    const words = document.createElement("span");
    words.className = "visually-hidden";
    words.textContent = "done";
    cell.append(sign, words);
  }

  /* Fills a log table (a column per day, a row per time in a day, as printed) with this week's
   * ticks for *key*: row n of a day is ticked when the day was done more than n times. Returns
   * how many times this week. */
  function fill(table, key, now) {
    const counts = week(key, now);
    table.querySelectorAll("tbody tr").forEach((row, n) => {
      row.querySelectorAll("td").forEach((cell, day) => mark(cell, counts[day] > n));
    });
    return counts.reduce((sum, count) => sum + count, 0);
  }

  function show() {
    document.querySelectorAll("[data-practice]").forEach((element) => { element.hidden = false; });
    document.querySelectorAll("[data-week-log]").forEach((section) => {
      const table = section.querySelector("table");
      if (table && fill(table, section.getAttribute("data-week-log")) > 0) section.hidden = false;
    });
  }

  window.LimberLog = { week: week, tick: tick, fill: fill };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
