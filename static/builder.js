/* The snippet builder: a form for a campaign, the snippet for the webmaster's CMS
 * (the widget's own generator and validator, crates/core/src/snippet.rs, so the
 * builder can never make a snippet the widget would refuse), a live preview of
 * the real widget, and step-by-step instructions per CMS. Plain script, no
 * framework, no build step: it is a page for webmasters, and nothing here goes
 * into the wasm visitors download. */
(function () {
  "use strict";
  var form = document.getElementById("campaign");
  var targetForm = document.getElementById("form");
  var preview = document.getElementById("preview");
  var status = document.getElementById("status");
  var nowInput = document.getElementById("now");
  var base = new URL(".", location.href).href;
  // What the builder shares with the widget, stamped in by the build from the
  // widget's core crate (crates/core/src/shared.rs): the section names and the
  // default tiles.
  var SHARED = {/*__CW_SHARED__*/};
  var SECTIONS = SHARED.sections.join(",");
  // The generator (snippet, lunarDate): the widget's own, in a wasm of the
  // builder's own (builder-api.js), so visitors never download it.
  var generator = window.CampaignBuilder;
  var OSM_TILES = SHARED.osmTiles;

  // The config the form was filled from (an opened one, or the starting example).
  // The form writes its own fields over a copy of it, so that whatever it has no
  // input for ($comment, ids, maxZoom, a third language…) is kept as it was.
  var opened = {};

  var rows = {
    goals: { list: document.getElementById("goals"), template: document.getElementById("goal-row") },
    dates: { list: document.getElementById("dates"), template: document.getElementById("date-row") },
    markers: { list: document.getElementById("markers"), template: document.getElementById("marker-row") }
  };

  function clone(value) { return value === undefined ? undefined : JSON.parse(JSON.stringify(value)); }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function named(name) { return form.elements.namedItem(name); }
  function bilingual() { return named("bilingual").checked; }
  function zone() { return typeof opened.timezone === "string" ? opened.timezone : "+07:00"; }

  // ---- Text in one or two languages ---------------------------------------

  /** Fills a Vietnamese input and its English neighbour from a config text. */
  function putText(vi, en, value) {
    if (isObject(value)) {
      vi.value = typeof value.vi === "string" ? value.vi : "";
      en.value = typeof value.en === "string" ? value.en : "";
    } else {
      vi.value = typeof value === "string" ? value : "";
      en.value = "";
    }
  }

  /** A config text from the two inputs: a plain string, or {"vi", "en"} once
   *  English is given (with any other language the opened text had kept).
   *  Undefined when both are empty. */
  function getText(vi, en, original) {
    var v = vi.value.trim(), e = bilingual() ? en.value.trim() : "";
    var others = {};
    if (isObject(original)) {
      Object.keys(original).forEach(function (tag) { if (tag !== "vi" && tag !== "en") others[tag] = original[tag]; });
    }
    if (!e && !Object.keys(others).length) return v || undefined;
    var out = {};
    if (v) out.vi = v;
    if (e) out.en = e;
    Object.keys(others).forEach(function (tag) { out[tag] = others[tag]; });
    return out;
  }

  /** Sets (or, when undefined, removes) a key of a config object. */
  function put(object, key, value) {
    if (value === undefined) delete object[key];
    else object[key] = value;
  }

  // ---- Rows: goals, key dates, markers -------------------------------------

  function field(row, name) { return row.querySelector('[data-field="' + name + '"]'); }

  function addRow(kind, original) {
    var row = rows[kind].template.content.firstElementChild.cloneNode(true);
    row.original = original; // what the opened config had here, kept for unknown fields
    row.querySelector(".remove").addEventListener("click", function () {
      var list = row.parentNode;
      row.remove();
      // Focus stays in the list rather than falling back to the page's top.
      var next = list.querySelector(".remove") || document.getElementById("add-" + kind.replace(/s$/, ""));
      if (next) next.focus();
      update();
    });
    rows[kind].list.appendChild(row);
    return row;
  }

  function addGoal(goal) {
    var row = addRow("goals", goal);
    putText(field(row, "text"), field(row, "text.en"), goal);
    return row;
  }

  function addMarker(marker) {
    marker = isObject(marker) ? marker : {};
    var row = addRow("markers", marker);
    putText(field(row, "title"), field(row, "title.en"), marker.title);
    putText(field(row, "address"), field(row, "address.en"), marker.address);
    var position = Array.isArray(marker.position) ? marker.position : [];
    field(row, "lat").value = position[0] === undefined ? "" : String(position[0]);
    field(row, "lng").value = position[1] === undefined ? "" : String(position[1]);
    return row;
  }

  function addDate(date) {
    date = isObject(date) ? date : {};
    var row = addRow("dates", date);
    putText(field(row, "title"), field(row, "title.en"), date.title);
    var start = putDate(field(row, "start"), date.start);
    var end = putDate(field(row, "end"), date.end);
    // A whole day unless one of the dates has a time of day.
    field(row, "allDay").checked = !(start === false || end === false);
    field(row, "repeat").value = typeof date.repeat === "string" ? date.repeat : "";
    return row;
  }

  // ---- Dates ----------------------------------------------------------------
  // The inputs are datetime-local in the campaign's timezone; the config has a
  // day (YYYY-MM-DD) or an RFC 3339 instant with an offset.

  function offsetMinutes(offset) {
    if (/^z$/i.test(offset)) return 0;
    var m = /^([+-])(\d\d):(\d\d)$/.exec(offset);
    return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  }

  /** Fills a date input from a config date; returns true for a day, false for an
   *  instant, undefined for none. The text it came from is remembered, so an
   *  untouched date is written back exactly as it was (even one the widget
   *  refuses: its message then shows beside this input). */
  function putDate(input, value) {
    input.filled = undefined;
    input.value = "";
    if (typeof value !== "string") return undefined;
    var day = /^\d{4}-\d\d-\d\d$/.test(value);
    var m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(:\d\d)?(?:\.\d+)?(Z|[+-]\d\d:\d\d)$/i.exec(value);
    if (day) {
      input.value = value + "T00:00";
    } else if (m && offsetMinutes(m[4]) === offsetMinutes(zone())) {
      input.value = m[1] + "T" + m[2] + (m[3] && m[3] !== ":00" ? m[3] : "");
    } else if (m) {
      // Another offset: the same instant, as wall time in the campaign's timezone.
      var wall = new Date(Date.parse(value) + offsetMinutes(zone()) * 60000).toISOString();
      input.value = wall.slice(17, 19) === "00" ? wall.slice(0, 16) : wall.slice(0, 19);
    }
    input.filled = { value: input.value, day: day, text: value };
    return m ? false : day ? true : undefined;
  }

  /** A date input as the config writes it: a day, or an instant in the campaign's timezone. */
  function getDate(input, allDay) {
    var filled = input.filled;
    if (filled && input.value === filled.value && allDay === filled.day) return filled.text;
    var value = input.value;
    if (!value) return undefined;
    if (allDay) return value.slice(0, 10);
    return (value.length === 16 ? value + ":00" : value.slice(0, 19)) + zone();
  }

  // ---- Numbers ---------------------------------------------------------------

  /** A number typed by a webmaster ("10,9467" as well as "10.9467"); text that is
   *  not a number is passed on as it is, for the widget to name. */
  function getNumber(input) {
    var text = input.value.trim().replace(",", ".");
    if (text === "") return undefined;
    var number = Number(text);
    return isFinite(number) ? number : text;
  }

  // ---- The form to a config, and a config to the form ------------------------

  /** The config, written over a copy of the opened one. Every input read gets
   *  the path of what it wrote (data-path), so the widget's message for a path
   *  finds its input. */
  function config() {
    var out = clone(opened) || {};
    out.schema = out.schema === undefined ? 1 : out.schema;
    out.timezone = zone();
    ["title", "organization", "basis", "summary"].forEach(function (name) {
      put(out, name, getText(named(name), named(name + ".en"), opened[name]));
    });
    var goals = [];
    Array.prototype.forEach.call(rows.goals.list.children, function (row) {
      var goal = getText(field(row, "text"), field(row, "text.en"), row.original);
      pathFor(row, "goals[" + goals.length + "]");
      if (goal !== undefined) goals.push(goal);
    });
    put(out, "goals", goals.length || opened.goals ? goals : undefined);

    var ids = {};
    Array.prototype.forEach.call(rows.dates.list.children, function (row) {
      if (row.original && typeof row.original.id === "string") ids[row.original.id] = true;
    });
    out.keyDates = Array.prototype.map.call(rows.dates.list.children, function (row, i) {
      pathFor(row, "keyDates[" + i + "]");
      var date = clone(row.original) || {};
      if (typeof date.id !== "string") {
        // A new date: the next free "date-N".
        var n = i + 1;
        while (ids["date-" + n]) n++;
        ids[date.id = "date-" + n] = true;
      }
      var allDay = field(row, "allDay").checked;
      put(date, "title", getText(field(row, "title"), field(row, "title.en"), date.title) || "");
      put(date, "start", getDate(field(row, "start"), allDay) || "");
      put(date, "end", getDate(field(row, "end"), allDay));
      put(date, "repeat", field(row, "repeat").value || undefined);
      return date;
    });

    var source = isObject(opened.source) ? clone(opened.source) : {};
    put(source, "name", getText(named("source.name"), named("source.name.en"), source.name));
    put(source, "url", named("source.url").value.trim() || undefined);
    put(source, "author", getText(named("source.author"), named("source.author.en"), source.author));
    // A source needs its name; one left empty is dropped rather than refused.
    put(out, "source", source.name !== undefined || source.url || source.author ? source : undefined);

    // The share button is on by default: only `false` is written.
    if (named("share").checked) delete out.share;
    else out.share = false;
    if (named("hasMap").checked) out.map = mapConfig();
    else delete out.map;
    return out;
  }

  function mapConfig() {
    var map = isObject(opened.map) ? clone(opened.map) : {};
    put(map, "title", getText(named("map.title"), named("map.title.en"), map.title));
    map.markers = Array.prototype.map.call(rows.markers.list.children, function (row, i) {
      pathFor(row, "map.markers[" + i + "]");
      var marker = clone(row.original) || {};
      marker.position = [getNumber(field(row, "lat")), getNumber(field(row, "lng"))];
      put(marker, "title", getText(field(row, "title"), field(row, "title.en"), marker.title) || "");
      put(marker, "address", getText(field(row, "address"), field(row, "address.en"), marker.address));
      return marker;
    });
    // The centre defaults to the first place, which is what a webmaster means
    // when they leave it empty.
    var lat = getNumber(named("lat")), lng = getNumber(named("lng"));
    var first = map.markers[0] && map.markers[0].position;
    map.center = lat === undefined && lng === undefined && first ? first.slice() : [lat, lng];
    put(map, "zoom", getNumber(named("zoom")));
    var tiles = isObject(map.tiles) ? map.tiles : {};
    put(tiles, "url", named("tiles.url").value.trim() || undefined);
    put(tiles, "attribution", getText(named("tiles.attribution"), named("tiles.attribution.en"), tiles.attribution));
    // OpenStreetMap's own tiles are the widget's default: written only when the
    // opened config had tiles, or they were changed.
    var standard = tiles.url === OSM_TILES.url && tiles.attribution === OSM_TILES.attribution;
    put(map, "tiles", isObject(opened.map) && opened.map.tiles !== undefined || !standard ? tiles : undefined);
    return map;
  }

  /** Gives a row's inputs the config paths they now write to (rows move). */
  function pathFor(row, prefix) {
    Array.prototype.forEach.call(row.querySelectorAll("[data-field]"), function (input) {
      var name = input.getAttribute("data-field");
      var path = { text: "", "text.en": ".en", lat: ".position[0]", lng: ".position[1]" }[name];
      input.setAttribute("data-path", prefix + (path !== undefined ? path : "." + name));
    });
  }

  /** Fills the form from a config object (opened, or the starting example). */
  function fill(value) {
    opened = clone(value);
    ["title", "organization", "basis", "summary"].forEach(function (name) {
      putText(named(name), named(name + ".en"), opened[name]);
    });
    rows.goals.list.replaceChildren();
    (Array.isArray(opened.goals) ? opened.goals : []).forEach(addGoal);
    rows.dates.list.replaceChildren();
    (Array.isArray(opened.keyDates) ? opened.keyDates : []).forEach(addDate);
    var source = isObject(opened.source) ? opened.source : {};
    putText(named("source.name"), named("source.name.en"), source.name);
    named("source.url").value = typeof source.url === "string" ? source.url : "";
    putText(named("source.author"), named("source.author.en"), source.author);

    named("share").checked = opened.share !== false;
    var map = isObject(opened.map) ? opened.map : null;
    named("hasMap").checked = !!map;
    map = map || {};
    putText(named("map.title"), named("map.title.en"), map.title);
    var center = Array.isArray(map.center) ? map.center : [];
    named("lat").value = center[0] === undefined ? "" : String(center[0]);
    named("lng").value = center[1] === undefined ? "" : String(center[1]);
    named("zoom").value = map.zoom === undefined ? "" : String(map.zoom);
    rows.markers.list.replaceChildren();
    (Array.isArray(map.markers) ? map.markers : []).forEach(addMarker);
    var tiles = isObject(map.tiles) ? map.tiles : OSM_TILES;
    named("tiles.url").value = typeof tiles.url === "string" ? tiles.url : "";
    putText(named("tiles.attribution"), named("tiles.attribution.en"), tiles.attribution);

    // English fields shown when the config has English anywhere.
    named("bilingual").checked = Array.prototype.some.call(form.querySelectorAll('[lang="en"]'), function (input) {
      return input.value !== "";
    });
    showEnglish();
    showMap();
  }

  function showEnglish() { form.classList.toggle("bilingual", bilingual()); }
  function showMap() { document.getElementById("map-fields").hidden = !named("hasMap").checked; }

  // ---- Messages beside their fields ------------------------------------------

  function clearErrors() {
    Array.prototype.forEach.call(document.querySelectorAll(".field-error"), function (note) {
      var input = document.querySelector('[aria-describedby~="' + note.id + '"]');
      if (input) {
        input.removeAttribute("aria-invalid");
        var rest = input.getAttribute("aria-describedby").split(" ").filter(function (id) { return id !== note.id; });
        if (rest.length) input.setAttribute("aria-describedby", rest.join(" "));
        else input.removeAttribute("aria-describedby");
      }
      note.remove();
    });
  }

  /** The input a path names: the one that writes it, else the first one inside
   *  it (`map.markers[1]` → that place's first field), else the nearest one
   *  around it (`title.fr` → the title). */
  function inputFor(path) {
    if (!path) return null;
    var all = Array.prototype.filter.call(document.querySelectorAll("[data-path]"), function (el) {
      return !el.closest("[hidden]") && (el.offsetParent !== null || el === nowInput);
    });
    var exact = all.filter(function (el) { return el.getAttribute("data-path") === path; })[0];
    if (exact) return exact;
    var inside = all.filter(function (el) {
      var p = el.getAttribute("data-path");
      return p.indexOf(path + ".") === 0 || p.indexOf(path + "[") === 0;
    })[0];
    if (inside) return inside;
    var around = null;
    all.forEach(function (el) {
      var p = el.getAttribute("data-path");
      if ((path.indexOf(p + ".") === 0 || path.indexOf(p + "[") === 0) &&
          (!around || p.length > around.getAttribute("data-path").length)) around = el;
    });
    return around;
  }

  var errorCount = 0;
  /** Shows the widget's message under the field, tied to it for screen readers. */
  function showError(input, message) {
    var note = document.createElement("p");
    note.className = "field-error";
    note.id = "field-error-" + (++errorCount);
    note.textContent = message;
    var control = input.matches("input, textarea, select") ? input : input.querySelector("input, textarea, select");
    var after = input.closest("label") || input;
    after.insertAdjacentElement("afterend", note);
    if (control) {
      control.setAttribute("aria-invalid", "true");
      var described = control.getAttribute("aria-describedby");
      control.setAttribute("aria-describedby", (described ? described + " " : "") + note.id);
    }
  }

  /** The message without its leading path: beside the field, the field is the place. */
  function reason(problem) {
    var prefix = problem.path + ": ";
    return problem.path && problem.message.indexOf(prefix) === 0 ? problem.message.slice(prefix.length) : problem.message;
  }

  // ---- Output -------------------------------------------------------------------

  function attributes() {
    var data = new FormData(form);
    var sections = data.getAll("section").join(",");
    return {
      lang: data.get("lang"),
      // The defaults are left out: a shorter snippet for the same widget.
      sections: sections === SECTIONS ? "" : sections,
      theme: data.get("theme") === "auto" ? "" : data.get("theme")
    };
  }

  function target() {
    var chosen = targetForm.querySelector('input[name="target"]:checked');
    return chosen ? chosen.value : "";
  }

  /** The `now` attribute of the preview (never of the snippet). */
  function now() {
    var value = nowInput.value;
    if (!value) return "";
    return (value.length === 16 ? value + ":00" : value.slice(0, 19)) + zone();
  }

  var timer = null;
  function update() {
    clearTimeout(timer);
    timer = setTimeout(render, 250);
  }

  var rendering = 0;
  function render() {
    clearTimeout(timer);
    var json = JSON.stringify(config(), null, 2);
    var attrs = attributes();
    var chosen = target();
    var options = { target: chosen || "html", distUrl: base, lang: attrs.lang, sections: attrs.sections, theme: attrs.theme };
    var turn = ++rendering;
    generator.snippet(json, options).then(function (made) {
      // The builder speaks Vietnamese whatever the widget's language.
      if (made.message !== undefined && attrs.lang !== "vi") {
        return generator.snippet(json, Object.assign({}, options, { lang: "vi" }));
      }
      return made;
    }).then(function (made) {
      if (turn !== rendering) return; // a newer render is on its way
      clearErrors();
      var refused = made.message !== undefined;
      document.getElementById("code").hidden = !chosen || refused;
      document.getElementById("fix-first").hidden = !chosen || !refused;
      document.getElementById("choose-target").hidden = !!chosen;
      Array.prototype.forEach.call(document.querySelectorAll(".steps"), function (steps) {
        steps.hidden = steps.getAttribute("data-target") !== chosen;
      });
      // A plain page has no theme: its line goes in the page itself.
      document.querySelector(".once").hidden = chosen === "html";
      document.getElementById("site-heading").textContent = chosen === "html"
        ? "Dòng thêm một lần trong trang, trước </body>"
        : "Dòng thêm một lần cho cả trang web (giao diện)";
      if (made.message !== undefined) {
        status.textContent = "Cần sửa: " + made.message;
        status.className = "status bad";
        var input = inputFor(made.path);
        if (input) showError(input, reason(made));
        showPreview(null, json, attrs);
      } else {
        status.textContent = "Cấu hình hợp lệ.";
        status.className = "status good";
        var box = document.getElementById("placeholder-code");
        if (box.value !== made.placeholder) {
          // "Đã chép." would now be about older code.
          Array.prototype.forEach.call(document.querySelectorAll(".copied"), function (said) { said.textContent = ""; });
        }
        box.value = made.placeholder;
        document.getElementById("site-code").value = made.site;
        showPreview(made.placeholder, json, attrs);
      }
    });
    showLunarDates();
  }

  /** The preview is what will be pasted (the placeholder for the chosen CMS,
   *  fallback included) plus the frozen time; a refused config is shown as the
   *  widget would show it on the page, with its error panel. */
  function showPreview(placeholder, json, attrs) {
    var holder = document.createElement("template");
    var widget;
    if (placeholder) {
      holder.innerHTML = placeholder;
      widget = holder.content.firstElementChild;
    } else {
      widget = document.createElement("campaign-widget");
      widget.setAttribute("lang", attrs.lang);
      var script = document.createElement("script");
      script.type = "application/json";
      script.textContent = json;
      widget.appendChild(script);
      holder.content.appendChild(widget);
    }
    var prefix = widget.localName === "campaign-widget" ? "" : "data-";
    if (now()) widget.setAttribute(prefix + "now", now());
    // A fresh element each time: the old one unmounts, the new one mounts.
    preview.replaceChildren(holder.content);
  }

  /** Each date field's lunar date beside it ("10/3 âm lịch"), from the widget's
   *  own calendar, so a webmaster entering a lunar date sees which one it is. */
  function showLunarDates() {
    Array.prototype.forEach.call(rows.dates.list.querySelectorAll("[data-lunar]"), function (note) {
      var value = note.parentNode.querySelector("input").value.slice(0, 10);
      if (!value) { note.textContent = ""; return; }
      generator.lunarDate(value, "vi").then(function (lunar) {
        note.textContent = lunar ? "(" + lunar + ")" : "";
      });
    });
  }

  // ---- Opening an existing campaign -------------------------------------------

  var importStatus = document.getElementById("import-status");
  /** The outcome of opening, marking the box it came from when it failed. */
  function importMessage(text, bad, from) {
    importStatus.textContent = text;
    importStatus.className = "status " + (bad ? "bad" : "good");
    ["import-text", "import-url"].forEach(function (id) {
      var input = document.getElementById(id);
      if (bad && id === from) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  // base64url of UTF-8, as the CMS placeholder carries its config (crates/core/src/snippet.rs).
  function fromBase64url(value) {
    var base64 = value.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    var bytes = Uint8Array.from(binary, function (c) { return c.charCodeAt(0); });
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }

  /** A pasted placeholder (from an article, maybe after the CMS's filter): its
   *  config and attributes. Parsed inert: nothing in it runs. */
  function fromPlaceholder(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var element = doc.querySelector("campaign-widget, [data-campaign-widget]");
    if (!element) return null;
    var prefix = element.localName === "campaign-widget" ? "" : "data-";
    var attr = function (name) { return (element.getAttribute(prefix + name) || "").trim(); };
    var found = { lang: attr("lang"), sections: attr("sections"), theme: attr("theme") };
    var inline = element.querySelector("script[type='application/json']");
    if (inline) found.json = inline.textContent;
    else if (attr("campaign")) {
      try { found.json = fromBase64url(attr("campaign")); } catch (damaged) { found.json = ""; }
    } else if (attr("config")) found.url = attr("config");
    return found;
  }

  /** Opens a config (JSON text): the widget's own message if it cannot be read,
   *  else the form filled from it (a rule it breaks then shows beside its field). */
  function openJson(text, attrs, from) {
    text = String(text).replace(/^\ufeff/, "").normalize("NFC");
    var value;
    try { value = JSON.parse(text); } catch (malformed) { value = undefined; }
    if (!isObject(value)) {
      // Not JSON the form can hold: the widget says why, in its own words.
      return CampaignWidget.validate(text, "vi").then(function (problem) {
        importMessage("Không mở được: " + (problem ? problem.message : "cấu hình phải là một đối tượng JSON { … }"), true, from || "import-text");
      });
    }
    fill(value);
    if (attrs) {
      if (attrs.lang) named("lang").value = attrs.lang;
      if (attrs.theme) named("theme").value = attrs.theme;
      if (attrs.sections) {
        var list = attrs.sections.split(",").map(function (s) { return s.trim(); });
        Array.prototype.forEach.call(form.querySelectorAll('input[name="section"]'), function (box) {
          box.checked = list.indexOf(box.value) >= 0;
        });
      }
    }
    importMessage("Đã mở chiến dịch “" + (named("title").value || "…") + "”. Sửa bên dưới; xem trước và mã mới ở bên cạnh.", false);
    render();
    return Promise.resolve();
  }

  function openUrl(address) {
    var url;
    try { url = new URL(address.trim(), location.href); } catch (invalid) { url = null; }
    if (!url || !/^https?:$/.test(url.protocol)) {
      importMessage("Không tải được: địa chỉ phải bắt đầu bằng http:// hoặc https://", true, "import-url");
      return Promise.resolve();
    }
    importMessage("Đang tải…", false);
    return fetch(url.href, { credentials: "omit" }).then(function (response) {
      if (!response.ok) throw new Error("máy chủ trả lời HTTP " + response.status);
      return response.text();
    }).then(function (text) { return openJson(text, null, "import-url"); }, function (error) {
      importMessage("Không tải được " + url.href + ": " + (/HTTP/.test(error.message) ? error.message
        : "không kết nối được, hoặc máy chủ đó không cho trang khác đọc tệp (CORS)") + ".", true, "import-url");
    });
  }

  document.getElementById("import-open").addEventListener("click", function () {
    var text = document.getElementById("import-text").value.trim();
    if (!text) { importMessage("Hãy dán cấu hình JSON hoặc đoạn mã vào ô trên.", true, "import-text"); return; }
    if (text.charAt(0) === "<") {
      var found = fromPlaceholder(text);
      if (!found) importMessage("Không thấy tiện ích trong đoạn mã này (cần thẻ có data-campaign-widget hoặc campaign-widget).", true, "import-text");
      else if (found.url) openUrl(found.url);
      else openJson(found.json || "", found);
    } else {
      openJson(text);
    }
  });
  document.getElementById("import-load").addEventListener("click", function () {
    openUrl(document.getElementById("import-url").value);
  });

  // ---- Wiring ---------------------------------------------------------------------

  document.getElementById("add-goal").addEventListener("click", function () {
    addGoal("");
    field(rows.goals.list.lastElementChild, "text").focus();
    update();
  });
  document.getElementById("add-date").addEventListener("click", function () {
    var row = addDate({});
    field(row, "allDay").checked = true;
    field(row, "title").focus();
    update();
  });
  document.getElementById("add-marker").addEventListener("click", function () {
    // A new place starts at the map's centre, the likeliest neighbourhood.
    var row = addMarker({ position: [getNumber(named("lat")), getNumber(named("lng"))] });
    field(row, "title").focus();
    update();
  });
  Array.prototype.forEach.call(document.querySelectorAll(".copy"), function (button) {
    button.addEventListener("click", function () {
      var box = document.getElementById(button.getAttribute("data-copy"));
      var said = button.nextElementSibling;
      var done = function () { said.textContent = "Đã chép."; };
      var byHand = function () { box.focus(); box.select(); said.textContent = "Đã chọn sẵn: nhấn Ctrl+C (hoặc giữ ngón tay và chọn Sao chép)."; };
      said.textContent = "";
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(box.value).then(done, byHand);
      else byHand();
    });
  });
  document.getElementById("now-clear").addEventListener("click", function () { nowInput.value = ""; render(); });
  nowInput.addEventListener("change", update);
  nowInput.addEventListener("input", update);
  form.addEventListener("input", update);
  form.addEventListener("change", function (event) {
    if (event.target.name === "bilingual") showEnglish();
    if (event.target.name === "hasMap") showMap();
    update();
  });
  targetForm.addEventListener("change", render);

  // The starting example: a campaign like the one webmasters most often make.
  fill({
    schema: 1,
    timezone: "+07:00",
    title: "Phong trào thi đua năm 2027",
    organization: "Văn phòng HĐND tỉnh Đồng Nai",
    summary: "Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ năm 2027.",
    goals: ["Hoàn thành vượt mức chỉ tiêu năm 2027", "Nhân rộng các điển hình tiên tiến"],
    keyDates: [
      { id: "date-1", title: "Phát động phong trào thi đua", start: "2027-01-05" },
      { id: "date-2", title: "Kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam", start: "1930-02-03", repeat: "yearly" },
      { id: "date-3", title: "Giỗ Tổ Hùng Vương", start: "2026-04-26", repeat: "yearly-lunar" }
    ],
    map: {
      center: [10.9467, 106.8171],
      zoom: 16,
      markers: [{ position: [10.9467, 106.8171], title: "Văn phòng HĐND tỉnh Đồng Nai", address: "Số 2 Nguyễn Văn Trị, Biên Hòa, Đồng Nai" }]
    }
  });
  render();
})();
