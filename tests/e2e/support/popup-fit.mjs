// How the open marker popup sits in its map, measured in the page: Playwright's
// page.evaluate and WebDriver's executeScript both run it as it is (it uses
// nothing from outside its body).
export function popupFit() {
  const shadow = document.querySelector("campaign-widget").shadowRoot;
  const box = (selector) => shadow.querySelector(selector).getBoundingClientRect();
  const map = box(".cw-map-canvas");
  const inside = (b) => b.left >= map.left - 0.5 && b.top >= map.top - 0.5 && b.right <= map.right + 0.5 && b.bottom <= map.bottom + 0.5;
  const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const bubble = box(".leaflet-popup-content-wrapper");
  const close = box(".leaflet-popup-close-button");
  const content = shadow.querySelector(".leaflet-popup-content");
  const rect = (b) => [b.left, b.top, b.width, b.height].map(Math.round).join(",");
  return {
    bubble: rect(bubble),
    map: rect(map),
    inside: inside(bubble),
    closeInside: inside(close),
    close: [close.width, close.height],
    covered: [".leaflet-control-zoom", ".leaflet-control-attribution"].filter((control) => overlap(bubble, box(control))),
    cut: [content, ...content.querySelectorAll("strong, span")].some((el) => el.scrollWidth > el.clientWidth + 1),
  };
}
