/* Limber offline worker: keeps the guide readable without a connection.
 *
 * Loaded by the site's sw.js, which the build makes (limber/render/offline_files.py) with the settings in
 * self.LIMBER_OFFLINE: the version, the scope, the pages and files to save on install, the
 * offline page and how long to wait for the network. What it does:
 * - pages: from the network first, so a reader online always gets the current page; each page
 *   that arrives is saved. Without a network, or when it takes longer than the timeout, the
 *   saved copy is shown, marked so that offline.js shows a note with a way to try again
 *   (data-offline-copy="offline" or "slow" on <html>). A page never saved: the offline page.
 * - assets/ (content-hashed names, so a name's bytes never change): from the saved copy first.
 * - anything else on the site (the search data, figures, pictures): the saved copy at once if
 *   there is one, fetched again in the background to be current next time. A picture neither
 *   saved nor reachable is answered with an empty one.
 * - with an exercise's or a routine's page, its player data and the pictures that names, so the
 *   player works offline for what was read (settings.companion).
 * Caches are named after the scope, so two sites on one host keep apart. Files go into one
 * cache per version; visited pages into one cache across versions. A new version saves its
 * files and fetches the visited pages again (they link the new assets), then, once it takes
 * over, deletes the older versions' caches.
 */
(function () {
  "use strict";

  var settings = self.LIMBER_OFFLINE;
  var PREFIX = "limber " + settings.scope + " ";
  var FILES = PREFIX + settings.version;
  var PAGES = PREFIX + "pages";
  var KEPT = [FILES, PAGES];
  var COPY = "data-offline-copy";  // read by offline.js
  var EMPTY_PICTURE = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>";

  function pageRequest(url) {
    return new Request(url, { cache: "no-cache", credentials: "same-origin" });
  }

  function isPage(response) {
    return response && response.ok && response.type === "basic" &&
      (response.headers.get("Content-Type") || "").indexOf("text/html") === 0;
  }

  /* Fetch each visited page again into the pages cache; a page that cannot be fetched keeps its copy. */
  function refreshPages(urls) {
    return caches.open(PAGES).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return fetch(pageRequest(url)).then(function (response) {
          if (isPage(response) && !response.redirected) {
            return cache.put(url, response).then(function () { return saveCompanion(url); });
          }
          if (response.status === 404 || response.status === 410) {
            return cache.delete(url);  // the page was taken down
          }
          return undefined;
        }, function () {});
      }));
    });
  }

  /* What the pages cache holds that is a page (not a page's data file or picture). */
  function pageUrls(cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return cache.match(request).then(function (response) {
          return isPage(response) ? request.url : null;
        });
      }));
    }).then(function (urls) {
      return urls.filter(Boolean);
    });
  }

  /* Each picture a data file names (the values of its settings.companion.picture keys). */
  function pictures(data, found) {
    if (data && typeof data === "object") {
      Object.keys(data).forEach(function (key) {
        var value = data[key];
        if (key === settings.companion.picture && typeof value === "string") {
          found.push(value);
        } else {
          pictures(value, found);
        }
      });
    }
    return found;
  }

  /* With an exercise's or routine's page, its data file (the player's) and the pictures it names. */
  function saveCompanion(pageUrl) {
    var companion = settings.companion;
    var path = new URL(pageUrl).pathname;
    var under = companion.under.some(function (folder) {
      return path.indexOf(folder) === 0 && path.length > folder.length && path.slice(-1) === "/";
    });
    if (!under) {
      return Promise.resolve();
    }
    var url = pageUrl + companion.file;
    return Promise.all([caches.open(PAGES), fetch(pageRequest(url))]).then(function (found) {
      var cache = found[0], response = found[1];
      if (!response.ok) {
        return undefined;
      }
      return response.clone().json().then(function (data) {
        return cache.put(url, response).then(function () {
          return Promise.all(pictures(data, []).map(function (picture) {
            return fetch(picture).then(function (image) {
              return image.ok ? cache.put(picture, image) : undefined;
            });
          }));
        });
      });
    }).catch(function () {});
  }

  self.addEventListener("install", function (event) {
    event.waitUntil(caches.open(FILES).then(function (cache) {
      var files = settings.pages.concat(settings.precache, [settings.manifest]);
      return cache.addAll(files.map(pageRequest));
    }).then(function () {
      return caches.open(PAGES);
    }).then(pageUrls).then(refreshPages));
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && KEPT.indexOf(name) < 0;
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.clients.claim();
    }).then(function () {
      // The page open when the worker first started came from the network unseen: save it too.
      return self.clients.matchAll({ type: "window" });
    }).then(function (windows) {
      return refreshPages(windows.map(function (client) {
        return client.url.split(/[?#]/)[0];
      }).filter(function (url) {
        return new URL(url).pathname.indexOf(settings.scope) === 0;
      }));
    }));
  });

  self.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.kind === "activate") {
      self.skipWaiting();
    } else if (data.kind === "saved" && event.source) {
      event.waitUntil(savedPages().then(function (pages) {
        event.source.postMessage({ kind: "saved", pages: pages });
      }));
    }
  });

  var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&#34;": "\"" };

  /* The visited pages, each with the title of its <h1>, in the order they were saved. */
  function savedPages() {
    return caches.open(PAGES).then(function (cache) {
      return pageUrls(cache).then(function (urls) {
        return Promise.all(urls.map(function (url) {
          return cache.match(url).then(function (response) {
            return response.text();
          }).then(function (text) {
            var heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(text);
            var title = heading ? heading[1].replace(/<[^>]*>/g, "").replace(/&[#a-z0-9]+;/g, function (entity) {
              return ENTITIES[entity] || entity;
            }).trim() : "";
            return { url: url, title: title || new URL(url).pathname };
          });
        }));
      });
    }).then(function (pages) {
      return pages.filter(function (page) {
        return page.url !== new URL(settings.offline, self.location.href).href;
      });
    });
  }

  /* A saved page, marked so that offline.js says it is the saved copy. */
  function markedCopy(response, why) {
    return response.text().then(function (text) {
      var headers = new Headers(response.headers);
      headers.delete("Content-Length");
      return new Response(text.replace(/<html(?=[\s>])/i, "<html " + COPY + "=\"" + why + "\""), {
        status: 200,
        headers: headers
      });
    });
  }

  function savedCopy(url) {
    var options = { ignoreSearch: true };
    return caches.open(PAGES).then(function (cache) {
      return cache.match(url, options);
    }).then(function (found) {
      return found || caches.open(FILES).then(function (cache) {
        return cache.match(url, options);
      });
    });
  }

  function offlinePage() {
    return caches.open(FILES).then(function (cache) {
      return cache.match(settings.offline);
    }).then(function (found) {
      return found || Response.error();
    });
  }

  /* Network first, for pages: the saved copy only without a network or after the timeout. */
  function page(event) {
    var url = event.request.url;
    var key = url.split(/[?#]/)[0];  // one copy of each page: its address without a query
    var network = fetch(url, { cache: "no-cache", credentials: "same-origin", redirect: "manual" });
    event.waitUntil(network.then(function (response) {
      if (isPage(response)) {
        var copy = response.clone();
        return caches.open(PAGES).then(function (cache) {
          return cache.put(key, copy);
        }).then(function () {
          return saveCompanion(key);
        });
      }
      return undefined;
    }, function () {}));
    var timer;
    var fromNetwork = network.then(function (response) {
      clearTimeout(timer);
      return response;
    }, function () {
      clearTimeout(timer);
      return savedCopy(key).then(function (found) {
        return found ? markedCopy(found, "offline") : offlinePage();
      });
    });
    var slow = new Promise(function (resolve) {
      timer = setTimeout(resolve, settings.timeout);
    }).then(function () {
      return savedCopy(key).then(function (found) {
        // Nothing saved: wait for the network after all.
        return found ? markedCopy(found, "slow") : fromNetwork;
      });
    });
    return Promise.race([fromNetwork, slow]);
  }

  /* Saved copy first: a content-hashed file never changes. */
  function hashed(request) {
    return caches.match(request).then(function (found) {
      return found || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(FILES).then(function (cache) { return cache.put(request, copy); });
        }
        return response;
      });
    });
  }

  /* The saved copy at once if there is one, and a fresh one saved for next time. */
  function current(event) {
    var request = event.request;
    var fresh = fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        return caches.open(FILES).then(function (cache) {
          return cache.put(request, copy);
        }).then(function () { return response; });
      }
      return response;
    });
    event.waitUntil(fresh.catch(function () {}));
    return caches.match(request, { ignoreVary: true }).then(function (found) {
      return found || fresh.catch(function (error) {
        // A picture not saved (a figure further down a page, never shown): an empty one, so the
        // page keeps its layout; anything else fails as it would without the worker.
        if (request.destination === "image") {
          return new Response(EMPTY_PICTURE, { headers: { "Content-Type": "image/svg+xml" } });
        }
        throw error;
      });
    });
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    var url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin ||
        url.pathname.indexOf(settings.scope) !== 0) {
      return;
    }
    if (request.mode === "navigate") {
      event.respondWith(page(event));
    } else if (url.pathname.indexOf(settings.assets) === 0) {
      event.respondWith(hashed(request));
    } else {
      event.respondWith(current(event));
    }
  });
})();
