// Panel: an inline SVG map of the hospitals (locations offering care) of the VRs shown, from the latitude /
// longitude of the locations listing (equirectangular, scaled to fit), one text label per hospital. Status by
// shape, colour and word: green circle open, red square stop, amber triangle stale, grey circle no data.
import { state } from './state.js';
import { $, h, svg } from './dom.js';
import { t } from './i18n.js';
import { vrsShown, stopsAt, isStale } from './data.js';

const W = 900, H = 520, PAD = 50, LINE = 13;
const COLOUR = { ok: '#1d6b2f', stop: '#a4161a', stale: '#8a5300', none: '#6b7785' };

function marker(status, x, y) {
  const edge = { stroke: '#fff', 'stroke-width': 2 };
  if (status === 'stop') return svg('rect', { x: x - 7, y: y - 7, width: 14, height: 14, fill: COLOUR.stop, ...edge });
  if (status === 'stale') {
    return svg('path', { d: `M${x} ${y - 9} L${x + 8} ${y + 6} L${x - 8} ${y + 6} Z`, fill: COLOUR.stale, ...edge });
  }
  return svg('circle', { cx: x, cy: y, r: 7, fill: COLOUR[status], ...edge });
}

/** Projects the points into the drawing: x/y functions. */
function projection(pts) {
  const lat = pts.map(p => p.latitude), lon = pts.map(p => p.longitude);
  const minLat = Math.min(...lat), minLon = Math.min(...lon);
  const k = Math.cos((minLat + Math.max(...lat)) / 2 * Math.PI / 180);
  const sx = (Math.max(...lon) - minLon) * k || 0.01, sy = (Math.max(...lat) - minLat) || 0.01;
  const s = Math.min((W - 2 * PAD) / sx, (H - 2 * PAD) / sy);
  return { x: p => PAD + (p.longitude - minLon) * k * s, y: p => H - PAD - (p.latitude - minLat) * s };
}

export function renderMap() {
  const box = $('#map');
  const vrs = new Set(vrsShown());
  const capById = new Map((state.capacity?.locations || []).map(l => [l.locationId, l]));
  const pts = state.topology.filter(l => l.latitude != null && l.longitude != null && vrs.has(l.safetyRegionId)
    && (l.careOffered || []).length);
  if (!pts.length) { box.replaceChildren(h('p', { class: 'hint' }, t('noCoords'))); return; }
  const status = p => {
    const c = capById.get(p.locationId);
    if (stopsAt(p.locationId).length) return 'stop';
    if (!c || !c.lastEventAt) return 'none';
    return isStale(c) ? 'stale' : 'ok';
  };
  const { x: X, y: Y } = projection(pts);
  const placed = [];
  const hospital = p => {
    const x = X(p), y = Y(p), q = status(p);
    const label = (p.name.length > 28 ? p.name.slice(0, 27) + '…' : p.name) + (q === 'ok' ? '' : ` (${t('map_' + q)})`);
    const w = label.length * 6.2, left = x + 10 + w > W;
    const lx = left ? x - 10 - w : x + 10;
    let ly = y + 4;
    // move a label down (or up) until it overlaps no label placed before it
    for (let i = 0; i < 40 && placed.some(b => lx < b.x + b.w && b.x < lx + w && Math.abs(ly - b.y) < LINE); i++) {
      ly += (i % 2 ? -1 : 1) * LINE * (i + 1);
    }
    placed.push({ x: lx, y: ly, w });
    const leader = Math.abs(ly - y - 4) > 1
      && svg('line', { x1: x, y1: y, x2: left ? lx + w : lx, y2: ly - 4, stroke: '#7a8794', 'stroke-width': 1 });
    return svg('g', { dataset: { mapLocation: p.locationId, status: q } },
      svg('title', null, `${p.name}: ${t('map_' + q)}`), leader, marker(q, x, y), svg('text', { x: lx, y: ly }, label));
  };
  box.replaceChildren(
    svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'map-title' },
      svg('title', { id: 'map-title' }, `${t('map')}: ${pts.length} ${t('hospitals')}`), pts.map(hospital)),
    h('div', { class: 'legend' }, ['ok', 'stop', 'stale', 'none'].map(q => h('span', null,
      svg('svg', { width: 18, height: 18, 'aria-hidden': 'true' }, marker(q, 9, 10)), ` ${t('map_' + q)}`))));
}
