/* The snippet builder's access to the widget's own snippet generator
 * (crates/core/src/snippet.rs, the same code `cargo xtask snippet` runs), compiled into a
 * wasm of its own (builder-generator.js and builder-generator_bg.wasm, made by
 * the post-build hook) so that no visitor of a page with the widget downloads it.
 *   CampaignBuilder.snippet(json, { target, distUrl, lang, sections, theme })
 *     -> Promise of { placeholder, site }, or { message, path } when refused;
 *   CampaignBuilder.lunarDate("YYYY-MM-DD", lang) -> Promise of "10/3 âm lịch". */
(function () {
  "use strict";
  var here = new URL(".", (document.currentScript && document.currentScript.src) || location.href).href;
  var ready = null;
  function generator() {
    if (!ready) {
      ready = wasm_bindgen({ module_or_path: here + "builder-generator_bg.wasm" })
        .then(function () { return wasm_bindgen; });
    }
    return ready;
  }
  function nfc(text) {
    text = String(text);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.normalize ? text.normalize("NFC") : text;
  }
  window.CampaignBuilder = Object.freeze({
    snippet: function (json, options) {
      var o = options || {};
      return generator().then(function (g) {
        return g.snippet(nfc(json), o.target || "html", o.distUrl || here, o.lang || "vi",
          o.sections || "", o.theme || "");
      });
    },
    lunarDate: function (day, lang) {
      return generator().then(function (g) { return g.lunarDate(String(day), lang || "vi"); });
    }
  });
})();
