// ESLint (flat config) for the hand-written scripts in static/: embed.js, the
// loader every host page runs, and the snippet builder's builder.js and
// builder-api.js; and the WordPress plugin's block editor script
// (integrations/wordpress/campaign-widget/editor.js). Run by `cargo xtask`
// (tasks::lint_js) as `node node_modules/eslint/bin/eslint.js static/ integrations/`.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["dist/", "node_modules/", "target/", "tests/output/"],
  },
  js.configs.recommended,
  {
    files: ["static/**/*.js", "integrations/**/*.js"],
    languageOptions: {
      // Classic scripts (plain <script src>, no modules), each one IIFE.
      sourceType: "script",
      ecmaVersion: 2020,
      globals: { ...globals.browser },
    },
    rules: {
      // Each script is wrapped in a function with "use strict"; nothing may
      // leak into the host page's global scope by accident.
      strict: ["error", "function"],
      "no-implicit-globals": "error",
      // Host pages may have a strict Content Security Policy: no eval in any
      // form.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      // `== null` (null or undefined) is allowed; any other loose comparison
      // is a bug waiting to happen.
      eqeqeq: ["error", "smart"],
      "no-throw-literal": "error",
      "no-self-compare": "error",
      "no-unused-expressions": "error",
      "no-unmodified-loop-condition": "error",
      "no-extend-native": "error",
      "no-new-wrappers": "error",
      "no-caller": "error",
      "no-shadow-restricted-names": "error",
      // The scripts name the error of a `catch` they ignore (`catch (ignored)`)
      // rather than use ES2019's optional catch binding.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
  {
    // wasm_bindgen is the global that wasm-bindgen's `--target no-modules`
    // glue defines: in embed.js the build inlines the glue at /*__CW_GLUE__*/
    // (stamp.rs), and builder.html loads builder-generator.js before
    // builder-api.js.
    files: ["static/embed.js", "static/builder-api.js"],
    languageOptions: {
      globals: { wasm_bindgen: "readonly" },
    },
  },
  {
    files: ["static/embed.js"],
    // `L`: Leaflet's global, read only after checking `window.L` (a host page
    // with its own Leaflet 1.x keeps it).
    languageOptions: { globals: { L: "readonly" } },
    rules: {
      // The WebAssembly feature probe does `throw 0` to reach the catch that
      // also handles an engine whose WebAssembly.validate throws: one branch
      // for both, never an error anyone sees.
      "no-throw-literal": "off",
    },
  },
  {
    // `CampaignWidget`: the global embed.js defines; builder.html loads
    // embed.js before builder.js.
    files: ["static/builder.js"],
    languageOptions: { globals: { CampaignWidget: "readonly" } },
  },
  {
    // The block editor script runs in wp-admin on WordPress's globals: `wp`
    // (wp.blocks, wp.element, ...), `campaignWidgetEditor` (its words, from
    // wp_localize_script in includes/assets.php) and `CampaignBuilder`
    // (builder-api.js, enqueued before it).
    files: ["integrations/wordpress/**/*.js"],
    languageOptions: { globals: { wp: "readonly", campaignWidgetEditor: "readonly", CampaignBuilder: "readonly" } },
  },
];
