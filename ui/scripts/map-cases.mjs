// Writes crates/dateline-render/tests/map-cases.json: points d3-geo projects, which the image
// renderer and the UI test against (run from ui/: node scripts/map-cases.mjs > ../crates/dateline-render/tests/map-cases.json).
import { geoNaturalEarth1 } from 'd3-geo';
const points = [[0, 0], [-180, 0], [180, 0], [0, 90], [0, -90], [2.35, 48.86], [-77.04, 38.9], [139.69, 35.69], [151.21, -33.87], [-58.38, -34.6], [179.9, -16.5], [-179.9, 65.5]];
const pad = 6;
const cases = [];
// The pane at two sizes, the whole world (no zoom), and an image box of the same aspect.
const panes = [
  { pane: [600, 400], zoom: { k: 1, x: 0, y: 0 }, image: [1544, null] },
  { pane: [420, 700], zoom: { k: 1, x: 0, y: 0 }, image: [1544, null] },
  { pane: [600, 400], zoom: { k: 3.2, x: -820, y: -310 }, image: [1544, null] },
  { pane: [1180, 620], zoom: { k: 1.6, x: -90.5, y: -144.25 }, image: [3000, null] },
];
for (const c of panes) {
  const [w, h] = c.pane;
  const p = geoNaturalEarth1().fitExtent([[pad, pad], [w - pad, h - pad]], { type: 'Sphere' });
  const [tx, ty] = p.translate();
  const s0 = p.scale();
  const { k, x, y } = c.zoom;
  const W = c.image[0];
  const H = (W * h) / w;
  const f = W / w;
  const out = points.map(([lon, lat]) => {
    const [px, py] = p([lon, lat]);
    return [lon, lat, f * (k * px + x), f * (k * py + y)];
  });
  const cx = (w / 2 - x) / k, cy = (h / 2 - y) / k;
  cases.push({ pane: [w, h], zoom: c.zoom, image: [W, H], view: { centre: [(cx - tx) / s0, (ty - cy) / s0], scale: (s0 * k) / w }, points: out });
}
// Whole-world fits without a view (the image's default): d3's fitExtent in the box.
const fits = [[28, 60, 1544, 803], [0, 0, 800, 300]].map(([x0, y0, w, h]) => {
  const p = geoNaturalEarth1().fitExtent([[x0 + pad, y0 + pad], [x0 + w - pad, y0 + h - pad]], { type: 'Sphere' });
  return { box: [x0, y0, w, h], points: points.map(([lon, lat]) => [lon, lat, ...p([lon, lat])]) };
});
console.log(JSON.stringify({ $comment: 'Points projected by d3-geo (geoNaturalEarth1, fitExtent of the Sphere with theme.json map.padding = 6): the map pane at a zoom, scaled to an image of the same aspect (views), and the whole world fitted in a box (fits). crates/dateline-render (map::projection) and the UI (ui/src/lib/map/export.test.ts) both test against this file.', padding: pad, views: cases, fits }, null, 1));
