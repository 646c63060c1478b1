/* Limber offline: registers the worker that keeps the guide readable without a connection.
 *
 * The page's <script> tag names the worker (data-worker) and its scope (data-scope), both made
 * by the build (limber/views/offline.py). This file:
 * - registers the worker, except in the editors' live preview (its pages carry
 *   <meta name="limber-preview">, see limber/serve/overlay.py), where a worker would keep old
 *   pages and fight the live reload; there it removes any worker left from a built site;
 * - on a page the worker took from the saved copies (it marks them with data-offline-copy on
 *   <html>, see offline-worker.js), shows the note from <template id="offline-copy"> (or
 *   "offline-slow") at the top of the page, with a button that tries the network again;
 * - when a new version of the worker is installed and waiting, shows "offline-update", whose
 *   button lets the new worker take over and reloads the page;
 * - on the offline page, lists the pages saved on this device (the worker knows them).
 * No inline script, no eval: it works under the pages' Content-Security-Policy.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) {
    return;
  }
  var workerUrl = script.getAttribute("data-worker");
  var scope = script.getAttribute("data-scope");
  var container = navigator.serviceWorker;

  /* Put the note from <template id="name"> at the top of the page's main part (once). */
  function showNote(name) {
    var template = document.getElementById(name);
    var main = document.getElementById("main");
    if (!template || !main || document.querySelector("[data-offline-shown='" + name + "']")) {
      return null;
    }
    var note = template.content.firstElementChild.cloneNode(true);
    note.setAttribute("data-offline-shown", name);
    main.insertBefore(note, main.firstChild);
    return note;
  }

  function listSaved(pages) {
    var list = document.getElementById("offline-saved");
    if (!list) {
      return;
    }
    var shown = {};
    Array.prototype.forEach.call(list.querySelectorAll("a"), function (link) {
      shown[link.href] = true;
    });
    pages.forEach(function (page) {
      var url = new URL(page.url, location.href).href;
      if (shown[url]) {
        return;
      }
      shown[url] = true;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = url;
      link.textContent = page.title;
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function whenReady() {
    var copy = document.documentElement.getAttribute("data-offline-copy");
    if (copy === "offline" || copy === "slow") {
      showNote("offline-" + (copy === "offline" ? "copy" : "slow"));
    }
    document.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (target && target.closest("[data-offline-retry]")) {
        location.reload();
      }
    });
    if (document.getElementById("offline-saved") && container.controller) {
      container.addEventListener("message", function (event) {
        if (event.data && event.data.kind === "saved") {
          listSaved(event.data.pages);
        }
      });
      container.controller.postMessage({ kind: "saved" });
    }
  }

  /* The new worker is installed and waits for the old one's pages to close: offer to switch. */
  function offerUpdate(worker) {
    var note = showNote("offline-update");
    if (!note) {
      return;
    }
    note.querySelector("[data-offline-reload]").addEventListener("click", function () {
      var reloading = false;
      container.addEventListener("controllerchange", function () {
        if (!reloading) {
          reloading = true;
          location.reload();
        }
      });
      worker.postMessage({ kind: "activate" });
    });
  }

  function register() {
    container.register(workerUrl, { scope: scope }).then(function (registration) {
      if (registration.waiting && container.controller) {
        offerUpdate(registration.waiting);
      }
      registration.addEventListener("updatefound", function () {
        var installing = registration.installing;
        if (!installing) {
          return;
        }
        installing.addEventListener("statechange", function () {
          if (installing.state === "installed" && container.controller) {
            offerUpdate(installing);
          }
        });
      });
    }, function () {
      // Not registered (a private window, storage turned off): the site works as before.
    });
  }

  if (document.querySelector('meta[name="limber-preview"]')) {
    container.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) {
        registration.unregister();
      });
    });
    return;
  }
  whenReady();
  register();
})();
