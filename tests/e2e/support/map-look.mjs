// Where each part of the widget's map is, measured in the page: Playwright's
// page.evaluate and WebDriver's executeScript both run these as they are (they
// use nothing from outside their bodies).

/** The parts of the map in CSS pixels from its top-left corner, as drawn by
 *  the picture (`which` = "picture") or by Leaflet (anything else): the tiles
 *  (URL, left, top, width, height; sorted by URL), the pins, the zoom control
 *  and its two buttons (and which are disabled), and the attribution. */
export function mapLook(which) {
  const root = document.querySelector("campaign-widget").shadowRoot;
  const canvas = root.querySelector(".cw-map-canvas").getBoundingClientRect();
  const box = (element) => {
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return [r.left - canvas.left, r.top - canvas.top, r.width, r.height];
  };
  const picture = which === "picture";
  const scope = picture ? root.querySelector(".cw-map-picture") : root.querySelector(".leaflet-map-pane");
  const tiles = [...scope.querySelectorAll(picture ? "img" : "img.leaflet-tile-loaded")]
    .map((img) => [img.src].concat(box(img)))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const zoom = root.querySelector(picture ? ".cw-picture-zoom" : ".leaflet-control-zoom");
  const attribution = root.querySelector(picture ? ".cw-picture-attribution" : ".leaflet-control-attribution");
  return {
    tiles,
    pins: [...scope.querySelectorAll(".cw-marker")].map(box),
    zoom: box(zoom),
    buttons: [...zoom.children].map(box),
    disabled: [...zoom.children].map((b) => /cw-off|leaflet-disabled/.test(b.className)),
    attribution: box(attribution),
    attributionText: attribution.textContent,
  };
}

/** Whether the picture of the map in `host`'s shadow root is drawn, every
 *  tile loaded or failed. */
export function pictureComplete(host = "campaign-widget") {
  const root = document.querySelector(host)?.shadowRoot;
  const images = [...(root?.querySelectorAll(".cw-map-picture img") || [])];
  return images.length > 0 && images.every((img) => img.complete);
}

/** Whether Leaflet's map in `host` has replaced the picture. */
export function leafletComplete(host = "campaign-widget") {
  const root = document.querySelector(host).shadowRoot;
  return !!root.querySelector(".leaflet-tile-loaded") && !root.querySelector(".cw-map-picture");
}
