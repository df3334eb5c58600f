// Panel: the ROAZ office's period report of the chosen module (GET /api/v1/regions/{roaz}/modules/{id}/period-report),
// a day or a quarter, per veiligheidsregio (with its name from the reference table) and for the region: providers
// delivering of those expected, reports, the share of each level band, the stops and the lead times. Read on demand
// (the form), never by the stream: a report is a look back, not a live figure.
import { state } from './state.js';
import { $, h, fillSelect, showMessage } from './dom.js';
import { t, named } from './i18n.js';
import { api } from './api.js';
import { chosenModule } from './data.js';
import { safetyRegionLabel } from './reference.js';

const col = text => h('th', { scope: 'col' }, text);
const pct = share => (share == null ? '–' : `${Math.round(share * 1000) / 10}%`);
const minutes = m => (m == null ? '–' : `${Math.round(m)}′`);

/** Yesterday in Amsterdam, YYYY-MM-DD: the last whole day. */
function yesterday() {
  const d = new Date(Date.now() - 86_400_000);
  return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** This quarter and the three before it, newest first: ['2026-Q4', …]. */
function quarters() {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  let year = Number(today.slice(0, 4)), q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const list = [];
  for (let i = 0; i < 4; i++) {
    list.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) { q = 4; year -= 1; }
  }
  return list;
}

function levels(unit) {
  return (unit.levels || []).map(l => h('div', { dataset: { level: l.level } }, `${l.level}: `,
    (l.bands || []).filter(b => b.reports > 0).map(b => `${b.value} ${pct(b.share)}`).join(' · ') || '–'));
}

function stops(unit) {
  const list = (unit.stops || []).map(s => h('div', { dataset: { stopKind: s.kind } }, s.stops === null
    ? `${s.kind}: –` : `${s.kind}: ${t('prStops', s.stops, s.minutes)}`));
  return list.length ? list : '–';
}

function leadTimes(unit) {
  const list = (unit.leadTimes || []).map(l => h('div', { dataset: { interval: l.interval } }, l.suppressed
    ? `${l.interval}: ${t('prSuppressed')}`
    : `${l.interval}: ${minutes(l.medianMinutes)} · ${minutes(l.p90Minutes)} (${l.passages}), > ${t('normOf', minutes(l.normMinutes))} ${pct(l.overNormShare)}`));
  return list.length ? list : '–';
}

/** One table per unit kind: a row per VR of the region, then the region. */
function unitTable(kind, areas) {
  const row = (area, label) => {
    const unit = (area.units || []).find(u => u.unitKind === kind) || {};
    return h('tr', { dataset: { area: area.safetyRegionId || 'REGION' } },
      h('th', { scope: 'row' }, label),
      h('td', { dataset: { role: 'providers' } }, `${area.providers} / ${area.expected}`),
      h('td', null, unit.reports ?? 0), h('td', null, levels(unit)), h('td', null, stops(unit)),
      h('td', null, leadTimes(unit)));
  };
  return h('div', { class: 'table-wrap' }, h('table', { class: 'period-report', dataset: { unitKind: kind } },
    h('caption', null, kind),
    h('thead', null, h('tr', null, col(t('vr')), col(t('prProviders')), col(t('prReports')), col(t('levelCol')),
      col(t('stopsCol')), col(t('prLeadTimes')))),
    h('tbody', null, areas.safetyRegions.map(a => row(a, safetyRegionLabel(a.safetyRegionId))),
      row(areas.region, `${t('regionTotal')} ${areas.roazRegionId}`))));
}

function render(report) {
  const kinds = [...new Set([...report.safetyRegions, report.region].flatMap(a => (a.units || []).map(u => u.unitKind)))];
  $('#period-report-view').replaceChildren(
    h('p', { class: 'meta', dataset: { role: 'period' } }, `${named(report.moduleName)} · ${report.from} – ${report.to}`
      + ` (${t('prDays', report.days)}, ${t('version')} ${report.definitionVersion})`),
    ...(kinds.length ? kinds.map(k => unitTable(k, report)) : [h('p', { class: 'hint' }, t('moduleNoFigures'))]));
}

async function load(e) {
  e.preventDefault();
  const module = chosenModule();
  if (!module || !state.session) return;
  const period = $('#pr-kind').value === 'quarter' ? `quarter=${$('#pr-quarter').value}` : `day=${$('#pr-day').value}`;
  $('#period-report-view').replaceChildren(h('p', { class: 'hint' }, t('pfLoading')));
  try {
    render(await api('GET', `/api/v1/regions/${encodeURIComponent(state.session.roaz)}/modules/`
      + `${encodeURIComponent(module.id)}/period-report?${period}`));
  } catch (err) {
    showMessage($('#period-report-view'), t('moduleRefused', err.problem?.code || err.status, err.message), false);
  }
}

function showKind() {
  const quarter = $('#pr-kind').value === 'quarter';
  $('#pr-day-field').hidden = quarter;
  $('#pr-quarter-field').hidden = !quarter;
}

export function initPeriodReport() {
  $('#pr-day').value = yesterday();
  fillSelect($('#pr-quarter'), quarters().map(q => [q, q]));
  $('#pr-kind').addEventListener('change', showKind);
  $('#period-report-form').addEventListener('submit', load);
  showKind();
}

/** Another module chosen: the report of the last one no longer applies. */
export function renderPeriodReport() {
  const module = chosenModule();
  const section = $('#period-report');
  section.hidden = !module || state.session?.role === 'MIDWIFE';
  if (section.dataset.module !== (module?.id || '')) {
    section.dataset.module = module?.id || '';
    $('#period-report-view').replaceChildren();
  }
}
