/* The snippet builder: a form for a campaign, checked by the widget's own
 * validator (CampaignWidget.validate), a live preview of the real widget, and the
 * exact HTML to paste. Plain script, no framework: it is a page for webmasters. */
(function () {
  "use strict";
  var form = document.getElementById("form");
  var dates = document.getElementById("dates");
  var rowTemplate = document.getElementById("date-row");
  var preview = document.getElementById("preview");
  var status = document.getElementById("status");
  var snippet = document.getElementById("snippet");
  var base = new URL(".", location.href).href;
  var ZONE = "+07:00";

  function addDate(values) {
    var row = rowTemplate.content.firstElementChild.cloneNode(true);
    Object.keys(values || {}).forEach(function (field) {
      var input = row.querySelector('[data-field="' + field + '"]');
      if (input.type === "checkbox") input.checked = values[field];
      else input.value = values[field];
    });
    row.querySelector(".remove").addEventListener("click", function () { row.remove(); update(); });
    dates.appendChild(row);
  }

  /** A date input as the config writes it: a day, or an instant in Vietnam time. */
  function when(value, allDay) {
    if (!value) return null;
    return allDay ? value.slice(0, 10) : value.slice(0, 16) + ":00" + ZONE;
  }

  function config() {
    var data = new FormData(form);
    var text = function (name) { return String(data.get(name) || "").trim(); };
    var out = { schema: 1, timezone: ZONE, title: text("title"), organization: text("organization") };
    if (text("basis")) out.basis = text("basis");
    out.summary = text("summary");
    out.goals = text("goals").split("\n").map(function (g) { return g.trim(); }).filter(Boolean);
    out.keyDates = Array.prototype.map.call(dates.children, function (row, i) {
      var field = function (name) { return row.querySelector('[data-field="' + name + '"]'); };
      var allDay = field("allDay").checked;
      var date = { id: "date-" + (i + 1), title: field("title").value.trim(), start: when(field("start").value, allDay) };
      var end = when(field("end").value, allDay);
      if (end) date.end = end;
      if (field("repeat").value) date.repeat = field("repeat").value;
      return date;
    });
    if (data.get("hasMap")) {
      var lat = Number(text("lat")), lng = Number(text("lng"));
      out.map = { center: [lat, lng], zoom: Number(text("zoom") || 15), markers: [] };
      if (text("markerTitle")) out.map.markers.push({ position: [lat, lng], title: text("markerTitle"), address: text("markerAddress") });
    }
    return out;
  }

  function attributes() {
    var data = new FormData(form);
    return { lang: data.get("lang"), sections: data.getAll("section").join(","), theme: data.get("theme") };
  }

  /** JSON safe inside a <script> element: "<" is escaped, so "</script>" cannot end it. */
  function scriptJson(value) {
    return JSON.stringify(value, null, 2).replace(/</g, "\\u003c");
  }

  function snippetFor(json, attrs) {
    var tag = '<campaign-widget lang="' + attrs.lang + '" sections="' + attrs.sections + '" theme="' + attrs.theme + '">';
    return tag + "\n  <script type=\"application/json\">\n" + json + "\n  </script>\n</campaign-widget>\n" +
      '<script src="' + base + 'embed.js" async></script>\n';
  }

  var timer = null;
  function update() {
    clearTimeout(timer);
    timer = setTimeout(render, 250);
  }

  function render() {
    var json = scriptJson(config());
    var attrs = attributes();
    snippet.value = snippetFor(json, attrs);
    CampaignWidget.validate(json, attrs.lang).then(function (problem) {
      status.textContent = problem ? "Cần sửa: " + problem.message : "Cấu hình hợp lệ.";
      status.className = "status " + (problem ? "bad" : "good");
    });
    // A fresh element each time: the old one unmounts, the new one mounts.
    var widget = document.createElement("campaign-widget");
    Object.keys(attrs).forEach(function (name) { widget.setAttribute(name, attrs[name]); });
    var script = document.createElement("script");
    script.type = "application/json";
    script.textContent = json;
    widget.appendChild(script);
    preview.replaceChildren(widget);
    showLunarDates();
  }

  /** Each date field's lunar date beside it ("10/3 âm lịch"), from the widget's
   *  own calendar (builder-api.js), so a webmaster entering a lunar date sees
   *  which one it is. */
  function showLunarDates() {
    Array.prototype.forEach.call(dates.querySelectorAll("[data-lunar]"), function (note) {
      var value = note.parentNode.querySelector("input").value.slice(0, 10);
      if (!value) { note.textContent = ""; return; }
      CampaignBuilder.lunarDate(value, "vi").then(function (lunar) {
        note.textContent = lunar ? "(" + lunar + ")" : "";
      });
    });
  }

  document.getElementById("add-date").addEventListener("click", function () { addDate({ allDay: true }); update(); });
  document.getElementById("copy").addEventListener("click", function () {
    var done = function () { document.getElementById("copied").textContent = "Đã chép."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(snippet.value).then(done, function () { snippet.select(); });
    } else {
      snippet.select();
    }
  });
  form.addEventListener("input", update);
  form.addEventListener("change", update);

  addDate({ title: "Phát động phong trào thi đua", start: "2027-01-05T00:00", allDay: true });
  addDate({ title: "Kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam", start: "1930-02-03T00:00", allDay: true, repeat: "yearly" });
  addDate({ title: "Giỗ Tổ Hùng Vương", start: "2026-04-26T00:00", allDay: true, repeat: "yearly-lunar" });
  render();
})();
