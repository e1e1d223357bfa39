/* The block `campaign-widget/campaign` in the block editor. Plain JavaScript on
 * WordPress's globals (wp.blocks, wp.element, wp.blockEditor, wp.components,
 * wp.serverSideRender): no build step.
 *
 * The sidebar takes what the snippet builder makes (its WordPress placeholder,
 * or a config as JSON) and runs the release's own generator on it
 * (CampaignBuilder.snippet, builder-api.js: crates/core/src/snippet.rs compiled
 * to wasm), so the block stores exactly the generator's `data-campaign` and
 * fallback markup, and a config the widget refuses is refused here with the
 * widget's own message, naming the field. The preview is the server's render
 * (ServerSideRender), which embed.js, loaded in the editor, mounts as the real
 * widget. The words come translated from PHP (campaignWidgetEditor, assets.php). */
(function (wp, words) {
  "use strict";
  var el = wp.element.createElement;
  var useState = wp.element.useState;
  var useEffect = wp.element.useEffect;
  var components = wp.components;
  var blockEditor = wp.blockEditor;
  var NAME = "campaign-widget/campaign";

  /** The UTF-8 text of base64url (RFC 4648 §5), or null when damaged. */
  function fromBase64url(text) {
    try {
      var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (damaged) {
      return null;
    }
  }

  /** The title of a config (JSON text) in `lang`, or "" when it has none. */
  function titleOf(json, lang) {
    try {
      var title = JSON.parse(json).title;
      return typeof title === "string" ? title : (title && (title[lang] || title.vi)) || "";
    } catch (unreadable) {
      return "";
    }
  }

  /** What was pasted: { json, lang, sections, theme, config } or { error }.
   *  A placeholder (the builder's div, or its <campaign-widget> with inline
   *  JSON), or a config as JSON. */
  function readPasted(text) {
    text = String(text || "").trim();
    if (text.charAt(0) === "{") return { json: text };
    if (text.charAt(0) !== "<") return { error: words.noPlaceholder };
    var doc = new DOMParser().parseFromString(text, "text/html");
    var div = doc.querySelector("[data-campaign-widget]");
    var element = doc.querySelector("campaign-widget");
    var read = { json: null };
    if (div) {
      ["lang", "sections", "theme", "config"].forEach(function (name) {
        if (div.hasAttribute("data-" + name)) read[name] = div.getAttribute("data-" + name);
      });
      if (div.hasAttribute("data-campaign")) {
        read.json = fromBase64url(div.getAttribute("data-campaign"));
        if (read.json === null) return { error: words.badBase64 };
      }
    } else if (element) {
      ["lang", "sections", "theme", "config"].forEach(function (name) {
        if (element.hasAttribute(name)) read[name] = element.getAttribute(name);
      });
      var script = element.querySelector('script[type="application/json"]');
      if (script) read.json = script.textContent;
    } else {
      return { error: words.noPlaceholder };
    }
    return read;
  }

  /** The generator's snippet for `json` with the block's attributes: a promise
   *  of { campaign, fallback } (the placeholder's data-campaign, and the markup
   *  between its opening tag's line and its "</div>", byte for byte), or of
   *  { error } with the widget's message and path. */
  function generate(json, attributes) {
    return window.CampaignBuilder.snippet(json, {
      target: "wordpress",
      distUrl: words.distUrl,
      // The server writes the site's language when the block sets none.
      lang: attributes.lang || words.siteLang,
      sections: attributes.sections || "",
      theme: attributes.theme || "",
    }).then(function (made) {
      if (!made || typeof made.placeholder !== "string") {
        var message = made && made.message ? made.message : String(made);
        // The widget's messages name their field; one that does not gets it added.
        var where = made && made.path && message.indexOf(made.path) < 0 ? " (" + made.path + ")" : "";
        return { error: message + where };
      }
      var placeholder = made.placeholder;
      var open = placeholder.indexOf(">\n");
      var tag = new DOMParser().parseFromString(placeholder.slice(0, open + 1) + "</div>", "text/html")
        .querySelector("[data-campaign-widget]");
      return {
        campaign: tag.getAttribute("data-campaign") || "",
        fallback: placeholder.slice(open + 2, placeholder.lastIndexOf("</div>")),
      };
    }, function (failed) {
      return { error: String(failed && failed.message ? failed.message : failed) };
    });
  }

  function Edit(props) {
    var attributes = props.attributes;
    var setAttributes = props.setAttributes;
    var pastedState = useState("");
    var errorState = useState("");
    var pasted = pastedState[0];
    var error = errorState[0];
    var setError = errorState[1];

    /** Runs the generator on `json` with `next` attributes and stores what it
     *  made, or shows why not (the attributes are kept, so the server's own
     *  notice shows in the preview too). */
    function apply(json, next) {
      var merged = Object.assign({}, attributes, next);
      if (json === null) {
        setError("");
        setAttributes(next);
        return;
      }
      generate(json, merged).then(function (made) {
        if (made.error) {
          setError(made.error);
          setAttributes(Object.assign({}, next, { campaign: attributes.campaign }));
          return;
        }
        setError("");
        setAttributes(Object.assign({}, next, { campaign: made.campaign, fallback: made.fallback, config: "" }));
      });
    }

    function stored() {
      return attributes.campaign ? fromBase64url(attributes.campaign) : null;
    }

    // On opening, the stored config is checked again with this release's rules
    // and its fallback made again by this release's generator (a damaged
    // attribute, e.g. edited in the code editor, gets the notice).
    useEffect(function () {
      if (!attributes.campaign) return;
      var json = stored();
      if (json === null) {
        setError(words.badBase64);
        return;
      }
      generate(json, attributes).then(function (made) {
        if (made.error) setError(made.error);
        else if (made.fallback !== attributes.fallback || made.campaign !== attributes.campaign) {
          setAttributes({ campaign: made.campaign, fallback: made.fallback });
        }
      });
    }, []);

    function usePasted() {
      var read = readPasted(pasted);
      if (read.error) {
        setError(read.error);
        return;
      }
      var next = {};
      ["lang", "sections", "theme", "config"].forEach(function (name) {
        if (read[name] !== undefined) next[name] = read[name];
      });
      apply(read.json, next);
    }

    function setOption(name) {
      return function (value) {
        var next = {};
        next[name] = value;
        apply(attributes.campaign ? stored() : null, next);
      };
    }

    var notice = error
      ? el(components.Notice, { status: "error", isDismissible: false, className: "campaign-widget-refused" },
        words.refused.replace("%s", error))
      : null;
    var sidebar = el(blockEditor.InspectorControls, null,
      el(components.PanelBody, { title: words.panel, initialOpen: true },
        notice,
        el(components.TextareaControl, {
          label: words.paste, help: words.pasteHelp, value: pasted, rows: 6,
          className: "campaign-widget-paste", onChange: pastedState[1],
        }),
        el(components.Button, { variant: "secondary", onClick: usePasted, className: "campaign-widget-use" }, words.use),
        el("p", { className: "campaign-widget-which" },
          attributes.campaign ? words.custom.replace("%s", titleOf(stored(), attributes.lang || words.siteLang)) : words.builtIn),
        el(components.SelectControl, {
          label: words.lang, value: attributes.lang, onChange: setOption("lang"),
          options: [{ value: "", label: "—" }, { value: "vi", label: "Tiếng Việt" }, { value: "en", label: "English" }],
        }),
        el(components.TextControl, {
          label: words.sections, help: words.sectionsHelp, value: attributes.sections, onChange: setOption("sections"),
        }),
        el(components.SelectControl, {
          label: words.theme, value: attributes.theme, onChange: setOption("theme"),
          options: [{ value: "", label: words.themeAuto }, { value: "light", label: words.themeLight },
            { value: "dark", label: words.themeDark }],
        }),
        el(components.TextControl, {
          label: words.config, value: attributes.config, type: "url",
          onChange: function (value) { setAttributes({ config: value, campaign: "", fallback: "" }); },
        }),
        attributes.campaign || attributes.config
          ? el(components.Button, {
            variant: "link", isDestructive: true,
            onClick: function () { setError(""); setAttributes({ campaign: "", fallback: "", config: "" }); },
          }, words.clear)
          : null));
    return el("div", blockEditor.useBlockProps(),
      sidebar,
      notice,
      el(wp.serverSideRender, { block: NAME, attributes: attributes, httpMethod: "POST" }));
  }

  wp.blocks.registerBlockType(NAME, {
    edit: Edit,
    // A dynamic block: the post keeps only the comment with the attributes.
    save: function () { return null; },
  });
})(window.wp, window.campaignWidgetEditor);
