// Panel: the acute-care map (LAZK, issue 21; docs/acute-care-map.md). The session's ROAZ region against the
// 45-minute norm (GET /api/v1/acute-care-map/reachability?region=), per veiligheidsregio by name; for the RCPS (the
// ROAZ office), LCPS and ADMIN a scenario form: close EDs (or acute obstetric units) of the region and/or open one
// (POST /api/v1/acute-care-map/scenarios), the result beside its baseline, the areas that change and the receiving
// EDs, with a CSV export. The map (panel-acute-care-map-view.js): the region's areas shaded by modelled minutes and
// the locations with their acute offer and live state (GET /api/v1/acute-care-map/locations); "live" counts the sites
// on stop or outside their hours now as not open (unavailable=). Every figure is modelled and the panel says so. Read
// when the view starts and on demand, never by the stream (a plan, not a live figure).
import { state } from './state.js';
import { $, h, showMessage } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { safetyRegionLabel } from './reference.js';
import { activeStops } from './data.js';
import { drawMap, siteLegend, downloadPng } from './panel-acute-care-map-view.js';

const AUTHORS = ['RCPS', 'LCPS', 'ADMIN'];
const nf = n => Number(n).toLocaleString(state.lang === 'nl' ? 'nl-NL' : 'en-GB');
const pct = (part, total) => (total ? `${(100 * part / total).toFixed(2)}%` : '–');
const col = text => h('th', { scope: 'col' }, text);
/** The model's own description after the panel's "modelled, not measured" in the user's language. */
const modelText = model => `${t('acmModelled')} ${String(model).replace(/^modelled, not measured: /, '')}`;
/** replaceChildren without the left-out parts (the DOM's own would write null and false as text). */
const fill = (el, ...children) => el.replaceChildren(...children.flat().filter(c => c != null && c !== false));
let result = null; // the last scenario answer, for the export
let live = null; // the last answer of /acute-care-map/locations (null: not readable)

function figuresTable(rows) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'acm-figures' },
    h('thead', null, h('tr', null, col(''), col(t('acmPopulation')), col(t('acmWithin45')), col(t('acmBeyond45')),
      col(t('acmShare')))),
    h('tbody', null, rows.map(([label, f, key]) => h('tr', { dataset: { row: key } }, h('th', { scope: 'row' }, label),
      h('td', null, nf(f.populationTotal)), h('td', null, nf(f.populationWithin45)),
      h('td', { dataset: { role: 'beyond' } }, nf(f.populationBeyond45)),
      h('td', null, pct(f.populationWithin45, f.populationTotal)))))));
}

/** The chosen kind's entry of a live location, or undefined. */
const acuteOf = (loc, care) => (loc.acute || []).find(a => a.careKind === care);

/** A location's acute offer in words, for the marker's title. */
function offerText(loc) {
  const p = loc.careProfile || {};
  const parts = (loc.acute || []).map(a => `${a.careKind} ${a.hours === '24/7' ? '24/7' : t('acmLimitedHours')}`);
  if ((loc.careOffered || []).includes('PCI')) parts.push('PCI');
  if (p.traumaLevel) parts.push(t('pfTrauma', p.traumaLevel));
  if (p.strokeIat) parts.push(t('pfIat'));
  if (p.nicuLevel === 3) parts.push('NICU');
  if (p.picu) parts.push('PICU');
  if (loc.careProfileReference && (p.traumaLevel || p.strokeIat || p.nicuLevel === 3 || p.picu)) {
    parts.push(t('acmReferenceProfile'));
  }
  if (loc.crowding) parts.push(`${t('acmCrowding')}: ${loc.crowding}`);
  return parts.join(', ');
}

/** The sites of the kind drawn on the map: the live locations where readable, else the topology's (state unknown). */
function sitesOf(care) {
  if (live) {
    return live.locations.filter(l => acuteOf(l, care)).map(l => ({ locationId: l.locationId, name: l.name,
      latitude: l.latitude, longitude: l.longitude, state: l.stateHidden ? null : acuteOf(l, care).state, offer: offerText(l) }));
  }
  return (state.topology || []).filter(l => (l.careOffered || []).includes(care) && l.latitude != null)
    .map(l => ({ locationId: l.locationId, name: l.name, latitude: l.latitude, longitude: l.longitude, state: null }));
}

/** The sites on stop or outside their hours now (the live baseline's closures). */
const unavailableNow = care => sitesOf(care).filter(s => s.state === 'STOP' || s.state === 'CLOSED').map(s => s.locationId);

const captionOf = (model, extra) => [`${modelText(model)}`.slice(0, 150), `${extra} · ${new Date().toLocaleString()}`];

function mapBlock(areas, sites, title, caption, role, file) {
  const map = drawMap({ areas, sites, title, caption, role });
  return h('figure', { class: 'acm-figure' }, map,
    h('button', { type: 'button', class: 'acm-png', dataset: { role: `png-${role}` }, onclick: () => downloadPng(map, file) },
      t('acmPng')));
}

function renderBaseline(r, areas, unavailable) {
  const care = $('#acm-care').value;
  const title = `${t('acmMapTitle', r.region, care)}${unavailable.length ? ` — ${t('acmLiveShort', unavailable.length)}` : ''}`;
  fill($('#acm-baseline'),
    h('p', { class: 'hint', dataset: { role: 'model' } }, modelText(r.model)),
    unavailable.length ? h('p', { class: 'hint', dataset: { role: 'live' } }, t('acmLiveNote', unavailable.length)) : null,
    live ? null : h('p', { class: 'hint', dataset: { role: 'no-live' } }, t('acmNoLive')),
    figuresTable([[`${t('regionTotal')} ${r.region}`, r, 'REGION'],
      ...r.bySafetyRegion.map(v => [safetyRegionLabel(v.safetyRegionId), v, v.safetyRegionId])]),
    mapBlock(areas.areas, sitesOf(care), title, captionOf(r.model, title), 'baseline', `lazk-${r.region}-${care}.png`),
    siteLegend());
}

export async function loadAcuteCareMap() {
  if (!state.session?.roaz || state.session.role === 'MIDWIFE') return;
  const region = encodeURIComponent(state.session.roaz), care = $('#acm-care').value;
  try {
    try {
      live = await api('GET', `/api/v1/acute-care-map/locations?region=${region}`);
    } catch (e) {
      live = null; // the map still draws, without the live state
    }
    const unavailable = $('#acm-live').checked ? unavailableNow(care) : [];
    const q = `region=${region}&care=${care}${unavailable.map(id => `&unavailable=${encodeURIComponent(id)}`).join('')}`;
    const [reach, areas] = await Promise.all([api('GET', `/api/v1/acute-care-map/reachability?${q}`),
      api('GET', `/api/v1/acute-care-map/areas?${q}`)]);
    renderBaseline(reach, areas, unavailable);
  } catch (e) {
    showMessage($('#acm-baseline'), `${t('error')}: ${e.problem?.code || e.status} ${e.message}`, false);
  }
}

/** The EDs of the region (topology: locations offering SEH with a position) as options to close. */
export function renderAcuteCareMapForm() {
  const sel = $('#acm-close');
  if (!sel || !state.topology) return;
  const chosen = new Set([...sel.selectedOptions].map(o => o.value));
  const care = $('#acm-care').value;
  const eds = state.topology.filter(l => (l.careOffered || []).includes(care) && l.latitude != null)
    .sort((a, b) => a.name.localeCompare(b.name));
  sel.replaceChildren(...eds.map(l => h('option', { value: l.locationId, selected: chosen.has(l.locationId) },
    `${l.name} (${l.safetyRegionId})`)));
  const limit = $('#acm-limit'), limited = limit.value;
  limit.replaceChildren(h('option', { value: '' }, t('acmNoLimit')), ...eds.map(l => h('option', { value: l.locationId,
    selected: l.locationId === limited }, `${l.name} (${l.safetyRegionId})`)));
}

function renderResult(answer) {
  const r = answer.result;
  const view = $('#acm-result');
  fill(view,
    h('h4', null, `${answer.name} (${answer.id})`),
    h('p', { class: 'hint' }, modelText(r.model)),
    figuresTable([[t('acmBaseline'), r.baseline, 'BASELINE'],
      [answer.limitHours.length ? t('acmScenarioOutside') : t('acmScenario'), r.scenario, 'SCENARIO'],
      ...(r.scenarioDuringHours ? [[t('acmScenarioDuring'), r.scenarioDuringHours, 'DURING']] : [])]),
    h('div', { id: 'acm-result-maps', class: 'acm-maps' }),
    h('h4', null, t('acmByVr')),
    h('div', { class: 'table-wrap' }, h('table', null,
      h('thead', null, h('tr', null, col(t('vr')), col(t('acmPopulation')), col(t('acmBeyondBefore')),
        col(t('acmBeyondAfter')))),
      h('tbody', null, r.bySafetyRegion.map(v => h('tr', { dataset: { vr: v.safetyRegionId } },
        h('th', { scope: 'row' }, safetyRegionLabel(v.safetyRegionId)), h('td', null, nf(v.populationTotal)),
        h('td', null, nf(v.baselineBeyond45)), h('td', null, nf(v.scenarioBeyond45))))))),
    h('h4', null, t('acmReceiving')),
    r.receiving.length ? h('ul', { class: 'acm-receiving' }, r.receiving.map(x => h('li', { dataset: { receiving: x.locationId || x.name, source: x.inflowSource } },
      `${x.name}: ${t('acmTakesOver', nf(x.population), x.areas, x.estimatedRidesPerDay)}; `
      + t('acmArrivals', x.expectedExtraArrivalsPerDay, t('acmSource_' + x.inflowSource))))) : h('p', null, '–'),
    h('h4', null, t('acmAffected', r.affectedAreas.length)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'acm-affected' },
      h('thead', null, h('tr', null, col('PC4'), col(t('acmPlace')), col(t('acmPopulation')), col(t('acmTo')),
        col(t('acmMinutes')))),
      h('tbody', null, r.affectedAreas.slice(0, 25).map(a => h('tr', { dataset: { pc4: a.pc4 } },
        h('td', null, a.pc4), h('td', null, `${a.place} (${a.municipality})`), h('td', null, nf(a.population)),
        h('td', null, a.toName || '–'),
        h('td', { class: a.beyond45After && !a.beyond45Before ? 'zero' : null },
          `${a.minutesBefore} → ${a.minutesAfter} (+${a.extraMinutes})`)))))),
    r.affectedAreas.length > 25 && h('p', { class: 'hint' }, t('acmMore', r.affectedAreas.length - 25)),
    h('button', { type: 'button', id: 'acm-export', onclick: exportCsv }, t('acmExport')),
    answer.careKind === 'SEH' && answer.closeSeh.length > 0
      && h('button', { type: 'button', id: 'acm-replay', onclick: replay }, t('acmReplay')),
    h('div', { id: 'acm-replay-view', 'aria-live': 'polite' }));
  drawScenarioMaps(answer);
}

/**
 * The scenario's map beside its baseline's: the region's areas as the scenario leaves them (the affected areas with
 * their minutes after) and its closed, limited and opened sites. Both from the scenario's own baseline (every site
 * open), not the live one.
 */
async function drawScenarioMaps(answer) {
  const box = $('#acm-result-maps');
  try {
    const region = state.session.roaz;
    const areas = (await api('GET', `/api/v1/acute-care-map/areas?region=${encodeURIComponent(region)}&care=${answer.careKind}`)).areas;
    const after = new Map(answer.result.affectedAreas.map(a => [a.pc4, a.minutesAfter]));
    const scenarioAreas = areas.map(a => (after.has(a.pc4) ? { ...a, chainMinutes: after.get(a.pc4) } : a));
    const closed = new Set(answer.closeSeh), limited = new Set(answer.limitHours.map(l => l.locationId));
    const sites = sitesOf(answer.careKind).map(s => ({ ...s, state: 'OPEN' }));
    const scenarioSites = [...sites.map(s => ({ ...s, closedByScenario: closed.has(s.locationId),
      state: limited.has(s.locationId) ? 'CLOSED' : 'OPEN' })),
    ...answer.openSeh.map(o => ({ ...o, opened: true }))];
    const cap = captionOf(answer.result.model, `${answer.name} (${answer.id})`);
    box.replaceChildren(
      mapBlock(areas, sites, `${t('acmBaseline')} — ${region}`, cap, 'scenario-baseline', `lazk-${answer.id}-basis.png`),
      mapBlock(scenarioAreas, scenarioSites, `${answer.limitHours.length ? t('acmScenarioOutside') : t('acmScenario')} — ${answer.name}`,
        cap, 'scenario', `lazk-${answer.id}.png`));
  } catch (e) {
    showMessage(box, `${t('error')}: ${e.problem?.code || e.status} ${e.message}`, false);
  }
}

/** The scenario's closures on the stop history of the last 30 days (GET /api/v1/acute-care-map/replay). */
async function replay() {
  const q = new URLSearchParams();
  result.closeSeh.forEach(id => q.append('closeSeh', id));
  result.result.receiving.filter(r => r.locationId).forEach(r => q.append('receiving', r.locationId));
  const view = $('#acm-replay-view');
  view.replaceChildren(h('p', { class: 'hint' }, t('pfLoading')));
  try {
    const r = await api('GET', `/api/v1/acute-care-map/replay?${q}`);
    const hours = m => (m / 60).toFixed(1);
    fill(view,
      h('h4', null, t('acmReplayTitle', r.from, r.to)),
      h('div', { class: 'table-wrap' }, h('table', { class: 'acm-replay' },
        h('thead', null, h('tr', null, col(t('vr')), col(t('acmEds')), col(t('acmNoOpenNow')), col(t('acmNoOpenThen')))),
        h('tbody', null, r.safetyRegions.map(v => h('tr', { dataset: { vr: v.safetyRegionId } },
          h('th', { scope: 'row' }, safetyRegionLabel(v.safetyRegionId)), h('td', null, `${v.providers} → ${v.providersAfter}`),
          h('td', null, hours(v.baselineMinutesWithoutOpenEd)), h('td', { dataset: { role: 'then' } }, hours(v.scenarioMinutesWithoutOpenEd))))))),
      r.receiving.length ? h('ul', null, r.receiving.map(x => h('li', null,
        t('acmReceivingStops', x.name, hours(x.minutesOnStop), x.daysWithAStop)))) : null,
      r.receivingNotShown.length ? h('p', { class: 'hint' }, t('acmNotShown', r.receivingNotShown.length)) : null);
  } catch (err) {
    showMessage(view, `${t('error')}: ${err.problem?.code || err.status} ${err.message}`, false);
  }
}

async function define(e) {
  e.preventDefault();
  const closeSeh = [...$('#acm-close').selectedOptions].map(o => o.value);
  const body = { name: $('#acm-name').value.trim(), careKind: $('#acm-care').value, closeSeh };
  const lat = $('#acm-open-lat').value, lon = $('#acm-open-lon').value;
  const limit = $('#acm-limit').value;
  if (limit) body.limitHours = [{ locationId: limit, opens: $('#acm-limit-opens').value, closes: $('#acm-limit-closes').value }];
  if (lat && lon) body.openSeh = [{ name: $('#acm-open-name').value.trim() || t('acmNewEd'), latitude: Number(lat), longitude: Number(lon) }];
  if (state.session.role !== 'RCPS') body.region = state.session.roaz;
  $('#acm-result').replaceChildren(h('p', { class: 'hint' }, t('pfLoading')));
  try {
    result = await api('POST', '/api/v1/acute-care-map/scenarios', body);
    renderResult(result);
  } catch (err) {
    result = null;
    showMessage($('#acm-result'), `${t('acmRefused')} (${err.problem?.code || err.status}): ${err.message}`, false);
  }
}

/** The scenario as CSV: the figures, per VR and every affected area, each line marked modelled. */
function exportCsv() {
  if (!result) return;
  const r = result.result, q = v => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const lines = [`# ${result.name} (${result.id}); ${r.model}`,
    'part,key,population,within45,beyond45',
    ...[['baseline', r.baseline], ['scenario', r.scenario], ['scenarioDuringHours', r.scenarioDuringHours]].filter(([, f]) => f)
      .map(([k, f]) => [k, '', f.populationTotal, f.populationWithin45, f.populationBeyond45].join(',')),
    'part,locationId,name,population,areas,estimatedRidesPerDay,expectedExtraArrivalsPerDay,inflowSource',
    ...r.receiving.map(x => ['receiving', x.locationId ?? '', q(x.name), x.population, x.areas, x.estimatedRidesPerDay,
      x.expectedExtraArrivalsPerDay, x.inflowSource].join(',')),
    'part,safetyRegionId,population,baselineBeyond45,scenarioBeyond45',
    ...r.bySafetyRegion.map(v => ['vr', v.safetyRegionId, v.populationTotal, v.baselineBeyond45, v.scenarioBeyond45].join(',')),
    'part,pc4,place,municipality,safetyRegionId,population,from,to,minutesBefore,minutesAfter,beyond45Before,beyond45After',
    ...r.affectedAreas.map(a => ['area', a.pc4, q(a.place), q(a.municipality), a.safetyRegionId, a.population,
      a.fromLocationId ?? '', q(a.toName), a.minutesBefore, a.minutesAfter, a.beyond45Before, a.beyond45After].join(','))];
  const link = h('a', { href: URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' })),
    download: `lazk-${result.id}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
}

export function initAcuteCareMap() {
  $('#acm-form').addEventListener('submit', define);
  $('#acm-refresh').addEventListener('click', loadAcuteCareMap);
  $('#acm-care').addEventListener('change', () => { loadAcuteCareMap(); renderAcuteCareMapForm(); });
  $('#acm-live').addEventListener('change', loadAcuteCareMap);
  $('#acm-stopped').addEventListener('click', chooseStopped);
}

/**
 * "Apply the region's stops as closures": selects the locations with an active stop of the chosen kind in the VRs
 * shown (the stops the page holds, as the stop list shows them), so that the scenario asks what the stops cost.
 */
function chooseStopped() {
  const kind = $('#acm-care').value;
  const stopped = new Set(activeStops().filter(s => s.kind === kind).map(s => s.locationId));
  [...$('#acm-close').options].forEach(o => { o.selected = stopped.has(o.value); });
  if (!$('#acm-name').value) $('#acm-name').value = t('acmStoppedName', new Date().toLocaleString());
}

let liveReload = null;
/**
 * A stop was declared, extended or ended: the map's live state follows it. Reloaded a second after the last change of
 * a burst, so that a wave of stops costs one reload, not one per stop.
 */
export function acuteCareMapStopsChanged() {
  if ($('#acute-care-map').hidden) return;
  clearTimeout(liveReload);
  liveReload = setTimeout(loadAcuteCareMap, 1000);
}

export function startAcuteCareMap() {
  const role = state.session?.role;
  $('#acute-care-map').hidden = !role || role === 'MIDWIFE';
  $('#acm-scenario').hidden = !AUTHORS.includes(role);
  loadAcuteCareMap();
}
