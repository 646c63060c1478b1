/* What the routine player and "My routine" share: the published data, the time formula as a
 * list of timed moments, the dosage in words, and the share link's format.
 *
 * Every number and word comes from the build (limber/views/player.py): the page carries the
 * formula's constants, the dosage limits and the words in a JSON data island
 * (#limber-player-settings), and each exercise and routine has a play.json beside its page.
 * The time of a dosage is the sum of its moments, so what the player counts down is the time
 * the page and the card state; the tests hold both to the build's own figures.
 */
(function () {
  "use strict";

  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  // A step in a share link: the slug, then any changed field as name + number, joined by ".":
  // "neck-side-tilt.hold20.reps2".
  const CHANGE = /^([a-z]+)(\d{1,4})$/;

  function settings(doc) {
    const island = (doc || document).getElementById("limber-player-settings");
    return island ? JSON.parse(island.textContent) : null;
  }

  async function load(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) {
      const error = new Error("HTTP " + response.status + " for " + url);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  function exerciseUrl(config, slug) {
    return config.exercises_url + slug + "/" + config.play_file;
  }

  /* The moments of one dosage, in order: each a kind ("hold", "release", "rep", "work",
   * "switch", "rest"), its seconds and where it stands (set, side, rep). Moments of 0 s are
   * left out. Sums to the formula of content/README.md ("Total time"). */
  function moments(dosage, timing) {
    const out = [];
    const rounds = dosage.reps == null ? 1 : dosage.reps;
    const sides = dosage.sides === "each" ? ["first", "second"] : [null];
    const turns = dosage.sides === "alternating" ? ["left", "right"] : [null];
    const push = (moment) => { if (moment.seconds > 0) out.push(moment); };
    for (let set = 1; set <= dosage.sets; set += 1) {
      sides.forEach((side, sideIndex) => {
        if (sideIndex > 0) push({ kind: "switch", seconds: timing.switch_sides, set: set, side: side });
        for (let rep = 1; rep <= rounds; rep += 1) {
          turns.forEach((turn) => {
            const where = { set: set, sets: dosage.sets, side: turn || side, rep: rep, reps: rounds };
            if (dosage.time != null) {
              push(Object.assign({ kind: "work", seconds: dosage.time }, where));
            } else if (dosage.hold) {
              push(Object.assign({ kind: "hold", seconds: dosage.hold }, where));
              push(Object.assign({ kind: "release", seconds: timing.move_in_and_out }, where));
            } else {
              push(Object.assign({ kind: "rep", seconds: dosage.tempo || timing.default_tempo }, where));
            }
          });
        }
      });
      if (set < dosage.sets) push({ kind: "rest", seconds: dosage.rest, set: set, sets: dosage.sets });
    }
    return out;
  }

  function seconds(dosage, timing) {
    return moments(dosage, timing).reduce((sum, m) => sum + m.seconds, 0);
  }

  function routineSeconds(dosages, transition, timing) {
    const work = dosages.reduce((sum, d) => sum + seconds(d, timing), 0);
    return work + Math.max(dosages.length - 1, 0) * transition;
  }

  function durationText(total) {
    const minutes = Math.floor(total / 60);
    const secs = total % 60;
    if (!minutes) return secs + " s";
    return secs ? minutes + " min " + secs + " s" : minutes + " min";
  }

  function minutesText(total) {
    return "About " + Math.max(1, Math.ceil(total / 60)) + " min";
  }

  /* The dosage in words, as the card prints it: "Hold 30 s · 2 times · each side". */
  function dosageText(dosage, exercise, config) {
    const parts = [];
    const rounds = dosage.reps == null ? 1 : dosage.reps;
    if (dosage.time != null) {
      parts.push(exercise.time_verb + " " + durationText(dosage.time));
      if (dosage.reps != null && rounds > 1) parts.push(rounds + " rounds");
    } else if (dosage.hold) {
      parts.push("Hold " + durationText(dosage.hold));
      parts.push(rounds === 1 ? "once" : rounds + " times");
    } else {
      parts.push(rounds + " " + exercise.rep_word + (rounds !== 1 ? "s" : ""));
    }
    if (dosage.sets > 1) {
      parts.push(dosage.sets + " sets");
      if (dosage.rest) parts.push("rest " + durationText(dosage.rest) + " between sets");
    }
    if (config.sides[dosage.sides]) parts.push(config.sides[dosage.sides]);
    return parts.join(" · ");
  }

  /* A reader's change to an exercise's dosage, or the reason it cannot be made. `hold` and
   * `time` are kept as the exercise has them: a held stretch stays held. */
  function change(dosage, field, value, config) {
    const range = config.limits[field];
    if (!range) return { problem: "“" + field + "” is not something you can change" };
    if (field === "hold" && dosage.hold == null) return { problem: "this exercise is not held" };
    if (field === "time" && dosage.time == null) return { problem: "this exercise is not timed" };
    if (field === "reps" && dosage.reps == null && dosage.time == null) return { problem: "this exercise has no reps" };
    if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
      return { problem: field + " must be from " + range[0] + " to " + range[1] };
    }
    const changed = Object.assign({}, dosage);
    changed[field] = value;
    return { dosage: changed };
  }

  /* A list of steps as a share link's query: name=…&step=slug.hold20.reps2&step=… */
  function toQuery(name, steps, config) {
    const params = new URLSearchParams();
    if (name) params.set("name", name);
    steps.forEach((step) => {
      const own = step.exercise.dosage;
      const changes = Object.keys(config.limits)
        .filter((field) => step.dosage[field] != null && step.dosage[field] !== own[field])
        .map((field) => field + step.dosage[field]);
      params.append("step", [step.exercise.slug].concat(changes).join("."));
    });
    return params.toString();
  }

  /* The steps a share link names, each checked against the published data. Returns the name,
   * the steps that could be read ({exercise, dosage}) and a note for each part left out. */
  async function fromQuery(query, config) {
    const params = new URLSearchParams(query);
    const notes = [];
    const wanted = params.getAll("step");
    if (wanted.length > config.max_steps) {
      notes.push("Only the first " + config.max_steps + " steps are kept; a routine has at most " + config.max_steps + ".");
    }
    // The steps load together; each keeps its own notes, so the notes follow the link's order
    // whichever answer comes first.
    const read = await Promise.all(wanted.slice(0, config.max_steps).map(async (text) => {
      const [slug, ...changes] = text.split(".");
      if (!SLUG.test(slug)) {
        return { notes: ["“" + text + "” is not an exercise’s name, so it was left out."] };
      }
      const unknown = "There is no exercise “" + slug + "” in this guide, so it was left out.";
      // A page that lists the guide's exercises (exercise_slugs) asks for none that is not there.
      if (config.exercise_slugs && config.exercise_slugs.indexOf(slug) < 0) return { notes: [unknown] };
      let exercise;
      try {
        exercise = await load(exerciseUrl(config, slug));
      } catch (error) {
        return { notes: [error.status === 404 ? unknown : "“" + slug + "” could not be loaded, so it was left out."] };
      }
      const own = [];
      let dosage = Object.assign({}, exercise.dosage);
      changes.forEach((part) => {
        const match = CHANGE.exec(part);
        const made = match ? change(dosage, match[1], Number(match[2]), config) : { problem: "it is not a change the guide knows" };
        if (made.problem) {
          own.push(exercise.title + ": “" + part + "” was ignored (" + made.problem + "); the guide’s dosage is used.");
        } else {
          dosage = made.dosage;
        }
      });
      return { step: { exercise: exercise, dosage: dosage }, notes: own };
    }));
    read.forEach((found) => notes.push(...found.notes));
    const name = (params.get("name") || "").trim().slice(0, config.name_max);
    return { name: name, steps: read.filter((found) => found.step).map((found) => found.step), notes: notes };
  }

  window.LimberRoutine = {
    settings: settings,
    load: load,
    exerciseUrl: exerciseUrl,
    moments: moments,
    seconds: seconds,
    routineSeconds: routineSeconds,
    durationText: durationText,
    minutesText: minutesText,
    dosageText: dosageText,
    change: change,
    toQuery: toQuery,
    fromQuery: fromQuery,
  };
})();
