// The acute-care map's drawing (LAZK, issue 21): the postcode areas of the region as dots shaded by the modelled
// minutes of the norm chain (call to ED) to the nearest open site, and the locations with their acute offer and live
// state; a scenario's map beside its baseline; a PNG of either map. The caption inside the drawing says the minutes
// are modelled, so that a PNG taken out of the page still says so.
import { h, svg } from './dom.js';
import { t } from './i18n.js';

const W = 640, H = 560, PAD = 24, CAPTION = 46;
/** Chain-minute bands (the 45-minute norm counts the chain) and a colour-blind-safe sequential palette. */
export const BANDS = [
  { upTo: 30, colour: '#1a6faf', key: 'acmBand30' },
  { upTo: 40, colour: '#74add1', key: 'acmBand40' },
  { upTo: 45, colour: '#fdae61', key: 'acmBand45' },
  { upTo: Infinity, colour: '#b2182b', key: 'acmBandBeyond' },
];
const STATE_COLOUR = { OPEN: '#1d6b2f', STOP: '#a4161a', CLOSED: '#5b6573', HIDDEN: '#8a96a3' };

export const band = minutes => BANDS.find(b => minutes <= b.upTo);

function projection(points) {
  const lat = points.map(p => p.latitude), lon = points.map(p => p.longitude);
  const minLat = Math.min(...lat), maxLat = Math.max(...lat), minLon = Math.min(...lon);
  const k = Math.cos((minLat + maxLat) / 2 * Math.PI / 180);
  const sx = (Math.max(...lon) - minLon) * k || 0.01, sy = (maxLat - minLat) || 0.01;
  const s = Math.min((W - 2 * PAD) / sx, (H - CAPTION - 2 * PAD) / sy);
  return { x: p => PAD + (p.longitude - minLon) * k * s, y: p => H - CAPTION - PAD - (p.latitude - minLat) * s };
}

/** A site's marker: circle open, square on stop, hollow circle closed by its hours, grey diamond state hidden. */
function siteMarker(site, x, y) {
  const edge = { stroke: '#fff', 'stroke-width': 1.5 };
  const colour = STATE_COLOUR[site.state] || STATE_COLOUR.HIDDEN;
  if (site.closedByScenario) {
    return svg('g', null, svg('circle', { cx: x, cy: y, r: 6, fill: '#fff', stroke: '#14202e', 'stroke-width': 1.5 }),
      svg('path', { d: `M${x - 5} ${y - 5} L${x + 5} ${y + 5} M${x + 5} ${y - 5} L${x - 5} ${y + 5}`, stroke: '#14202e', 'stroke-width': 2 }));
  }
  if (site.opened) {
    return svg('path', { d: `M${x} ${y - 8} L${x + 2.5} ${y - 2.5} L${x + 8} ${y - 2.5} L${x + 3.5} ${y + 1.5} L${x + 5} ${y + 7.5} L${x} ${y + 4} L${x - 5} ${y + 7.5} L${x - 3.5} ${y + 1.5} L${x - 8} ${y - 2.5} L${x - 2.5} ${y - 2.5} Z`, fill: '#14202e', ...edge });
  }
  if (site.state === 'STOP') return svg('rect', { x: x - 5.5, y: y - 5.5, width: 11, height: 11, fill: colour, ...edge });
  if (site.state === 'CLOSED') return svg('circle', { cx: x, cy: y, r: 5.5, fill: '#fff', stroke: colour, 'stroke-width': 2.5 });
  if (!site.state) return svg('path', { d: `M${x} ${y - 7} L${x + 7} ${y} L${x} ${y + 7} L${x - 7} ${y} Z`, fill: colour, ...edge });
  return svg('circle', { cx: x, cy: y, r: 6, fill: colour, ...edge });
}

/**
 * Draws one map. areas: [{pc4, place, latitude, longitude, population, chainMinutes}]; sites: [{locationId, name,
 * latitude, longitude, state, offer (text), closedByScenario, opened}]; caption: lines under the drawing.
 */
export function drawMap({ areas, sites, title, caption, role }) {
  const points = [...areas, ...sites].filter(p => p.latitude != null && p.longitude != null);
  const { x: X, y: Y } = projection(points.length ? points : [{ latitude: 52, longitude: 5 }]);
  const maxPop = Math.max(1, ...areas.map(a => a.population));
  const dots = areas.map(a => {
    const b = band(a.chainMinutes);
    return svg('circle', { cx: X(a).toFixed(1), cy: Y(a).toFixed(1), r: (1.4 + 4 * Math.sqrt(a.population / maxPop)).toFixed(1),
      fill: b.colour, 'fill-opacity': 0.85, dataset: { pc4: a.pc4, band: b.key } },
    svg('title', null, `${a.pc4} ${a.place}: ${a.chainMinutes} ${t('acmMin')} (${a.population})`));
  });
  const markers = sites.map(s => svg('g', { dataset: { site: s.locationId || s.name, state: s.closedByScenario ? 'CLOSED_BY_SCENARIO' : (s.opened ? 'OPENED' : (s.state || 'HIDDEN')) } },
    svg('title', null, `${s.name}: ${s.closedByScenario ? t('acmClosedByScenario') : t('acmState_' + (s.state || 'HIDDEN'))}${s.offer ? ' — ' + s.offer : ''}`),
    siteMarker(s, X(s), Y(s))));
  const legend = BANDS.map((b, i) => svg('g', null,
    svg('rect', { x: PAD + i * 150, y: H - CAPTION + 4, width: 12, height: 12, fill: b.colour }),
    svg('text', { x: PAD + i * 150 + 16, y: H - CAPTION + 14, class: 'acm-legend' }, t(b.key))));
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'acm-map', dataset: { role } },
    svg('rect', { x: 0, y: 0, width: W, height: H, fill: '#f6f8fb' }),
    svg('text', { x: PAD, y: 16, class: 'acm-title' }, title),
    dots, markers, legend,
    caption.map((line, i) => svg('text', { x: PAD, y: H - CAPTION + 30 + i * 12, class: 'acm-caption' }, line)));
}

/** A legend of the site markers, in the page (the drawing's own legend shows the bands). */
export function siteLegend() {
  const item = (state, label) => h('span', { class: 'acm-key' },
    svg('svg', { viewBox: '-8 -8 16 16', width: 14, height: 14 }, siteMarker({ state }, 0, 0)), label);
  return h('p', { class: 'hint acm-keys' }, item('OPEN', t('acmState_OPEN')), item('STOP', t('acmState_STOP')),
    item('CLOSED', t('acmState_CLOSED')), item(null, t('acmState_HIDDEN')));
}

/** The map as a PNG file (twice the drawing's size), for the regional report. */
export function downloadPng(svgEl, filename) {
  const source = new XMLSerializer().serializeToString(svgEl);
  const style = '<style>text{font:11px sans-serif;fill:#14202e}.acm-title{font-weight:bold;font-size:13px}'
    + '.acm-caption{font-size:9.5px}</style>';
  const withStyle = source.replace(/(<svg[^>]*>)/, `$1${style}`);
  const img = new Image();
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = W * 2;
    canvas.height = H * 2;
    const ctx = canvas.getContext('2d');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, W, H);
    canvas.toBlob(blob => {
      const link = h('a', { href: URL.createObjectURL(blob), download: filename });
      document.body.append(link);
      link.click();
      link.remove();
    }, 'image/png');
  };
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(withStyle)}`;
}
