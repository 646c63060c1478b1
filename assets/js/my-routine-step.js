/* One step of My routine as the page shows it and the card prints it: the same markup as a
 * routine page's step (templates/routine.html), with the reader's controls beside it on screen:
 * a number box for each field they may change (within the limits from the settings island),
 * Move up, Move down and Remove. assets/js/my-routine.js lays the steps out and answers the
 * controls (each names its step in data-index, and its action or field).
 */
(function () {
  "use strict";

  const R = window.LimberRoutine;

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text != null) made.textContent = text;
    return made;
  }

  function hidden(text) {
    return element("span", "visually-hidden", text);
  }

  function field(step, index, name, config) {
    const dosage = step.dosage;
    const words = config.mine;
    let label = words.labels[name];
    if (name === "reps") label = dosage.time != null ? words.reps_labels.time : dosage.hold ? label : words.reps_labels.reps;
    const id = "mine-" + index + "-" + name;
    const row = element("p", "mine__field");
    const labelled = element("label", null, label);
    labelled.htmlFor = id;
    const input = element("input");
    input.type = "number";
    input.inputMode = "numeric";
    input.id = id;
    input.min = config.limits[name][0];
    input.max = config.limits[name][1];
    input.step = 1;
    input.value = dosage[name] == null ? 1 : dosage[name];
    input.dataset.index = index;
    input.dataset.field = name;
    input.setAttribute("aria-describedby", "mine-" + index + "-problem");
    row.append(labelled, input);
    return row;
  }

  function fieldsOf(dosage) {
    const names = [];
    if (dosage.time != null) names.push("time");
    else if (dosage.hold) names.push("hold");
    if (dosage.reps != null || dosage.time != null) names.push("reps");
    names.push("sets");
    if (dosage.sets > 1) names.push("rest");
    return names;
  }

  function button(text, action, index, title, disabled) {
    const made = element("button", "print-button", text);
    made.type = "button";
    made.id = "mine-" + index + "-" + action;
    made.dataset.action = action;
    made.dataset.index = index;
    made.disabled = disabled;
    made.append(hidden(": " + title));
    return made;
  }

  function item(step, index, count, config) {
    const exercise = step.exercise;
    const item = element("li", "step" + (exercise.figure ? " step--figure" : ""));
    if (exercise.figure) {
      const figure = element("img", "step__figure");
      figure.src = exercise.figure;
      figure.alt = exercise.figure_alt || "";
      figure.width = 120;
      figure.height = 90;
      item.appendChild(figure);
    }
    const head = element("div", "step__head");
    const heading = element("h2", "step__title");
    const link = element("a", null, exercise.title);
    link.href = exercise.url;
    const number = element("span", "step__number", String(index + 1));
    number.setAttribute("aria-hidden", "true");
    heading.append(number, " ", link);
    const dosage = element("p", "step__dosage", R.dosageText(step.dosage, exercise, config) + " ");
    dosage.appendChild(element("span", "dosage__exact", "(" + R.durationText(R.seconds(step.dosage, config.timing)) + ")"));
    head.append(heading, dosage);
    const body = element("div", "step__body");
    const cues = element("ul", "cues print-only");
    exercise.cues.forEach((cue) => cues.appendChild(element("li", null, cue)));
    body.appendChild(cues);
    if (exercise.caution) {
      const caution = element("p", "step__caution");
      const mark = element("span", "caution-mark", "⚠");
      mark.setAttribute("aria-hidden", "true");
      caution.append(mark, " " + exercise.caution);
      body.appendChild(caution);
    }
    const controls = element("div", "mine__controls screen-only");
    const fields = element("fieldset", "mine__fields");
    const legend = element("legend", "visually-hidden", "How much of " + exercise.title);
    fields.appendChild(legend);
    fieldsOf(step.dosage).forEach((name) => fields.appendChild(field(step, index, name, config)));
    const problem = element("p", "mine__problem");
    problem.id = "mine-" + index + "-problem";
    const buttons = element("p", "mine__buttons");
    buttons.append(
      button("Move up", "up", index, exercise.title, index === 0),
      button("Move down", "down", index, exercise.title, index === count - 1),
      button("Remove", "remove", index, exercise.title, false),
    );
    controls.append(fields, problem, buttons);
    item.append(head, body, controls);
    return item;
  }

  window.LimberMineStep = { item: item };
})();
