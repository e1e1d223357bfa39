// The map's two stages, for tests: its picture (drawn without Leaflet when the
// section comes near the viewport) and Leaflet's map (built when the visitor
// reaches for it), src/hooks/use_leaflet_map.rs.
import { pictureComplete, leafletComplete } from "./map-look.mjs";

/** The picture of the map in `host`'s shadow root has all its tiles loaded (or failed). */
export function pictureDrawn(page, host = "campaign-widget") {
  return page.waitForFunction(pictureComplete, host, { timeout: 20000 });
}

/** Leaflet's map in `host` has replaced the picture, its tiles faded in. */
export async function leafletDrawn(page, host = "campaign-widget") {
  await page.waitForFunction(leafletComplete, host, { timeout: 20000 });
  await page.waitForTimeout(400); // Leaflet's 200 ms fade
}

/** Reaches for the map from the keyboard (focus: one of the intents that load
 *  Leaflet), once its picture is there, and waits for Leaflet's map. The map
 *  keeps the focus, so its wheel zoom is on. */
export async function reachForMap(page, host = "campaign-widget") {
  await page.locator(`${host} .cw-map`).scrollIntoViewIfNeeded();
  await pictureDrawn(page, host);
  await page.locator(`${host} .cw-map-canvas`).focus();
  await leafletDrawn(page, host);
}
