/* The printed card of a reader's own routine: the roomiest layout that fits one page, found by
 * measuring the card as it prints, and the printed link cut where a line may break.
 *
 * A routine's card is laid out by the build (limber/views/card.py); this one changes in the
 * browser, so the same layouts are tried here in the same order, roomiest first, and each is
 * measured with the print styles applied: for the moment of measuring, every style rule meant
 * for print applies and every rule meant only for the screen does not, then all is put back
 * before anything is painted. The layouts and the page's height come from the page's settings
 * island (limber/views/mine.py).
 */
(function () {
  "use strict";

  const PX_PER_MM = 96 / 25.4;
  const BRIEF = "mine--brief"; // my-routine.css: the card without the cues
  const MEDIA_TYPE = /^\s*(?:only\s+)?(print|screen)\b/i;

  /* Runs measure() with the page styled as printed, and returns what it returns. */
  function asPrinted(measure) {
    const changed = [];
    const swap = (list) => {
      const types = Array.from(list, (query) => (MEDIA_TYPE.exec(query) || [])[1]);
      let printed = null;
      if (types.some((type) => type && type.toLowerCase() === "print")) printed = "all";
      else if (types.length && types.every((type) => type && type.toLowerCase() === "screen")) printed = "not all";
      if (printed !== null) {
        changed.push([list, list.mediaText]);
        list.mediaText = printed;
      }
    };
    const visit = (rules) => {
      Array.from(rules).forEach((rule) => {
        if (rule.media && rule.cssRules) {
          swap(rule.media);
          visit(rule.cssRules);
        }
      });
    };
    Array.from(document.styleSheets).forEach((sheet) => {
      swap(sheet.media);
      visit(sheet.cssRules);
    });
    try {
      return measure();
    } finally {
      changed.reverse().forEach(([list, text]) => { list.mediaText = text; });
    }
  }

  function applyLayout(card, classes, known) {
    known.forEach((name) => card.classList.remove(name));
    classes.split(" ").forEach((name) => card.classList.add(name));
  }

  /* Two columns: the second starts where the taller column is least tall (as card.py splits). */
  function balanceColumns(card) {
    const steps = Array.from(card.querySelectorAll(".steps > .step"));
    steps.forEach((step) => step.classList.remove("step--column-start"));
    const list = card.querySelector(".steps");
    if (!list || steps.length < 2 || getComputedStyle(list).columnCount === "auto") return;
    const heights = steps.map((step) => step.getBoundingClientRect().height + parseFloat(getComputedStyle(step).marginBottom));
    const total = heights.reduce((sum, h) => sum + h, 0);
    let best = 1;
    let bestTallest = Infinity;
    let first = 0;
    for (let k = 1; k < steps.length; k += 1) {
      first += heights[k - 1];
      const tallest = Math.max(first, total - first);
      if (tallest <= bestTallest) {
        best = k;
        bestTallest = tallest;
      }
    }
    steps[best].classList.add("step--column-start");
  }

  /* The card's printed height in mm: from the top of the page to the card's foot. */
  function printedHeight(card) {
    const top = document.documentElement.getBoundingClientRect().top;
    return (card.getBoundingClientRect().bottom - top) / PX_PER_MM;
  }

  /* Pieces of the printed link too wide for its line, cut where they are as wide as it allows,
   * never beside a hyphen. */
  function cutWide(link) {
    const room = link.getBoundingClientRect().width;
    Array.from(link.querySelectorAll("span")).forEach((span) => {
      let rest = span.textContent;
      if (span.getBoundingClientRect().width <= room) return;
      const pieces = [];
      while (rest) {
        let at = rest.length;
        span.textContent = rest;
        while (at > 1 && span.getBoundingClientRect().width > room) {
          at -= 1;
          span.textContent = rest.slice(0, at);
        }
        while (at > 1 && at < rest.length && (rest[at - 1] === "-" || rest[at] === "-")) at -= 1;
        pieces.push(rest.slice(0, at));
        rest = rest.slice(at);
      }
      span.textContent = pieces[0];
      pieces.slice(1).reverse().forEach((piece) => {
        const next = span.cloneNode(false);
        next.textContent = piece;
        span.after(document.createElement("wbr"), next);
      });
    });
  }

  /* Lays the card out in the roomiest layout that fits one page and returns {classes, brief,
   * height, fits}. When none does (a reader may choose twelve long exercises), the cues are left
   * out (`brief`: the printed link leads to them) and the layouts are tried again; failing that,
   * the shortest is kept. */
  function fit(card, config) {
    const layouts = card.querySelectorAll(".steps > .step").length <= config.card.one_column_max
      ? config.card.layouts : config.card.layouts_many;
    const known = new Set(config.card.layouts.concat(config.card.layouts_many).join(" ").split(" "));
    return asPrinted(() => {
      const link = card.querySelector(".print-foot__url");
      if (link) cutWide(link);
      let shortest = null;
      for (const brief of [false, true]) {
        card.classList.toggle(BRIEF, brief);
        for (const classes of layouts) {
          applyLayout(card, classes, known);
          balanceColumns(card);
          const height = printedHeight(card);
          const tried = { classes: classes, brief: brief, height: height, fits: height <= config.card.page_height_mm };
          if (tried.fits) return tried;
          if (!shortest || height < shortest.height) shortest = tried;
        }
      }
      card.classList.toggle(BRIEF, shortest.brief);
      applyLayout(card, shortest.classes, known);
      balanceColumns(card);
      return shortest;
    });
  }

  /* The link cut where a printed line may break: after a "/" of the address, before its query
   * ("?") and before each "&", "." or "+" in the query, so a line's end is never taken for a
   * hyphen in the address (as limber.views.card.url_parts; fit() cuts a piece too wide for its
   * line further). */
  function urlParts(url) {
    const mark = url.indexOf("?");
    const address = mark < 0 ? url : url.slice(0, mark);
    return address.split(/(?<=[^/]\/)(?!\/)/).concat(mark < 0 ? [] : url.slice(mark).split(/(?=[&.+])/));
  }

  /* Writes the link into an element as the routine card prints it: unbreakable pieces with a
   * break opportunity (<wbr>) between them. */
  function printLink(element, url) {
    element.textContent = "";
    urlParts(url).forEach((part, index) => {
      if (index) element.appendChild(document.createElement("wbr"));
      const span = document.createElement("span");
      span.textContent = part;
      element.appendChild(span);
    });
  }

  window.LimberCard = { fit: fit, urlParts: urlParts, printLink: printLink };
})();
