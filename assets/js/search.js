/* Limber search: instant, forgiving, filterable search over the published search data.
 *
 * On the search page (the element #search, whose data-index names the search data file; its
 * format is in docs/search-data.md) it is the whole search. In every other search box (a form
 * .search-box with data-index) it shows the first few results as the reader types, ranked the
 * same way, with the search data loaded only when the box is first used.
 * Safety: the query, whether typed or from the URL, is only ever text. Everything on the page
 * is built with createElement and textContent; highlighting splits text nodes. No inline
 * script and no eval, so the page works under a Content-Security-Policy without 'unsafe-inline'.
 * There is no build step: this file is served as written.
 */
(function () {
  "use strict";

  var root = document.getElementById("search");
  var boxes = document.querySelectorAll("form.search-box[data-index]");
  if ((!root && !boxes.length) || !window.fetch || !window.URLSearchParams || !window.Map) {
    return;
  }

  // --- words: the same folding for the data and the query ------------------------------------

  // How much a word counts, by where in a record it was found.
  // A body area a record works counts as much as an alias: "chest" finds a chest stretch
  // before an exercise that has the word only in its name ("Chin-to-chest").
  var TITLE = 10, ALIAS = 8, AREA = 8, KEYWORD = 6, TERM = 5, CUE = 4, SUMMARY = 3, SECONDARY = 2, TEXT = 1;
  // Found in more than one place, a word adds this share of each further place's weight.
  var FURTHER_FIELD = 0.15;
  // Words dropped from a query: they say nothing about what to show.
  var STOP = new Set(("a am an and any are as at be been being but by can cant could do does doing " +
    "dont for from get gets getting got had has have having how i im ive if in into is it its just " +
    "me my myself of on or our should so some such than that the their them then there these they " +
    "this those to too very was we what when where which while who why will with would you your").split(" "));
  // How much a query word counts toward what the query means: a body area, a muscle or a name
  // from the glossary ("stiff neck", "before bed") counts more; a word that only sets the scene
  // ("after", "all day") or says how it feels ("tight", "sore": not where) counts less and is
  // never read as a typo of another word.
  var NAMED = 2, WEAK = 0.3;
  // A body area's word ("chest") counts this share in a record that does not work that area
  // ("Chin-to-chest stretch", a neck stretch).
  var OFF_AREA = 0.5;
  var SHORT = 5;  // a word this short that the guide uses ("tight") is not read as a typo ("light")
  var WEAK_WORDS = new Set(("after again all also always before bit day days during every feel " +
    "feeling feels lot lots long much need needs often really still time times way whole week " +
    "ache aches aching achy hurt hurting hurts pain painful sore soreness stiff stiffness tight " +
    "tightness work working").split(" "));
  var NON_ASCII = /[^\x00-\x7f]/;
  var ACCENTED = /[\u00c0-\u1fff]/;  // letters that may carry accents (Latin, Greek, Cyrillic, ...)
  var ASCII_WORD = /[a-z0-9]+(?:-[a-z0-9]+)*/g;
  var ANY_WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
  var DISPLAY_WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
  var PAGE_SIZE = 10;
  var CACHE = 64;  // query words whose scores are kept while the reader types
  var KIND_NAMES = { exercise: "Exercise", routine: "Routine", page: "Page" };
  var KIND_ORDER = { exercise: 0, routine: 1, page: 2 };

  /* Lowercase, without accents or apostrophes: "Child’s Pose" -> "childs pose". */
  function fold(text) {
    var lower = text.toLowerCase();
    if (ACCENTED.test(lower)) {
      lower = lower.normalize("NFKD").replace(/\p{M}/gu, "");
    }
    return lower.indexOf("'") < 0 && lower.indexOf("’") < 0 ? lower : lower.replace(/['’]/g, "");
  }

  var stems = new Map();

  /* A word without its plural ending, as limber/search/words.py's stem(). */
  function stem(word) {
    var found = stems.get(word);
    if (found !== undefined) {
      return found;
    }
    found = word;
    if (word.length >= 4) {
      if (word.length > 4 && word.endsWith("ies")) {
        found = word.slice(0, -3) + "y";
      } else if (/(?:sses|xes|ches|shes)$/.test(word)) {
        found = word.slice(0, -2);
      } else if (word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) {
        found = word.slice(0, -1);
      }
    }
    if (stems.size < 100000) {
      stems.set(word, found);
    }
    return found;
  }

  /* The words of a text, each with the pieces of a hyphenated word joined as well:
   * "Band pull-aparts" -> [["band"], ["pull", "aparts", "pullaparts"]]. */
  function groups(text) {
    var folded = fold(text);
    var pattern = NON_ASCII.test(folded) ? ANY_WORD : ASCII_WORD;
    var out = [], match;
    pattern.lastIndex = 0;
    while ((match = pattern.exec(folded))) {
      var word = match[0];
      if (word.indexOf("-") < 0) {
        out.push([word]);
      } else {
        var parts = word.split("-");
        parts.push(parts.join(""));
        out.push(parts);
      }
    }
    return out;
  }

  /* The plain words of a text, hyphenated ones split: "pull-apart" -> ["pull", "apart"]. */
  function wordList(text) {
    var out = [];
    groups(text).forEach(function (parts) {
      for (var i = 0; i < (parts.length > 1 ? parts.length - 1 : 1); i++) {
        out.push(parts[i]);
      }
    });
    return out;
  }

  var rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  var prefixDistance = 0;  // set by distance(): how far *a* is from the closest beginning of *b*

  /* How far word *a* is from word *b* (optimal string alignment: a swap of two neighbouring
   * letters is one edit); also sets prefixDistance, the distance from the closest beginning
   * of *b* ("sholde" is 1 from "shoulder"). Both stop counting at limit + 1. */
  function distance(a, b, limit) {
    var n = Math.min(a.length, 60), m = b.length;
    var width = Math.min(m, n + limit);
    prefixDistance = limit + 1;
    if (m + limit < n || width > 62) {
      return limit + 1;
    }
    var prev2 = rows[0], prev = rows[1], row = rows[2];
    for (var j = 0; j <= width; j++) {
      prev[j] = j;
    }
    for (var i = 1; i <= n; i++) {
      row[0] = i;
      var best = i;
      var ai = a.charCodeAt(i - 1), before = i > 1 ? a.charCodeAt(i - 2) : -1;
      for (j = 1; j <= width; j++) {
        var bj = b.charCodeAt(j - 1);
        var value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
        if (j > 1 && ai === b.charCodeAt(j - 2) && before === bj && prev2[j - 2] + 1 < value) {
          value = prev2[j - 2] + 1;
        }
        row[j] = value;
        if (value < best) {
          best = value;
        }
      }
      if (best > limit) {
        return limit + 1;
      }
      var spare = prev2;
      prev2 = prev;
      prev = row;
      row = spare;
    }
    for (j = Math.max(1, n - 1); j <= Math.min(width, n + 1); j++) {
      prefixDistance = Math.min(prefixDistance, prev[j]);
    }
    return m <= n + limit ? Math.min(prev[m], limit + 1) : limit + 1;
  }

  /* Whether the words *have* hold the words *phrase* one after another. */
  function holdsPhrase(have, phrase) {
    for (var start = 0; start + phrase.length <= have.length; start++) {
      if (phrase.every(function (word, k) {
        return have[start + k] === word;
      })) {
        return true;
      }
    }
    return false;
  }

  /* Whether two words of one length have the same letters ("nekc", "neck"): a swap, not another word. */
  function swapped(a, b) {
    return a.length === b.length && a.split("").sort().join("") === b.split("").sort().join("");
  }

  /* The query's words: folded, split at hyphens and spaces, little words dropped. */
  function queryWords(query) {
    var words = wordList(query).slice(0, 12);
    var kept = words.filter(function (word) {
      return !STOP.has(word);
    });
    return kept.length ? kept : words;
  }

  // --- the index: built once in the browser from the search data -----------------------------

  /* Titles and aliases go into an inverted index (token -> records) that exact, prefix and
   * typo matching walk. Texts many records share (term names, glossary names, a routine's
   * exercises) are tokenized once and point to their records ("shared"). Cues, summaries and
   * body text are searched for words that begin with the query word (Scan): they are long and
   * count for less. All this keeps the index quick to build when the page opens. */
  function Index(data) {
    var self = this;
    this.data = data;
    this.records = data.records;
    this.names = { areas: {}, equipment: {}, levels: {}, types: {}, positions: {}, goals: {}, muscles: {} };
    Object.keys(data.terms).forEach(function (vocabulary) {
      var names = {};
      data.terms[vocabulary].forEach(function (term) {
        names[term.slug] = term;
      });
      self.names[vocabulary] = names;
    });
    this.bySlug = {};
    this.records.forEach(function (record) {
      if (record.kind === "exercise") {
        self.bySlug[record.slug] = record;
      }
    });
    // Tokens by number; for each number its records (title and alias) and its shared texts.
    this.ids = new Map();
    this.postIds = [];
    this.postWeights = [];
    this.textsOf = [];  // token number -> shared text numbers
    this.best = [];  // token number -> the highest weight it has anywhere
    this.isPlain = [];  // token number -> 1 for a word, 0 for words joined
    this.lastId = [];
    this.shared = new Map();  // shared text -> its number
    this.known = new Map();  // token -> its numbers (itself and its stem)
    this.sharedIds = [];  // shared text number -> records
    this.sharedWeights = [];
    this.sharedBest = [];
    this.sharedTokens = [];  // shared text number -> its token numbers
    this.phrases = [];  // id -> the words of its title, then of each alias (when first needed)
    this.glossed = [];  // id -> the stems of its glossary names of two words or more (the same)
    this.named = new Set();  // the words of body areas, muscles and glossary names (and their stems)
    this.areaWords = new Map();  // a word of an area's name (and its stem) -> the areas it names
    (data.terms.areas || []).forEach(function (term) {
      wordList(term.name).forEach(function (word) {
        [word, stem(word)].forEach(function (key) {
          self.areaWords.set(key, (self.areaWords.get(key) || []).concat([term.slug]));
        });
      });
    });
    ["areas", "muscles"].forEach(function (vocabulary) {
      (data.terms[vocabulary] || []).forEach(function (term) {
        self.name(term.name);
        if (term.anatomical) {
          self.name(term.anatomical);
        }
      });
    });
    this.advice = (data.advice && data.advice.entries || []).map(function (entry) {
      return { text: entry.text, names: entry.names, words: entry.names.map(function (name) {
        return wordList(name).map(stem);
      }) };
    });
    this.adviceUrl = data.advice ? data.advice.url : "";
    this.records.forEach(function (record, id) {
      self.add(record, id);
    });
    this.cues = new Scan(this.records.map(function (record) {
      return (record.cues || []).join(" · ");
    }));
    this.summaries = new Scan(this.records.map(function (record) {
      return record.summary || "";
    }));
    this.bodies = new Scan(this.records.map(function (record) {
      return record.text || "";
    }));
    this.lastId = null;
    this.known = null;
    // Prefix and typo matching walk the words; joined tokens ("shoulderblade") are matched
    // whole, or by prefix only when no word begins with the query word.
    var all = Array.from(this.ids.keys()).sort();
    this.tokens = all.filter(function (token) {
      return self.isPlain[self.ids.get(token)] === 1;
    });
    this.joins = all.filter(function (token) {
      return self.isPlain[self.ids.get(token)] !== 1;
    });
    this.fuzzy = this.tokens.filter(function (token) {
      return token.length > 2;
    });
    this.fuzzyByLength = new Map();  // length -> the fuzzy words of that length
    this.fuzzy.forEach(function (token) {
      var same = self.fuzzyByLength.get(token.length);
      if (same) {
        same.push(token);
      } else {
        self.fuzzyByLength.set(token.length, [token]);
      }
    });
    var order = this.records.map(function (_, id) {
      return id;
    });
    var records = this.records;
    order.sort(function (a, b) {
      var ra = records[a], rb = records[b];
      return KIND_ORDER[ra.kind] - KIND_ORDER[rb.kind] ||
        (ra.title < rb.title ? -1 : ra.title > rb.title ? 1 : a - b);
    });
    this.order = order;  // ids in kind-then-title order
    this.rank = new Int32Array(order.length);  // id -> place in that order
    order.forEach(function (id, place) {
      self.rank[id] = place;
    });
    this.cache = new Map();  // query word -> its scores
  }

  var LETTER = /[\p{L}\p{N}]/u;

  function isWordChar(code) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ||
      (code > 127 && LETTER.test(String.fromCharCode(code)));
  }

  /* One text per record, lowercased and joined, searched with indexOf for word beginnings. */
  function Scan(texts) {
    var starts = new Int32Array(texts.length + 1), at = 0;
    for (var id = 0; id < texts.length; id++) {
      starts[id] = at;
      at += texts[id].length + 1;
    }
    starts[texts.length] = at;
    var joined = texts.join("\n");
    var lower = joined.toLowerCase();
    if (lower.length !== joined.length || ACCENTED.test(lower)) {  // rare: fold each text
      lower = texts.map(function (text, k) {
        var folded = fold(text);
        starts[k + 1] = starts[k] + folded.length + 1;
        return folded;
      }).join("\n");
    }
    this.text = lower;
    this.starts = starts;
  }

  /* Whether *word* is a whole word of any text. */
  Scan.prototype.has = function (word) {
    var text = this.text, at = text.indexOf(word);
    while (at >= 0) {
      var end = at + word.length;
      if ((at === 0 || !isWordChar(text.charCodeAt(at - 1))) &&
          (end === text.length || !isWordChar(text.charCodeAt(end)))) {
        return true;
      }
      at = text.indexOf(word, at + 1);
    }
    return false;
  };

  /* Give every record with a word beginning with *prefix* (the query word's stem) *weight*,
   * a little less when its first such word is longer than the query's. */
  Scan.prototype.find = function (prefix, word, weight, scores) {
    var text = this.text, starts = this.starts, size = prefix.length;
    var id = 0, at = text.indexOf(prefix);
    while (at >= 0) {
      if (at > 0 && isWordChar(text.charCodeAt(at - 1))) {
        at = text.indexOf(prefix, at + 1);
        continue;
      }
      while (starts[id + 1] <= at) {
        id++;
      }
      var end = at + size;
      while (end < text.length && isWordChar(text.charCodeAt(end))) {
        end++;
      }
      var found = end === at + size ? prefix : text.slice(at, end);
      var whole = found === prefix || found === word || stem(found) === prefix;
      var score = whole ? weight : weight * 0.85;
      if (score > scores[id]) {
        scores[id] = score;
      }
      at = text.indexOf(prefix, starts[id + 1]);  // one match per record is enough
    }
  };

  /* The words of *text* name what a reader means (an area, a muscle, a glossary name). */
  Index.prototype.name = function (text) {
    var named = this.named;
    if (!named.has(text)) {
      named.add(text);
      wordList(text).forEach(function (word) {
        if (!STOP.has(word) && !WEAK_WORDS.has(word)) {
          named.add(word);
          named.add(stem(word));
        }
      });
    }
  };

  /* How much query word *word* counts toward the query's meaning. */
  Index.prototype.importance = function (word) {
    return WEAK_WORDS.has(word) ? WEAK : this.named.has(word) || this.named.has(stem(word)) ? NAMED : 1;
  };

  /* Whether *word* (or its stem) is a whole word somewhere in the data: then it is not a typo. */
  Index.prototype.knows = function (word) {
    var root = stem(word);
    return this.ids.has(word) || this.ids.has(root) || [this.cues, this.summaries, this.bodies].some(function (scan) {
      return scan.has(word) || (root !== word && scan.has(root));
    });
  };

  /* Record *id* has the terms *slugs* of *vocabulary*: their names (and anatomical names). */
  Index.prototype.terms = function (vocabulary, slugs, weight, id) {
    var names = this.names[vocabulary];
    for (var i = 0; slugs && i < slugs.length; i++) {
      var term = names[slugs[i]];
      if (term) {
        this.share(term.name, weight, id);
        if (term.anatomical) {
          this.share(term.anatomical, weight, id);
        }
      }
    }
  };

  /* The number of a token in the index, a new one if it is not there yet. */
  Index.prototype.number = function (token) {
    var number = this.ids.get(token);
    if (number === undefined) {
      number = this.postIds.length;
      this.ids.set(token, number);
      this.postIds.push([]);
      this.postWeights.push([]);
      this.textsOf.push([]);
      this.best.push(0);
      this.isPlain.push(0);
      this.lastId.push(-1);
    }
    return number;
  };

  /* The token numbers of a text, each token's and its stem's: each word, the pieces of a
   * hyphenated word joined, and two neighbouring words joined ("childs pose": "childspose").
   * One loop without callbacks: it runs for every title, alias and shared text as the page opens. */
  Index.prototype.numbers = function (text) {
    var folded = fold(text);
    var words = NON_ASCII.test(folded) ? folded.match(ANY_WORD) : folded.match(ASCII_WORD);
    var out = [], previous = null;
    for (var w = 0; words && w < words.length; w++) {
      var word = words[w], first = word, last = word;
      if (word.indexOf("-") < 0) {
        this.put(word, false, out);
      } else {
        var parts = word.split("-");
        for (var k = 0; k < parts.length; k++) {
          this.put(parts[k], false, out);
        }
        this.put(parts.join(""), true, out);
        first = parts[0];
        last = parts[parts.length - 1];
      }
      if (previous !== null) {
        this.put(previous + first, true, out);
      }
      previous = last;
    }
    return out;
  };

  /* Add the numbers of *token* and of its stem to *out*; a *joined* token is not a plain word. */
  Index.prototype.put = function (token, joined, out) {
    var known = this.known.get(token);  // a word seen before: its numbers, no stem or lookup again
    if (!known) {
      var root = stem(token);
      known = root === token ? [this.number(token)] : [this.number(token), this.number(root)];
      this.known.set(token, known);
    }
    for (var i = 0; i < known.length; i++) {
      out.push(known[i]);
      if (!joined) {
        this.isPlain[known[i]] = 1;
      }
    }
  };

  /* Record *id* has the title or alias *text*, with *weight*; the best weight per record counts. */
  Index.prototype.field = function (text, weight, id) {
    var numbers = this.numbers(text);
    for (var i = 0; i < numbers.length; i++) {
      var number = numbers[i], weights = this.postWeights[number];
      if (this.lastId[number] === id) {  // records are added in order: this one is last
        if (weights[weights.length - 1] < weight) {
          weights[weights.length - 1] = weight;
        }
      } else {
        this.postIds[number].push(id);
        weights.push(weight);
        this.lastId[number] = id;
      }
      if (this.best[number] < weight) {
        this.best[number] = weight;
      }
    }
  };

  /* Record *id* has the shared *text* (a term name, a glossary name) with *weight*. */
  Index.prototype.share = function (text, weight, id) {
    var number = this.shared.get(text);
    if (number === undefined) {
      number = this.sharedIds.length;
      this.shared.set(text, number);
      this.sharedIds.push([]);
      this.sharedWeights.push([]);
      this.sharedBest.push(0);
      var self = this;
      var tokens = this.numbers(text);
      tokens.forEach(function (token) {
        var texts = self.textsOf[token];
        if (texts[texts.length - 1] !== number) {
          texts.push(number);
        }
      });
      this.sharedTokens.push(tokens);
    }
    var ids = this.sharedIds[number], weights = this.sharedWeights[number];
    if (this.sharedBest[number] < weight) {  // rare: a text's weight rises once or twice
      this.sharedBest[number] = weight;
      var shared = this.sharedTokens[number];
      for (var i = 0; i < shared.length; i++) {
        if (this.best[shared[i]] < weight) {
          this.best[shared[i]] = weight;
        }
      }
    }
    if (ids[ids.length - 1] === id) {
      weights[weights.length - 1] = Math.max(weights[weights.length - 1], weight);
    } else {
      ids.push(id);
      weights.push(weight);
    }
  };

  Index.prototype.add = function (record, id) {
    var i, list;
    this.field(record.title, TITLE, id);
    for (i = 0, list = record.aliases || []; i < list.length; i++) {
      this.field(list[i], ALIAS, id);
    }
    for (i = 0, list = record.keywords || []; i < list.length; i++) {
      this.share(list[i], KEYWORD, id);
      this.name(list[i]);
    }
    this.terms("areas", record.areas, record.kind === "exercise" ? AREA : TERM, id);
    this.terms("equipment", record.equipment, TERM, id);
    this.terms("levels", [record.level], TERM, id);
    this.terms("types", record.type ? [record.type] : record.types, TERM, id);
    this.terms("positions", record.position ? [record.position] : record.positions, TERM, id);
    this.terms("goals", [record.goal], TERM, id);
    this.terms("muscles", record.muscles, record.kind === "exercise" ? TERM : SECONDARY, id);
    this.terms("muscles", record.secondary_muscles, SECONDARY, id);
    for (i = 0, list = record.steps || []; i < list.length; i++) {
      var step = this.bySlug[list[i]];
      if (step) {
        this.share(step.title, SECONDARY, id);
      }
    }
  };

  /* The tokens a query word matches, each with how well: exact 1, a longer word it begins
   * (prefix) less, a word a typo or two away (fuzzy) less again. */
  Index.prototype.candidates = function (word) {
    var self = this;
    var found = new Map();
    function offer(token, quality) {
      if (!(found.get(token) >= quality)) {
        found.set(token, quality);
      }
    }
    [word, stem(word)].forEach(function (exact) {
      if (self.ids.has(exact)) {
        offer(exact, 1);
      }
    });
    // Prefix: the words that begin with this one, then joined words if no word does.
    var least = word.length === 1 ? TERM : word.length === 2 ? CUE : 0;  // short words: names only
    var before = found.size;
    this.prefixed(this.tokens, word, least, offer);
    if (found.size === before && word.length >= 4) {
      this.prefixed(this.joins, word, least, offer);
    }
    // Typos: two letters swapped in a word of 4 letters ("nekc"), one edit from 5, two from 8.
    // A word being typed may also be a typo away from the beginning of a longer one.
    if (word.length >= 4 && !WEAK_WORDS.has(word) && !(word.length <= SHORT && this.knows(word))) {
      var limit = word.length >= 8 ? 2 : 1;
      var first = word.charCodeAt(0);
      this.nearby(word, limit).forEach(function (token) {
        if (found.has(token)) {
          return;
        }
        var d = distance(word, token, limit);
        if (d <= limit && (word.length > 4 || swapped(word, token))) {
          offer(token, d === 1 ? 0.72 : 0.5);
        } else if (prefixDistance <= limit && token.length > word.length && token.charCodeAt(0) === first) {
          offer(token, prefixDistance === 1 ? 0.6 : 0.42);
        }
      });
    }
    return found;
  };

  /* The words that may be *limit* typos from *word* or from a beginning of theirs: those of
   * nearly its length, and those with its first letter. The others need not be measured. */
  Index.prototype.nearby = function (word, limit) {
    var fuzzy = this.fuzzy, first = word.charAt(0), out = [];
    var lo = this.firstAt(first), hi = this.firstAt(String.fromCharCode(first.charCodeAt(0) + 1));
    for (var i = lo; i < hi; i++) {
      out.push(fuzzy[i]);
    }
    var n = Math.min(word.length, 60);
    for (var length = Math.max(1, n - limit); length <= n + limit; length++) {
      var same = this.fuzzyByLength.get(length) || [];
      for (i = 0; i < same.length; i++) {
        if (same[i].charAt(0) !== first) {
          out.push(same[i]);
        }
      }
    }
    return out;
  };

  /* Where the first of the sorted fuzzy words not before *text* is. */
  Index.prototype.firstAt = function (text) {
    var fuzzy = this.fuzzy, lo = 0, hi = fuzzy.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (fuzzy[mid] < text) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  };

  /* Offer each token of the sorted *tokens* that begins with *word* (a binary search to the
   * first, then on while they match), the closer to the word's length the better. */
  Index.prototype.prefixed = function (tokens, word, least, offer) {
    var lo = 0, hi = tokens.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (tokens[mid] < word) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (var i = lo; i < tokens.length && tokens[i].startsWith(word); i++) {
      var token = tokens[i];
      if (token !== word && this.best[this.ids.get(token)] >= least) {
        offer(token, 0.9 * (0.5 + 0.5 * word.length / token.length));
      }
    }
  };

  /* Scores of every record for one query word (kept while the reader types on): its best
   * token match times where it was found, or a word in the body that begins with it, plus a
   * share (FURTHER_FIELD) of what it scores in each further place (title, terms, cues, ...). */
  Index.prototype.wordScores = function (word) {
    var cached = this.cache.get(word);
    if (cached) {
      this.cache.delete(word);
      this.cache.set(word, cached);  // most recent last
      return cached;
    }
    var self = this, n = this.records.length;
    var fields = new Map();  // weight (one per kind of place) -> each record's best score there
    function field(weight) {
      var found = fields.get(weight);
      if (!found) {
        found = new Float32Array(n);
        fields.set(weight, found);
      }
      return found;
    }
    var tokens = this.candidates(word);
    function mark(ids, weights, quality) {
      for (var k = 0; k < ids.length; k++) {
        var scores = field(weights[k]), score = weights[k] * quality;
        if (score > scores[ids[k]]) {
          scores[ids[k]] = score;
        }
      }
    }
    tokens.forEach(function (quality, token) {
      var number = self.ids.get(token);
      mark(self.postIds[number], self.postWeights[number], quality);
      self.textsOf[number].forEach(function (text) {
        mark(self.sharedIds[text], self.sharedWeights[text], quality);
      });
    });
    var prefix = word.length >= 3 ? stem(word) : "";
    if (prefix) {
      this.cues.find(prefix, word, CUE, field(CUE));
      this.summaries.find(prefix, word, SUMMARY, field(SUMMARY));
      this.bodies.find(prefix, word, TEXT, field(TEXT));
    }
    var best = new Float32Array(n), sum = new Float32Array(n);
    fields.forEach(function (scores) {
      for (var id = 0; id < n; id++) {
        sum[id] += scores[id];
        if (scores[id] > best[id]) {
          best[id] = scores[id];
        }
      }
    });
    var scores = best, count = 0, areas = this.areaWords.get(word) || this.areaWords.get(stem(word));
    for (var id = 0; id < n; id++) {
      if (best[id] > 0) {
        scores[id] = best[id] + FURTHER_FIELD * (sum[id] - best[id]);
        var works = this.records[id].areas;
        if (areas && works && !areas.some(function (area) {
          return works.indexOf(area) >= 0;
        })) {
          scores[id] *= OFF_AREA;
        }
        count++;
      }
    }
    var entry = { scores: scores, count: count, tokens: tokens, prefix: prefix };
    this.cache.set(word, entry);
    if (this.cache.size > CACHE) {
      this.cache.delete(this.cache.keys().next().value);
    }
    return entry;
  };

  /* Every record's score for the query words. Returns the ids that match, best first, whether
   * the first matches every word, and what matched, for highlighting. */
  Index.prototype.search = function (words) {
    var n = this.records.length, self = this;
    var total = new Float64Array(n);
    var hits = new Uint8Array(n);
    var matched = { tokens: new Set(), prefixes: [] };
    var perWord = words.map(function (word) {
      var entry = self.wordScores(word);
      entry.tokens.forEach(function (_, token) {
        matched.tokens.add(token);
      });
      if (entry.prefix) {
        matched.prefixes.push(entry.prefix);
      }
      // A word most records hold counts for less than a rare one; a word that names a body
      // area or a situation counts more than one that sets the scene ("after").
      var importance = self.importance(word);
      return { scores: entry.scores, weight: Math.log(1 + n / (entry.count + 1)) * importance,
        weak: importance === WEAK };
    });
    // Two query words may be one word in the text: "fore arm" finds "forearm".
    for (var w = 0; w + 1 < words.length; w++) {
      var joined = words[w] + words[w + 1];
      [joined, stem(joined)].forEach(function (token) {
        var number = self.ids.get(token);
        if (number === undefined) {
          return;
        }
        matched.tokens.add(token);
        var left = Float32Array.from(perWord[w].scores);  // copies: the cached scores stay as they are
        var right = Float32Array.from(perWord[w + 1].scores);
        [[self.postIds[number], self.postWeights[number]]].concat(self.textsOf[number].map(function (text) {
          return [self.sharedIds[text], self.sharedWeights[text]];
        })).forEach(function (list) {
          for (var k = 0; k < list[0].length; k++) {
            var half = list[1][k] / 2, id = list[0][k];
            left[id] = Math.max(left[id], half);
            right[id] = Math.max(right[id], half);
          }
        });
        perWord[w].scores = left;
        perWord[w + 1].scores = right;
      });
    }
    // Ranked by how much of the query's meaning a record holds: each word's score times its
    // weight, summed. A record must hold a word that is more than scene-setting, if there is one.
    var strong = new Uint8Array(n), anyStrong = perWord.some(function (word) {
      return !word.weak;
    });
    perWord.forEach(function (word) {
      var scores = word.scores, weight = word.weight;
      for (var id = 0; id < n; id++) {
        if (scores[id] > 0) {
          total[id] += scores[id] * weight;
          hits[id]++;
          if (!word.weak) {
            strong[id] = 1;
          }
        }
      }
    });
    var ids = [];
    for (var id = 0; id < n; id++) {
      if (hits[id] > 0 && (strong[id] || !anyStrong)) {
        ids.push(id);
      }
    }
    var rank = this.rank;
    function better(a, b) {
      return total[b] - total[a] || rank[a] - rank[b];
    }
    ids.sort(better);
    // A title or alias holding the query as a phrase: only the leaders can be lifted by it.
    var top = ids.slice(0, 100);
    top.forEach(function (id) {
      total[id] += self.phraseBonus(id, words);
    });
    top.sort(better);
    ids = top.concat(ids.slice(100));
    return { ids: ids, matched: matched, complete: ids.length > 0 && hits[ids[0]] === words.length };
  };

  /* Extra for a title or alias that holds the query's words in order, the last one begun, and
   * for a glossary name of the record ("back pain") that the query holds whole. */
  Index.prototype.phraseBonus = function (id, words) {
    var best = 0, record = this.records[id];
    function significant(text) {  // little words left out, as from the query: "knee to chest" is "knee chest"
      return wordList(text).filter(function (word) {
        return !STOP.has(word);
      });
    }
    if (!this.phrases[id]) {
      this.phrases[id] = [record.title].concat(record.aliases || []).map(significant);
      this.glossed[id] = (record.keywords || []).map(function (name) {
        return significant(name).map(stem);
      }).filter(function (name) {
        return name.length > 1;
      });
    }
    var query = words.map(stem);
    this.glossed[id].forEach(function (name) {
      if (holdsPhrase(query, name)) {
        best = Math.max(best, KEYWORD * name.length);
      }
    });
    this.phrases[id].forEach(function (have, which) {
      for (var start = 0; start + words.length <= have.length; start++) {
        var ok = true;
        for (var k = 0; k < words.length && ok; k++) {
          var part = have[start + k], word = words[k];
          ok = part === word || stem(part) === stem(word) || (k === words.length - 1 && part.startsWith(word));
        }
        if (ok) {
          var bonus = (which === 0 ? 6 : 5) * words.length + (start === 0 ? 3 : 0);
          best = Math.max(best, bonus + (have.length === words.length ? 4 : 0));
        }
      }
    });
    return best;
  };

  /* The glossary's advice for the symptoms the query names ("pins and needles in my hand"). */
  Index.prototype.adviceFor = function (query) {
    var have = wordList(query).map(stem);
    return this.advice.filter(function (entry) {
      return entry.words.some(function (name) {
        return holdsPhrase(have, name);
      });
    });
  };

  /* *ids* with the records an advice entry leads to (what the glossary chose as gentle and
   * relevant for that symptom) first, each part in its order. */
  Index.prototype.lift = function (ids, advice) {
    var records = this.records, names = new Set();
    advice.forEach(function (entry) {
      entry.names.forEach(function (name) {
        names.add(name);
      });
    });
    function chosen(id) {
      return (records[id].keywords || []).some(function (name) {
        return names.has(name);
      });
    }
    return ids.filter(chosen).concat(ids.filter(function (id) {
      return !chosen(id);
    }));
  };

  /* Search for made-up words (a prefix, a typo) and forget them: the engine compiles the
   * search before the first key is pressed. */
  Index.prototype.warm = function () {
    this.search(["stretc"]);
    this.search(["sholdre", "nek"]);
    this.cache.clear();
    // The words of every title, alias and glossary name, which the leaders of a search are
    // compared with: read now, not at the reader's first keys.
    for (var id = 0; id < this.records.length; id++) {
      this.phraseBonus(id, ["stretc"]);
    }
  };

  /* The words of titles, aliases and shared texts, with how many records have each. */
  Index.prototype.suggestable = function () {
    if (!this.words) {
      var words = new Map(), self = this;
      this.tokens.forEach(function (token) {
        var number = self.ids.get(token), count = self.postIds[number].length;
        self.textsOf[number].forEach(function (text) {
          count += self.sharedIds[text].length;
        });
        if (count) {
          words.set(token, count);
        }
      });
      this.words = words;
    }
    return this.words;
  };

  /* A close spelling for a query that found nothing: each word that matched nothing replaced
   * by the nearest word of a title, alias, name or keyword. */
  Index.prototype.suggest = function (words) {
    var self = this;
    var changed = false;
    var out = words.map(function (word) {
      if (self.wordScores(word).count) {
        return word;
      }
      var limit = Math.max(2, Math.floor(word.length / 3));
      var best = null, bestDistance = limit + 1, bestCount = 0;
      self.suggestable().forEach(function (count, candidate) {
        var d = distance(word, candidate, limit);
        if (d <= limit && (d < bestDistance || (d === bestDistance && count > bestCount))) {
          best = candidate;
          bestDistance = d;
          bestCount = count;
        }
      });
      if (best) {
        changed = true;
        return best;
      }
      return word;
    });
    return changed ? out.join(" ") : "";
  };

  /* The query's words, the records it finds (ids best first, what matched) and the safety
   * advice it calls for, whose records come first: the one ranking of the page and the boxes. */
  function rank(index, query) {
    var words = query ? queryWords(query) : [];
    var found = words.length ? index.search(words) :
      { ids: index.order, matched: { tokens: new Set(), prefixes: [] }, complete: true };
    var advice = words.length ? index.adviceFor(query) : [];
    if (advice.length) {
      found.ids = index.lift(found.ids, advice);
    }
    return { words: words, found: found, advice: advice };
  }

  var loading = new Map();  // search data URL -> the promise of its index

  /* The index of the search data at *url*, fetched and built once per page. */
  function loadIndex(url) {
    if (!loading.has(url)) {
      loading.set(url, fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          if (!data || data.version !== 1 || !Array.isArray(data.records)) {
            throw new Error("unknown search data");
          }
          return new Index(data);
        }));
    }
    return loading.get(url);
  }

  // --- filters -------------------------------------------------------------------------------

  function minutes(seconds) {
    return Math.max(1, Math.ceil(seconds / 60));
  }

  function allIn(values, allowed) {
    return values.length > 0 && values.every(function (value) {
      return allowed(value);
    });
  }

  /* The facets, in page order. `values` gives a record's values; "any" facets let a record
   * through when it has one of the chosen values, "all" facets when it has every one. */
  function facets(index) {
    var terms = index.data.terms;
    function household(record) {
      return record.kind !== "page" && allIn(record.equipment || [], function (slug) {
        return (index.names.equipment[slug] || {}).household === true;
      });
    }
    function options(vocabulary) {
      return terms[vocabulary].map(function (term) {
        return [term.slug, term.name];
      });
    }
    return [
      { key: "area", label: "Body area", options: options("areas"), values: function (r) {
        return r.areas || [];
      } },
      { key: "equipment", label: "Equipment", options: options("equipment"), values: function (r) {
        return r.equipment || [];
      } },
      { key: "level", label: "Level", options: options("levels"), values: function (r) {
        return r.kind === "page" ? [] : [r.level];
      } },
      { key: "type", label: "Type", options: options("types"), values: function (r) {
        return r.type ? [r.type] : r.types || [];
      } },
      { key: "position", label: "Position", options: options("positions"), values: function (r) {
        return r.position ? [r.position] : r.positions || [];
      } },
      { key: "time", label: "Time needed", options: [["5", "5 min or less"], ["10", "5 to 10 min"],
        ["20", "10 to 20 min"]], values: function (r) {
        if (!r.time) {
          return [];
        }
        var m = minutes(r.time);
        return m <= 5 ? ["5"] : m <= 10 ? ["10"] : m <= 20 ? ["20"] : [];
      } },
      { key: "only", label: "Good to know", mode: "all", options: [["household", "Nothing to buy"],
        ["desk", "Desk-friendly"]], values: function (r) {
        if (!household(r)) {
          return [];
        }
        var positions = r.position ? [r.position] : r.positions || [];
        var desk = allIn(positions, function (slug) {
          return (index.names.positions[slug] || {}).desk === true;
        });
        return desk ? ["household", "desk"] : ["household"];
      } },
    ].map(function (facet) {
      facet.mode = facet.mode || "any";
      facet.index = new Map(facet.options.map(function (option, i) {
        return [option[0], i];
      }));
      facet.records = index.records;
      facet.of = null;  // worked out when first filtered or counted, not as the page opens
      return facet;
    });
  }

  /* For each record, the indexes of the options of *facet* it has. */
  function optionsOf(facet) {
    if (!facet.of) {
      var records = facet.records, of = new Array(records.length);
      for (var id = 0; id < records.length; id++) {
        var values = facet.values(records[id]), have = [];
        for (var k = 0; k < values.length; k++) {
          var i = facet.index.get(values[k]);
          if (i !== undefined) {
            have.push(i);
          }
        }
        of[id] = have;
      }
      facet.of = of;
    }
    return facet.of;
  }

  /* Whether record *id* passes *facet* with the option indexes in *chosen* (none: it passes). */
  function passes(facet, chosen, id) {
    if (!chosen.length) {
      return true;
    }
    var have = optionsOf(facet)[id];
    for (var i = 0; i < chosen.length; i++) {
      var has = have.indexOf(chosen[i]) >= 0;
      if (has && facet.mode === "any") {
        return true;
      }
      if (!has && facet.mode === "all") {
        return false;
      }
    }
    return facet.mode === "all";
  }

  // --- the page ------------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /* Whether a word on the page is one the query matched (a token, or a body word it begins). */
  function isMatch(word, matched) {
    var folded = fold(word);
    var parts = folded.indexOf("-") < 0 ? [folded] : folded.split("-").concat([folded.replace(/-/g, "")]);
    return parts.some(function (part) {
      if (!part) {
        return false;
      }
      if (matched.tokens.has(part) || matched.tokens.has(stem(part))) {
        return true;
      }
      return matched.prefixes.some(function (prefix) {
        return part.startsWith(prefix);
      });
    });
  }

  /* *text* as text nodes, with each matched word wrapped in <mark>: never parsed as HTML. */
  function highlighted(text, matched) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    text.replace(DISPLAY_WORD, function (word, offset) {
      if (isMatch(word, matched)) {
        if (offset > last) {
          fragment.appendChild(document.createTextNode(text.slice(last, offset)));
        }
        fragment.appendChild(el("mark", "", word));
        last = offset + word.length;
      }
      return word;
    });
    if (last < text.length) {
      fragment.appendChild(document.createTextNode(text.slice(last)));
    }
    return fragment;
  }

  /* Where the first word of *text* the query matched starts, or -1. */
  function firstMatch(text, matched) {
    DISPLAY_WORD.lastIndex = 0;
    var match;
    while ((match = DISPLAY_WORD.exec(text))) {
      if (isMatch(match[0], matched)) {
        return match.index;
      }
    }
    return -1;
  }

  function holds(text, matched) {
    return firstMatch(text, matched) >= 0;
  }

  /* The matched words of *text*, folded. */
  function matchedWords(text, matched) {
    var out = [];
    text.replace(DISPLAY_WORD, function (word) {
      if (isMatch(word, matched)) {
        out.push(stem(fold(word)));
      }
      return word;
    });
    return out;
  }

  /* A short window of *text* around its first matched word, cut at spaces. Only body words
   * that begin with a query word can match there (the body is not in the index). */
  function excerpt(text, matched) {
    var lower = text.toLowerCase();
    if (!matched.prefixes.some(function (prefix) {
      return lower.indexOf(prefix) >= 0;
    })) {
      return "";
    }
    var at = firstMatch(text, matched);
    if (at < 0) {
      return "";
    }
    var start = at < 60 ? 0 : text.lastIndexOf(" ", at - 50) + 1;
    var end = text.indexOf(" ", Math.min(text.length, start + 200));
    end = end < 0 ? text.length : end;
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function Page(index) {
    this.index = index;
    this.facets = facets(index);
    this.input = document.getElementById("search-q");
    this.form = document.getElementById("search-form");
    this.list = document.getElementById("search-results");
    this.status = document.getElementById("search-status");
    this.live = document.getElementById("search-live");
    this.more = document.getElementById("search-more");
    this.empty = document.getElementById("search-empty");
    this.suggestion = document.getElementById("search-suggestion");
    this.suggestionLink = document.getElementById("search-suggestion-link");
    this.advice = document.getElementById("search-advice");
    this.showButton = document.getElementById("search-show");
    this.filterCount = document.getElementById("search-filter-count");
    this.filters = document.getElementById("search-filters");
    this.title = document.title;
    this.shown = PAGE_SIZE;
    this.typing = false;  // a run of keystrokes shares one history entry
    this.pending = 0;  // the timer that will put the search in the address
    this.pendingPush = false;
    this.announce = 0;
    this.boxes = [];
    this.counts = [];
    this.buildFacets(document.getElementById("search-facets"));
    this.bind();
  }

  Page.prototype.buildFacets = function (holder) {
    var self = this;
    this.facets.forEach(function (facet, f) {
      var set = el("fieldset", "search__facet");
      set.appendChild(el("legend", "", facet.label));
      var boxes = [], counts = [];
      facet.options.forEach(function (option, i) {
        var label = el("label", "search__option");
        var box = el("input");
        box.type = "checkbox";
        box.name = facet.key;
        box.value = option[0];
        box.addEventListener("change", function () {
          self.shown = PAGE_SIZE;
          self.typing = false;
          self.run(true);
        });
        var count = el("span", "search__count", "");
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + option[1] + " "));
        label.appendChild(count);
        set.appendChild(label);
        boxes[i] = box;
        counts[i] = count;
      });
      self.boxes[f] = boxes;
      self.counts[f] = counts;
      holder.appendChild(set);
    });
    var clear = el("button", "search__clear", "Clear filters");
    clear.type = "button";
    clear.addEventListener("click", function () {
      self.boxes.forEach(function (boxes) {
        boxes.forEach(function (box) {
          box.checked = false;
        });
      });
      self.typing = false;
      self.run(true);
    });
    holder.appendChild(clear);
    this.clear = clear;
  };

  Page.prototype.bind = function () {
    var self = this;
    this.input.addEventListener("input", function () {
      self.shown = PAGE_SIZE;
      self.run(!self.typing, true);
      self.typing = true;
    });
    // Leaving for a result: the address must already hold the query, for the back button.
    this.list.addEventListener("click", function () {
      self.flush();
    }, true);
    window.addEventListener("pagehide", function () {
      self.flush();
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.typing = false;
      self.run(false);
    });
    this.input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = self.list.querySelector("a");
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    this.list.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") {
        return;
      }
      var links = Array.prototype.slice.call(self.list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) {
        return;
      }
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) {
        self.input.focus();
      } else if (next < links.length) {
        links[next].focus();
      }
    });
    document.getElementById("search-more-button").addEventListener("click", function () {
      var before = self.shown;
      self.shown += PAGE_SIZE;
      self.run(null);
      var links = self.list.querySelectorAll("a");
      if (links[before]) {
        links[before].focus();
      }
    });
    this.suggestionLink.addEventListener("click", function (event) {
      event.preventDefault();
      self.input.value = self.suggestionLink.dataset.query || "";
      self.typing = false;
      self.run(true);
      self.input.focus();
    });
    // "Show N results": the filters close and the first result (or the box) takes the focus.
    this.showButton.addEventListener("click", function () {
      self.filters.open = false;
      var first = self.list.querySelector("a");
      (first || self.input).focus();
    });
    this.filters.addEventListener("toggle", function () {
      if (self.filters.open) {
        self.run(null);  // the counts, now they can be seen
      }
    });
    window.addEventListener("popstate", function () {
      window.clearTimeout(self.pending);
      self.pending = 0;
      self.pendingPush = false;
      self.fromURL();
      self.typing = false;
      self.run(null);
    });
  };

  /* Set the box and the filters from the address: ?q=words&area=neck&time=5 ... */
  Page.prototype.fromURL = function () {
    var params = new URLSearchParams(window.location.search);
    this.input.value = (params.get("q") || "").slice(0, 200);
    var self = this;
    this.facets.forEach(function (facet, f) {
      var wanted = params.getAll(facet.key);
      self.boxes[f].forEach(function (box) {
        box.checked = wanted.indexOf(box.value) >= 0;
      });
    });
  };

  Page.prototype.address = function () {
    var params = new URLSearchParams();
    var query = this.input.value.trim();
    if (query) {
      params.set("q", query);
    }
    var self = this;
    this.facets.forEach(function (facet, f) {
      self.boxes[f].forEach(function (box) {
        if (box.checked) {
          params.append(facet.key, box.value);
        }
      });
    });
    var search = params.toString();
    return window.location.pathname + (search ? "?" + search : "");
  };

  /* Search and show. *push*: true adds a history entry, false replaces it, null leaves it;
   * *typed*: the address follows once typing pauses (updating it takes longer than a search). */
  Page.prototype.run = function (push, typed) {
    var index = this.index, self = this;
    var query = this.input.value.trim();
    var ranked = rank(index, query), words = ranked.words, found = ranked.found, advice = ranked.advice;
    var chosen = this.boxes.map(function (boxes) {
      var on = [];
      boxes.forEach(function (box, i) {
        if (box.checked) {
          on.push(i);
        }
      });
      return on;
    });
    var filtering = chosen.some(function (on) {
      return on.length > 0;
    });
    var results = filtering ? this.filter(found.ids, chosen) : words.length ? found.ids : [];
    this.showAdvice(advice);
    this.show(results, found.matched, words, query, filtering, found.complete);
    if (this.filters.open) {  // the counts are worked out only when they can be seen
      this.showCounts(this.count(found.ids, chosen), chosen);
    }
    this.showChosen(chosen);
    if (push !== null) {
      this.pendingPush = this.pendingPush || push;
      window.clearTimeout(this.pending);
      this.pending = window.setTimeout(function () {
        self.flush();
      }, typed ? 400 : 0);
      if (!typed) {
        this.flush();
      }
    }
  };

  /* The records of *ids* that pass every facet, in order. */
  Page.prototype.filter = function (ids, chosen) {
    var facets = this.facets;
    return ids.filter(function (id) {
      for (var f = 0; f < facets.length; f++) {
        if (!passes(facets[f], chosen[f], id)) {
          return false;
        }
      }
      return true;
    });
  };

  /* For each option, how many of *ids* it would show: a record counts for an option when it
   * passes every other facet, as if that option alone were chosen in its own. */
  Page.prototype.count = function (ids, chosen) {
    var facets = this.facets;
    var counts = facets.map(function (facet) {
      return new Array(facet.options.length).fill(0);
    });
    ids.forEach(function (id) {
      var failed = -1, failures = 0;
      for (var f = 0; f < facets.length && failures < 2; f++) {
        if (!passes(facets[f], chosen[f], id)) {
          failed = f;
          failures++;
        }
      }
      for (f = 0; f < facets.length; f++) {
        if (failures === 0 || (failures === 1 && failed === f)) {
          var have = optionsOf(facets[f])[id];
          for (var i = 0; i < have.length; i++) {
            counts[f][have[i]]++;
          }
        }
      }
    });
    return counts;
  };

  /* Put the query and the filters in the address and the title; a run of keystrokes makes
   * one history entry, so the back button goes back a search at a time. */
  Page.prototype.flush = function () {
    if (!this.pending) {
      return;
    }
    window.clearTimeout(this.pending);
    this.pending = 0;
    var url = this.address();
    if (url !== window.location.pathname + window.location.search) {
      window.history[this.pendingPush ? "pushState" : "replaceState"](null, "", url);
    }
    this.pendingPush = false;
    var query = this.input.value.trim();
    document.title = query ? "“" + query + "” · " + this.title : this.title;
  };

  Page.prototype.showCounts = function (counts, chosen) {
    var self = this;
    this.facets.forEach(function (facet, f) {
      facet.options.forEach(function (_, i) {
        var count = counts[f][i], text = "(" + count + ")";
        if (self.counts[f][i].textContent !== text) {
          self.counts[f][i].textContent = text;
        }
        var on = chosen[f].indexOf(i) >= 0;
        self.boxes[f][i].parentNode.classList.toggle("is-empty", count === 0 && !on);
      });
    });
  };

  /* How many filters are on, beside the Filters heading. */
  Page.prototype.showChosen = function (chosen) {
    var active = chosen.reduce(function (sum, on) {
      return sum + on.length;
    }, 0);
    this.filterCount.textContent = active ? "(" + active + " on)" : "";
    this.clear.hidden = active === 0;
  };

  /* The safety advice for what the query names, above the results, with the safety page's link. */
  Page.prototype.showAdvice = function (entries) {
    var key = entries.map(function (entry) {
      return entry.text;
    }).join("\n");
    if (key === this.adviceKey) {
      return;
    }
    this.adviceKey = key;
    var box = document.createDocumentFragment();
    if (entries.length) {
      box.appendChild(el("p", "search__advice-title", "Please read this first"));
      entries.forEach(function (entry) {
        box.appendChild(el("p", "", entry.text));
      });
      var more = el("p"), link = el("a", "", "Read the safety page");
      link.href = /^(?:\/|https?:)/.test(this.index.adviceUrl) ? this.index.adviceUrl : "#";
      more.appendChild(link);
      box.appendChild(more);
    }
    this.advice.replaceChildren(box);
    this.advice.hidden = !entries.length;
  };

  Page.prototype.show = function (ids, matched, words, query, filtering, complete) {
    var self = this;
    // The same results with the same words marked (a key that changes nothing): keep the list.
    var key = ids.slice(0, this.shown).join(" ") + "|" + Array.from(matched.tokens).sort().join(" ") +
      "|" + matched.prefixes.join(" ");
    if (key !== this.shownKey) {
      var list = document.createDocumentFragment();
      ids.slice(0, this.shown).forEach(function (id) {
        list.appendChild(self.result(self.index.records[id], matched));
      });
      this.list.replaceChildren(list);
      this.shownKey = key;
    }
    this.more.hidden = ids.length <= this.shown;
    var nothing = ids.length === 0 && (words.length > 0 || filtering);
    this.empty.hidden = !nothing;
    var suggestion = nothing && words.length ? this.index.suggest(words) : "";
    this.suggestion.hidden = !suggestion;
    if (suggestion) {
      this.suggestionLink.textContent = suggestion;
      this.suggestionLink.dataset.query = suggestion;
      var params = new URLSearchParams(window.location.search);
      params.set("q", suggestion);
      this.suggestionLink.href = window.location.pathname + "?" + params.toString();
    }
    var text;
    if (!words.length && !filtering) {
      text = "Type a word, or choose a filter.";
    } else if (!ids.length) {
      text = query ? "No results for “" + query + "”" + (filtering ? " with these filters." : ".") :
        "Nothing matches these filters.";
    } else {
      text = ids.length + (ids.length === 1 ? " result" : " results") + (query ? " for “" + query + "”" : "") +
        (complete ? "." : " (not every word matched).");
    }
    this.showButton.textContent = ids.length ? "Show " + ids.length + (ids.length === 1 ? " result" : " results") :
      "Show results";
    // The count shows at once; the live region speaks it once typing pauses, not at every key.
    this.status.textContent = text;
    window.clearTimeout(this.announce);
    this.announce = window.setTimeout(function () {
      self.live.textContent = text;
    }, 400);
    if (!this.marked && ids.length && performance.mark) {
      performance.mark("limber-search:results");  // the first results, for bench/search_bench.py
      this.marked = true;
    }
  };

  Page.prototype.result = function (record, matched) {
    var index = this.index;
    var item = el("li", "search-result search-result--" + record.kind);
    var heading = el("h2", "search-result__title");
    var link = el("a");
    link.href = /^(?:\/|https?:)/.test(record.url) ? record.url : "#";
    link.appendChild(highlighted(record.title, matched));
    heading.appendChild(link);
    item.appendChild(heading);
    var facts = [KIND_NAMES[record.kind] || ""];
    if (record.time) {
      facts.push("About " + minutes(record.time) + " min");
    }
    if (record.level) {
      facts.push((index.names.levels[record.level] || {}).name || record.level);
    }
    if (record.equipment) {
      facts.push(record.equipment.map(function (slug) {
        return (index.names.equipment[slug] || {}).name || slug;
      }).join(", "));
    }
    item.appendChild(el("p", "search-result__facts", facts.filter(Boolean).join(" · ")));
    var inTitle = matchedWords(record.title, matched);
    var alias = (record.aliases || []).filter(function (a) {
      return matchedWords(a, matched).some(function (word) {
        return inTitle.indexOf(word) < 0;
      });
    })[0];
    if (alias) {  // an alias the query found and the title alone does not explain
      var also = el("p", "search-result__alias", "Also called ");
      also.appendChild(highlighted(alias, matched));
      item.appendChild(also);
    }
    var snippet = record.summary;
    if (!holds(snippet, matched)) {
      var cue = (record.cues || []).filter(function (c) {
        return holds(c, matched);
      })[0];
      snippet = cue || excerpt(record.text || "", matched) || record.summary;
    }
    var p = el("p", "search-result__snippet");
    p.appendChild(highlighted(snippet, matched));
    item.appendChild(p);
    return item;
  };

  // --- a search box elsewhere: the first few results as the reader types ----------------------

  var SUGGESTED = 5;  // results shown under a search box; the search page shows them all

  /* A combobox (ARIA 1.2): the box keeps the focus, the arrow keys choose an option of the list
   * under it, Enter opens the chosen one (or, with none chosen, the search page), Escape closes
   * the list. A polite status says how many were found once typing pauses. */
  function Box(form, number) {
    var self = this;
    this.form = form;
    this.input = form.querySelector("input[name=q]");
    this.index = null;
    this.options = [];  // {url, node} for each option shown
    this.active = -1;
    this.announce = 0;
    var id = (this.input.id || "search-box-" + number) + "-list";
    this.list = el("ul", "search-box__list");
    this.list.id = id;
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", "Results as you type");
    this.list.hidden = true;
    this.live = el("p", "visually-hidden");
    this.live.setAttribute("role", "status");
    this.live.setAttribute("aria-live", "polite");
    form.appendChild(this.list);
    form.appendChild(this.live);
    var input = this.input;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-expanded", "false");
    function load() {
      loadIndex(form.getAttribute("data-index")).then(function (index) {
        self.index = index;
        if (document.activeElement === input) {
          self.update();
        }
      }, function () {
        self.close();  // without the data, the box still goes to the search page on Enter
      });
    }
    input.addEventListener("focus", load);
    input.addEventListener("input", function () {
      if (self.index) {
        self.update();
      } else {
        load();
      }
    });
    input.addEventListener("keydown", function (event) {
      self.key(event);
    });
    input.addEventListener("blur", function () {
      self.close();
    });
    // A press on an option keeps the focus in the box; letting go opens it.
    this.list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    this.list.addEventListener("click", function (event) {
      var node = event.target.closest("[role=option]");
      var at = self.options.findIndex(function (option) {
        return option.node === node;
      });
      if (at >= 0) {
        self.open(at);
      }
    });
  }

  /* The search page's address for the words in the box. */
  Box.prototype.searchURL = function (query) {
    var params = new URLSearchParams();
    params.set("q", query);
    return this.form.getAttribute("action") + "?" + params.toString();
  };

  /* Search for what is in the box and list the first results, the safety advice first when
   * the words call for it, and last a way to every result on the search page. */
  Box.prototype.update = function () {
    var query = this.input.value.trim(), index = this.index;
    if (!query || !index) {
      this.close();
      return;
    }
    var ranked = rank(index, query), ids = ranked.found.ids, matched = ranked.found.matched;
    var options = [];
    if (ranked.advice.length) {
      options.push({ url: index.adviceUrl, title: "Please read the safety advice first", facts: "Safety",
        kind: "advice" });
    }
    ids.slice(0, SUGGESTED).forEach(function (id) {
      var record = index.records[id];
      options.push({ url: record.url, title: record.title, facts: KIND_NAMES[record.kind] || "", matched: matched });
    });
    var count = ids.length + (ids.length === 1 ? " result" : " results");
    options.push({ url: this.searchURL(query), facts: "",
      title: ids.length ? "See all " + count + " for “" + query + "”" : "Search the guide for “" + query + "”" });
    this.show(options);
    var text = ids.length ? count + ", the first " + Math.min(ids.length, SUGGESTED) +
      " listed. Arrow keys to choose, Enter to open." : "No results listed. Enter searches the guide.";
    var self = this;
    window.clearTimeout(this.announce);
    this.announce = window.setTimeout(function () {
      self.live.textContent = text;
    }, 400);
  };

  Box.prototype.show = function (options) {
    var list = document.createDocumentFragment(), id = this.list.id;
    this.options = options.map(function (option, i) {
      var node = el("li", "search-box__option" + (option.kind ? " search-box__option--" + option.kind : ""));
      node.id = id + "-" + i;
      node.setAttribute("role", "option");
      node.setAttribute("aria-selected", "false");
      var title = el("span", "search-box__title");
      if (option.matched) {
        title.appendChild(highlighted(option.title, option.matched));
      } else {
        title.textContent = option.title;
      }
      node.appendChild(title);
      if (option.facts) {
        node.appendChild(el("span", "search-box__facts", option.facts));
      }
      list.appendChild(node);
      return { url: option.url, node: node };
    });
    this.list.replaceChildren(list);
    this.list.hidden = false;
    if (!this.marked && performance.mark) {
      performance.mark("limber-search:box");  // the first results under the box, for bench/search_bench.py
      this.marked = true;
    }
    this.input.setAttribute("aria-expanded", "true");
    this.choose(-1);
  };

  Box.prototype.close = function () {
    window.clearTimeout(this.announce);
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.choose(-1);
  };

  /* Mark option *at* as chosen (-1: none, the box itself). */
  Box.prototype.choose = function (at) {
    if (this.options[this.active]) {
      this.options[this.active].node.setAttribute("aria-selected", "false");
    }
    this.active = at;
    var option = this.options[at];
    if (option) {
      option.node.setAttribute("aria-selected", "true");
      this.input.setAttribute("aria-activedescendant", option.node.id);
      if (option.node.scrollIntoView) {
        option.node.scrollIntoView({ block: "nearest" });
      }
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  Box.prototype.open = function (at) {
    var url = this.options[at].url;
    if (/^(?:\/|https?:)/.test(url)) {
      window.location.assign(url);
    }
  };

  Box.prototype.key = function (event) {
    var shown = !this.list.hidden, n = this.options.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!shown) {
        this.update();
        return;
      }
      var step = event.key === "ArrowDown" ? 1 : -1;
      this.choose(((this.active + 1 + step + n + 1) % (n + 1)) - 1);  // past either end: the box
    } else if (event.key === "Enter" && shown && this.active >= 0) {
      event.preventDefault();
      this.open(this.active);
    } else if (event.key === "Escape" && shown) {
      event.preventDefault();
      this.close();
    }
  };

  // --- start ---------------------------------------------------------------------------------

  /* The search page: the fallback for readers without JavaScript hidden, the search shown. */
  function startPage() {
    var fallback = document.getElementById("search-fallback");
    var app = document.getElementById("search-app");
    var status = document.getElementById("search-status");
    if (fallback) {
      fallback.hidden = true;
    }
    app.hidden = false;
    status.textContent = "Loading the search…";

    loadIndex(root.getAttribute("data-index"))
      .then(function (index) {
        var page = new Page(index);
        if (performance.mark) {
          performance.mark("limber-search:ready");
        }
        var typed = page.input.value;
        page.fromURL();
        if (typed && !page.input.value) {
          page.input.value = typed;  // typed while the data loaded
        }
        page.run(null);
        root.setAttribute("data-ready", "true");
        // While the reader reads, run the search once so the first keystroke finds it compiled.
        (window.requestIdleCallback || window.setTimeout)(function () {
          page.index.warm();
        });
      })
      .catch(function () {
        status.textContent = "Search could not load. Browse the guide instead:";
        document.getElementById("search-empty").hidden = false;
      });
  }

  if (root) {
    startPage();
  }
  Array.prototype.forEach.call(boxes, function (form, number) {
    return new Box(form, number);
  });
})();
