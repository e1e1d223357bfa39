/*! campaign-widget loader. The one file a page references:
 *    <campaign-widget lang="vi"></campaign-widget>
 *    <script src="…/embed.js" async></script>
 * It carries the wasm-bindgen glue (inlined at build time by `cargo xtask
 * stamp-loader`) and finds the .wasm next to itself, checked against its hash, so
 * dist/ works from any path and any origin and an SRI-pinned embed.js pins all the
 * code. Safe with async or defer, before or after the placeholders, and when
 * included twice. It never throws into the host page. */
(function () {
  "use strict";
  // Included twice: the first copy does the work. Its API has a version; an
  // element with id="CampaignWidget" (a webmaster's wrapper, which the browser
  // also exposes as window.CampaignWidget) has none.
  if (window.CampaignWidget && window.CampaignWidget.version) return;

  var VERSION = "__CW_VERSION__";
  var WASM = "__CW_WASM__";
  var WASM_INTEGRITY = "__CW_WASM_INTEGRITY__";
  // What this script shares with the wasm, stamped in by the build from the
  // widget's core crate (crates/core/src/shared.rs): this release's
  // content-hashed names of the files the widget loads later ("leaflet.js" is
  // "leaflet-<hash>.js"), the config size limit, the section names and the
  // default tiles.
  var SHARED = {/*__CW_SHARED__*/};
  var TAG = "campaign-widget";
  var DIV_SELECTOR = "[data-campaign-widget]";
  var ATTRIBUTES = ["lang", "config", "sections", "now", "theme", "campaign"];
  var mark = function (name) {
    if (window.performance && performance.mark) performance.mark("campaign-widget:" + name);
  };
  mark("loader-start");

  // Where this script came from, so that dist/ is found next to it however its
  // tag reached the page: written in the HTML or inserted as a <script src>
  // (document.currentScript); fetched and run as text by jQuery's .append() or
  // $.getScript, a tag manager or a CMS's optimiser (currentScript then has no
  // src, and the download's Resource Timing entry names the URL); or failing
  // both, a <script src> of the page that ends in /embed.js. null when nothing
  // names it: the widget then says so (NO_BASE) instead of asking the page's
  // own server for its files.
  function ownUrl() {
    var script = document.currentScript, found = script && script.src;
    var urls = [].map.call((window.performance && performance.getEntriesByType &&
      performance.getEntriesByType("resource")) || [], function (entry) { return entry.name; })
      .concat([].map.call(document.querySelectorAll("script[src]"), function (tag) { return tag.src; }));
    for (var i = 0; !found && i < urls.length; i++) if (/\/embed\.js([?#]|$)/.test(urls[i])) found = urls[i];
    return found;
  }
  var own = ownUrl();
  var base = own && new URL(".", own).href;
  var NO_BASE = "cannot tell where embed.js was loaded from: load it with <script src>";
  var loading = null;
  var loaded = null; // the glue, once the wasm is ready: unmount is then synchronous

  // ---- What the widget needs (README, "Browser support") ----
  // A module of 69 bytes (base64) using each WebAssembly feature the build
  // emits (tests/engines/features.test.mjs checks both sides): multi-value,
  // bulk memory (memory.copy), sign extension (i32.extend8_s), non-trapping
  // float-to-int (i32.trunc_sat_f32_s) and reference types (ref.null extern).
  // Safari 15, Chrome 96 and Firefox 79 validate it; an older engine could not
  // compile the widget.
  var WASM_FEATURES = "AGFzbQEAAAABCwJgAAJ/f2ABfwF/AwMCAAEFAwEAAQokAgYAQQFBAgsbACAAwEMAAAAA/ABqQQBBAEEA/AoAANBv0WoL";
  var unsupported; // computed once: what this browser lacks, or "" when nothing
  function lacking() {
    if (unsupported === undefined) {
      var missing = [];
      try {
        if (!WebAssembly.validate(Uint8Array.from(atob(WASM_FEATURES), function (c) { return c.charCodeAt(0); }))) throw 0;
      } catch (no) {
        missing.push("WebAssembly (Safari 15, Chrome 96, Firefox 79)");
      }
      // Every engine that validates the probe also has fetch, AbortController,
      // WeakMap and queueMicrotask; shadow DOM can still be turned off.
      if (!Element.prototype.attachShadow) missing.push("shadow DOM");
      unsupported = missing.join(", ");
    }
    return unsupported;
  }

  // The wasm is asked for here, before the rest of this script is run, when a
  // placeholder is already in the page: on a slow phone the rest of the script
  // and the first mount take 100 to 200 ms (Chromium, CPU 4x), which the
  // download now overlaps (`load` and what it calls are declared below; the
  // glue runs a microtask later, after this script).
  if (document.querySelector(TAG + ", " + DIV_SELECTOR) && !lacking()) load();

  // ---- Server time ----
  // The Date header of a response the widget made lets it notice a wrong device
  // clock. Cross-origin it is readable only where the server exposes it
  // (Access-Control-Expose-Headers: Date); a config from the page's own origin
  // always is. A response from the browser's cache carries the Date of its first
  // download, so one known to come from the cache (nothing transferred, though
  // its body was measured) is not used; the widget keeps the freshest of the rest.
  var dates = [];
  var dateNoted = false;
  function serverDate(response) {
    var header = response.headers.get("date");
    if (!header) return null;
    var receivedAt = Date.now();
    return function () {
      var timing = window.performance && performance.getEntriesByName &&
        performance.getEntriesByName(response.url).pop();
      if (timing && timing.transferSize === 0 && timing.decodedBodySize > 0) return;
      dates.push([header, receivedAt]);
      if (loaded) loaded.observeServerDate(header, receivedAt);
    };
  }
  function noteDates() {
    if (dates.length || dateNoted) return;
    dateNoted = true;
    if (window.console) console.warn("campaign-widget: no readable Date header to check the device clock " +
      "(serve dist/ with Access-Control-Expose-Headers: Date)");
  }

  // The wasm-bindgen glue (`--target no-modules`), inlined here at build time:
  // no second script to fetch before the wasm can start.
  // The glue's `L.…` calls (the leaflet crate binds `L`) reach this `L`, not
  // the page's global: the page's Leaflet 1.x, or the widget's own, which its
  // leaflet-….js hands over on its <script> element after giving the page its
  // `window.L` back. src/map/load.rs offers each through useLeaflet; the first
  // Leaflet 1.x offered stays (a page that loads its own later does not swap it
  // under a live map), and a page's Leaflet 0.7 or other `L` is never used.
  function glue() {
    var L;
    // eslint-disable-next-line no-unused-vars -- called by the glue's import
    function useLeaflet(leaflet) {
      if (!L && leaflet && /^1\./.test(leaflet.version)) L = leaflet;
      return !!L;
    }
    // The device clock was set, or the device slept, since the server's time
    // was read (src/clock.rs): read it again, from this script's own URL (a
    // GET: browsers report a HEAD's empty body as an aborted request).
    // eslint-disable-next-line no-unused-vars -- called by the glue's import
    function checkServerTime() {
      fetch(base + "embed.js", { cache: "no-store" }).then(function (response) {
        var date = serverDate(response);
        if (date) date();
      }, function () {});
    }
    // With reduced motion, `map`'s pans (arrow keys, a popup brought into view)
    // jump instead of gliding: Leaflet animates them unless told not to.
    // eslint-disable-next-line no-unused-vars -- called by the glue's import
    function panWithoutAnimation(map) {
      var panBy = map.panBy;
      map.panBy = function (offset, options) {
        return panBy.call(this, offset, L.extend({}, options, { animate: false }));
      };
    }
    // The share button (src/page.rs): the device's share sheet where there is
    // one, else the link copied. A share refused other than by the visitor
    // (an in-app browser's NotAllowedError) falls back to the copy too.
    // eslint-disable-next-line no-unused-vars -- called by the glue's import
    function shareLink(title, text, url) {
      var nav = navigator;
      function copy() {
        var clipboard = nav.clipboard;
        if (!clipboard || !clipboard.writeText) return "";
        return clipboard.writeText(url).then(function () {
          return "copied";
        }, function () {
          return "";
        });
      }
      if (!nav.share) return Promise.resolve(copy());
      return nav.share({ title: title, text: text, url: url }).then(function () {
        return "shared";
      }, function (error) {
        return error && error.name === "AbortError" ? "cancelled" : copy();
      });
    }
    /*__CW_GLUE__*/
    return wasm_bindgen;
  }

  // The wasm, compiled while it downloads and still checked against the hash
  // the build wrote above. With `integrity`, fetch resolves only at the last
  // byte (the whole file is hashed first), so compiling cannot overlap the
  // download. So the response is compiled as it arrives
  // (WebAssembly.compileStreaming: on a repeat view the browser's cached code
  // for its URL is used) while a clone of it is hashed (SHA-384, as SRI); the
  // module is handed over only when the hash matches, else refused as an
  // integrity failure. A server that sends the wasm under another type: the
  // module is compiled from the hashed bytes. Where crypto.subtle is missing
  // (outside a secure context, i.e. plain http) or compileStreaming, the fetch
  // with `integrity`, as before. `seen(response)` gets the response at its
  // headers. Resolves to a WebAssembly.Module or a verified Response.
  function fetchWasm(seen) {
    var url = base + WASM;
    var subtle = window.crypto && crypto.subtle;
    if (!subtle || !WebAssembly.compileStreaming) {
      return fetch(url, { integrity: WASM_INTEGRITY }).then(function (response) {
        seen(response);
        return response;
      });
    }
    return fetch(url).then(function (response) {
      seen(response);
      if (!response.ok) throw new Error("failed to fetch " + url + ": HTTP " + response.status);
      var bytes = response.clone().arrayBuffer();
      var compiled = WebAssembly.compileStreaming(response);
      // A module that failed to compile waits for the hash: a tampered file
      // is reported as such, not as a compile error.
      compiled.catch(function () {});
      return bytes.then(function (buffer) {
        return subtle.digest("SHA-384", buffer).then(function (digest) {
          var hash = "sha384-" + btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
          if (hash !== WASM_INTEGRITY) throw new Error("integrity: " + url + " is not the file this embed.js was built with");
          return compiled.catch(function () { return WebAssembly.compile(buffer); });
        });
      });
    });
  }

  // The wasm is fetched once: at the loader's start when a placeholder is already
  // in the page (above), else as soon as the first placeholder asks; and checked
  // against the hash the build wrote above (a tampered file is refused).
  function load() {
    if (!loading && !base) {
      loading = Promise.reject(new Error(NO_BASE));
      loading.catch(function () {}); // reported by each placeholder's mount
    }
    if (!loading) {
      var wasmDate = null;
      var wasm = fetchWasm(function (response) { wasmDate = serverDate(response); });
      // A failed download is reported through `loading` below; this keeps it
      // from also surfacing as an unhandled rejection.
      wasm.catch(function () {});
      // Inside a promise, so that nothing the glue does can throw into the page.
      loading = Promise.resolve().then(function () {
        var widget = glue();
        return widget({ module_or_path: wasm }).then(function () {
          mark("wasm-ready");
          // The hashed names in the order the wasm reads them (LATER_FILES).
          widget.setAssetBase(base, Object.values(SHARED.assets).join(" "));
          dates.forEach(function (date) { widget.observeServerDate(date[0], date[1]); });
          loaded = widget;
          if (wasmDate) wasmDate(); // its body is in: the timing entry is complete
          return widget;
        });
      });
    }
    return loading;
  }

  // An attribute of a placeholder: `name` on <campaign-widget>, `data-name` on a div.
  function attributeOf(element, name) {
    return element.getAttribute((element.localName === TAG ? "" : "data-") + name);
  }

  // The element's config, as text for the widget: { text }, or { failure } (a
  // code the widget turns into a message in its language: crates/core/src/error.rs,
  // Error::fetch_failed). In order:
  // - an inline <script type="application/json">, at any depth (an editor may
  //   have wrapped it in <p>);
  // - the `campaign` attribute: the config as base64url of its UTF-8 JSON, the
  //   form that survives CMS filters (crates/core/src/snippet.rs);
  // - a `config` URL, fetched here in parallel with the wasm rather than by the
  //   widget once loaded: one round trip less before the first render;
  // - else, when a filter stripped the <script> and left its JSON as visible
  //   text, a refusal: never the built-in campaign instead of the one written;
  // - else the built-in campaign, fetched from dist/ (its hashed name stamped
  //   in by the build): it is not in the wasm, so pages with a config of
  //   their own never download it.
  // Text is normalised to Unicode NFC (Vietnamese pasted from Word or macOS is
  // decomposed) and a UTF-8 byte order mark dropped.
  function configSource(element) {
    var inline = element.querySelector("script[type='application/json']");
    if (inline) return Promise.resolve({ text: nfc(inline.textContent) });
    var campaign = (attributeOf(element, "campaign") || "").trim();
    if (campaign) {
      var decoded = decodeCampaign(campaign);
      return Promise.resolve(decoded === null ? { failure: "campaign" } : { text: nfc(decoded) });
    }
    var attribute = (attributeOf(element, "config") || "").trim();
    if (attribute) return fetchConfig(attribute);
    // The fallback's own text, without the widget's rendering: quoted config keys
    // followed by ":" (straight or typographic quotes) are a config shown as text.
    if (/["\u201c\u201d]\s*(schema|keyDates|organization)\s*["\u201c\u201d]\s*:/.test(element.textContent || "")) {
      return Promise.resolve({ failure: "stripped" });
    }
    return base ? fetchConfig(base + SHARED.defaultCampaign) : Promise.resolve({ failure: "failed" });
  }

  function nfc(text) {
    text = String(text);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.normalize ? text.normalize("NFC") : text;
  }

  // base64url (RFC 4648 §5, padding optional) of UTF-8 → text, or null.
  function decodeCampaign(value) {
    try {
      var base64 = value.replace(/-/g, "+").replace(/_/g, "/");
      var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (damaged) {
      return null;
    }
  }

  // Same rules as the widget's: http(s) only, no credentials, 10 s, and the
  // widget's own size limit (limits::CONFIG_BYTES, 256 KB).
  var CONFIG_TIMEOUT_SECONDS = 10, CONFIG_BYTES = SHARED.configBytes;
  function fetchConfig(attribute) {
    var url = null;
    try { url = new URL(attribute, document.baseURI); } catch (invalid) { /* refused below */ }
    if (!url || !/^https?:$/.test(url.protocol)) return Promise.resolve({ failure: "url" });
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, CONFIG_TIMEOUT_SECONDS * 1000);
    var settled = function (result) { clearTimeout(timer); return result; };
    return fetch(url.href, { credentials: "omit", signal: controller.signal }).then(function (response) {
      if (!response.ok) return { failure: "status " + response.status };
      var declared = Number(response.headers.get("content-length"));
      if (declared > CONFIG_BYTES) { controller.abort(); return { failure: "large " + declared }; }
      var date = serverDate(response);
      return response.text().then(function (text) {
        if (date) date();
        return { text: nfc(text) };
      });
    }).catch(function () {
      return { failure: controller.signal.aborted ? "timeout " + CONFIG_TIMEOUT_SECONDS : "failed" };
    }).then(settled);
  }

  // --- The tile server early, when the map will be in view at once ---
  // The map's first view is a picture drawn from its tiles at the first render
  // (src/map/picture.rs); Leaflet loads only when the visitor reaches for the
  // map. So when the map section will be in view from the start, or within the
  // 300 px the widget's own lazy drawing looks ahead (src/hooks/use_leaflet_map.rs),
  // the loader opens the connection to the tile server at once: the tiles'
  // round trips for DNS, TCP and TLS happen while the wasm downloads. Nothing
  // of Leaflet is asked for here.
  // Where the map will be is guessed before anything renders: the placeholder's
  // top plus SECTION_HEIGHT for each section before the map. Measured in
  // Chromium at 1280 and 360 px wide: a one-line summary is 190 and 180 px high,
  // a countdown with one date 510 and 500 px; the default campaign's summary is
  // 860 and 1500 px, its countdown 910 and 1080 px. So the default campaign's map
  // counts as far below (it is), a map after a short section as near; a short
  // config's map after two sections may count as far while it is not, and then
  // its connection opens with the first tile, as it would without this.
  var SECTION_HEIGHT = 600, LOOK_AHEAD = 300, SECTIONS = SHARED.sections;
  var OSM_TILES = SHARED.osmTiles.url;
  var hinted = {};
  function preconnect(origin) {
    if (hinted[origin]) return;
    hinted[origin] = 1;
    var link = document.createElement("link");
    link.rel = "preconnect";
    link.href = origin;
    document.head.appendChild(link);
  }
  // `json`: the config's text.
  function mapSoon(element, json) {
    try {
      var sections = [];
      var attribute = attributeOf(element, "sections");
      var names = attribute && attribute.trim() ? attribute.split(",") : SECTIONS;
      for (var i = 0; i < names.length; i++) {
        var name = names[i].trim().toLowerCase();
        if (!name) continue;
        if (SECTIONS.indexOf(name) < 0) return; // the widget shows an error instead
        if (sections.indexOf(name) < 0) sections.push(name);
      }
      var before = sections.indexOf("map");
      var map = JSON.parse(json).map;
      if (before < 0 || !map || typeof map != "object") return;
      // No box at all (display: none, as in a closed tab or accordion): lazy.
      if (!element.getClientRects().length) return;
      if (element.getBoundingClientRect().top + before * SECTION_HEIGHT > innerHeight + LOOK_AHEAD) return;
      // {s}, {z}, … replaced to read the origin (Leaflet's first subdomain is "a").
      var tiles = (map.tiles && map.tiles.url) || OSM_TILES;
      preconnect(new URL(String(tiles).replace(/\{[^}]*\}/g, "a"), document.baseURI).origin);
    } catch (ignored) { /* a config the widget will refuse: it shows why, and no map */ }
  }
  // --- end of the tile server early ---

  function dispatch(element, name, detail) {
    try {
      element.dispatchEvent(new CustomEvent("campaign-widget:" + name, {
        bubbles: true, composed: true, detail: detail
      }));
    } catch (ignored) { /* a throwing listener must not break the page */ }
  }

  function report(element, error) {
    var message = (error && error.message) || String(error);
    if (window.console) console.error("campaign-widget: " + message);
    dispatch(element, "error", { message: message, path: "" });
  }

  // The latest render asked of each element: a config that arrives after a
  // re-mount or an unmount is dropped.
  var current = new WeakMap();
  var firstRender = false;

  // Loads the widget and the element's config in parallel, mounts, and once Yew
  // has rendered (on the microtask queue, so one microtask later) tells the page.
  function render(element) {
    var token = {};
    current.set(element, token);
    var widget = load();
    var config = configSource(element).then(function (result) {
      if (!result.failure) mapSoon(element, result.text);
      return result;
    });
    return Promise.all([widget, config]).then(function (results) {
      if (current.get(element) !== token || !element.isConnected) return;
      noteDates();
      var outcome = results[0].mount(element, results[1].text, results[1].failure);
      return Promise.resolve().then(function () {
        if (!firstRender) { firstRender = true; mark("first-render"); }
        if (current.get(element) !== token) return;
        if (outcome.message === undefined) dispatch(element, "ready", outcome);
        else dispatch(element, "error", outcome);
      });
    });
  }

  // Mounts once per connection; a disconnect followed by a reconnect in the same
  // task (a move in the DOM) keeps the widget.
  var mounted = new WeakMap();

  function mount(element) {
    if (mounted.has(element)) return mounted.get(element);
    // A browser that cannot run the widget keeps the placeholder's fallback
    // content: nothing is attached, and the page hears why.
    var done = lacking() ? Promise.reject(new Error("this browser cannot show the widget: it lacks " +
      lacking())) : render(element);
    done = done.then(function () {
      return handle(element);
    }).catch(function (error) {
      mounted.delete(element);
      report(element, error);
      throw error;
    });
    mounted.set(element, done);
    done.catch(function () {}); // reported above; never an unhandled rejection
    return done;
  }

  function unmount(element) {
    if (!mounted.has(element)) return false;
    mounted.delete(element);
    current.delete(element);
    if (loaded) loaded.unmount(element);
    else if (loading) loading.then(function (glue) { glue.unmount(element); }, function () {});
    return true;
  }

  function remount(element) {
    if (!mounted.has(element)) return;
    render(element).catch(function (error) { report(element, error); });
  }

  function handle(element) {
    return { element: element, unmount: function () { return unmount(element); } };
  }

  function disconnected(element) {
    queueMicrotask(function () { if (!element.isConnected) unmount(element); });
  }

  // Without custom elements (very old browsers) <campaign-widget> placeholders
  // are found by the scan below, to hear campaign-widget:error.
  if (!window.customElements) DIV_SELECTOR += ", " + TAG;
  if (window.customElements && !customElements.get(TAG)) {
    customElements.define(TAG, class extends HTMLElement {
      static get observedAttributes() { return ATTRIBUTES; }
      connectedCallback() { mount(this); }
      disconnectedCallback() { disconnected(this); }
      attributeChangedCallback(name, before, after) { if (before !== after) remount(this); }
    });
  }

  // <div data-campaign-widget>: mounted now, and when added or removed later.
  function scan(root) {
    if (root.matches && root.matches(DIV_SELECTOR)) mount(root);
    if (root.querySelectorAll) Array.prototype.forEach.call(root.querySelectorAll(DIV_SELECTOR), mount);
  }
  function watch() {
    scan(document);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, scan);
        Array.prototype.forEach.call(record.removedNodes, function (node) {
          if (node.nodeType !== 1) return;
          if (node.matches(DIV_SELECTOR)) disconnected(node);
          Array.prototype.forEach.call(node.querySelectorAll(DIV_SELECTOR), disconnected);
        });
        if (record.type === "attributes" && record.target.matches(DIV_SELECTOR)) remount(record.target);
      });
    }).observe(document.documentElement, {
      childList: true, subtree: true, attributes: true,
      attributeFilter: ATTRIBUTES.map(function (name) { return "data-" + name; })
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();

  window.CampaignWidget = Object.freeze({
    version: VERSION,
    /** Mounts into any element; `options` sets its attributes (lang, config, sections, now, theme). */
    mount: function (element, options) {
      var prefix = element.localName === TAG ? "" : "data-";
      Object.keys(options || {}).forEach(function (name) {
        if (ATTRIBUTES.indexOf(name) >= 0) element.setAttribute(prefix + name, String(options[name]));
      });
      // Placeholders re-read changed attributes by themselves; any other element
      // mounted by hand is re-mounted here when new options come.
      var watched = element.localName === TAG || element.matches(DIV_SELECTOR);
      if (options && !watched && mounted.has(element)) remount(element);
      return mount(element);
    },
    unmount: unmount,
    /** Checks a config (JSON text) with the widget's own rules: resolves to
     *  undefined when valid, else { message, path } in `lang` (vi or en). */
    validate: function (json, lang) {
      return load().then(function (glue) { return glue.validateConfig(String(json), lang || "vi"); });
    }
  });
})();
