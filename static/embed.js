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
  if (window.CampaignWidget) return; // included twice: the first copy does the work

  var VERSION = "__CW_VERSION__";
  var WASM = "__CW_WASM__";
  var WASM_INTEGRITY = "__CW_WASM_INTEGRITY__";
  // This release's content-hashed names of the files the widget loads later
  // (Leaflet's, and the widget's CSS where it is linked), space-separated.
  var ASSETS = "__CW_ASSETS__";
  var TAG = "campaign-widget";
  var DIV_SELECTOR = "[data-campaign-widget]";
  var ATTRIBUTES = ["lang", "config", "sections", "now", "theme"];
  var mark = function (name) {
    if (window.performance && performance.mark) performance.mark("campaign-widget:" + name);
  };
  mark("loader-start");

  var script = document.currentScript;
  var base = new URL(".", (script && script.src) || location.href).href;
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
  function glue() {
    /*__CW_GLUE__*/
    return wasm_bindgen;
  }

  // The wasm is fetched as soon as the first placeholder asks, and checked
  // against the hash the build wrote above (a tampered file is refused).
  function load() {
    if (!loading) {
      var wasmDate = null;
      var wasm = fetch(base + WASM, { integrity: WASM_INTEGRITY }).then(function (response) {
        wasmDate = serverDate(response);
        return response;
      });
      // A failed download is reported through `loading` below; this keeps it
      // from also surfacing as an unhandled rejection.
      wasm.catch(function () {});
      // Inside a promise, so that nothing the glue does can throw into the page.
      loading = Promise.resolve().then(function () {
        var widget = glue();
        return widget({ module_or_path: wasm }).then(function () {
          mark("wasm-ready");
          widget.setAssetBase(base, ASSETS);
          dates.forEach(function (date) { widget.observeServerDate(date[0], date[1]); });
          loaded = widget;
          if (wasmDate) wasmDate(); // its body is in: the timing entry is complete
          return widget;
        });
      });
    }
    return loading;
  }

  // A `config` URL is fetched here, in parallel with the wasm, rather than by the
  // widget once it has loaded: one round trip less before the first render.
  // Same rules as the widget's: http(s) only, no credentials, 10 s, 256 KB
  // (the widget's limits::CONFIG_BYTES). Resolves to { text } or { failure },
  // failure being a code the widget turns into a message in its language
  // (src/embed/mod.rs, fetch_error).
  var CONFIG_TIMEOUT_SECONDS = 10, CONFIG_BYTES = 256 * 1024;
  function fetchConfig(element) {
    var attribute = element.getAttribute((element.localName === TAG ? "" : "data-") + "config");
    // An inline JSON config wins over the URL, which is then not fetched.
    if (!attribute || !attribute.trim() ||
        element.querySelector(":scope > script[type='application/json']")) return Promise.resolve({});
    var url = null;
    try { url = new URL(attribute.trim(), document.baseURI); } catch (invalid) { /* refused below */ }
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
        return { text: text };
      });
    }).catch(function () {
      return { failure: controller.signal.aborted ? "timeout " + CONFIG_TIMEOUT_SECONDS : "failed" };
    }).then(settled);
  }

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
    return Promise.all([load(), fetchConfig(element)]).then(function (results) {
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
    },
    /** The Vietnamese lunar date of a YYYY-MM-DD day as the widget writes it in
     *  `lang` ("10/3 âm lịch"); resolves to undefined for another text or a day
     *  outside 1899–2200. */
    lunarDate: function (day, lang) {
      return load().then(function (glue) { return glue.lunarDate(String(day), lang || "vi"); });
    }
  });
})();
