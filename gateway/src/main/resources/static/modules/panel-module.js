// Panel: one view for every module of the catalogue, built from its definition (GET /api/v1/modules) and its regional
// picture (GET /api/v1/regions/{roaz}/modules/{id}[?asOf=]); no module's id, unit kind or figure is named here.
// Per unit kind a table: a row per provider and unit with each figure as reported (statuses and the levels the platform
// derives as text badges), the report's time and age, stale rows marked in words; the totals row. Readers with detail
// AGGREGATE see the totals only. A unit kind whose definition names stop kinds gets the location's availability (STOP
// with the stop's end while a stop of that kind is active) and per stop kind OPEN or STOP (the stops of stop-service).
import { state, emit } from './state.js';
import { $, h, cls, fillSelect } from './dom.js';
import { t, fmt, age, refNow, isoDurationMs, named, otherName } from './i18n.js';
import { readableModules, chosenModule, topologyLocation, loadModulePicture } from './data.js';

const col = (text, title) => h('th', { scope: 'col', title: title || null }, text);
const badge = (text, kind) => h('span', { class: cls('badge', kind), dataset: { value: text } }, text);
const numeric = f => f.type !== 'STATUS';

/** Whether a unit is stale: older than the module's freshness now (live), or at the instant shown (the platform's flag). */
function isStaleUnit(u, freshnessMs) {
  if (state.asOf || Number.isNaN(freshnessMs)) return u.stale;
  return u.stale || refNow() - new Date(u.occurredAt).getTime() > freshnessMs;
}

const ageText = iso => `${fmt(iso)} (${age(iso, refNow())} ${t('ago')})`;

/** The levels the platform derives for a unit kind: the definition's, then any other the picture names. */
function levelIds(kind, units, totals) {
  const ids = new Set((kind.levels || []).map(l => l.id));
  units.forEach(u => Object.keys(u.levels || {}).forEach(k => ids.add(k)));
  Object.keys(totals?.levels || {}).forEach(k => ids.add(k));
  return [...ids];
}

/** Own providers first (a hospital user's organisation), then by name. */
function ownFirst(a, b) {
  const own = p => topologyLocation(p.providerId)?.organisationId === state.session.organisation ? 0 : 1;
  return own(a) - own(b) || (a.name || a.providerId).localeCompare(b.name || b.providerId);
}

/**
 * STOP with the stop's end; CLOSED outside the opening hours with when it opens; or the figure's value, with when it
 * closes for an ED that keeps hours; '–' when the picture names none (or its stops are not shown).
 */
function availabilityCell(u) {
  const a = u.availability;
  const cell = content => h('td', { dataset: { role: 'availability', hours: a?.outsideHours ? 'closed' : '' } },
    content);
  if (!a) return cell('–');
  if (a.value === 'STOP') return cell([badge(`${a.value} ${a.stopKind}`, 'stop'), ' ', h('small', null, t('until', fmt(a.until)))]);
  if (a.outsideHours) return cell([badge(a.value, 'stop'), ' ', h('small', null, t('opensAt', fmt(a.until)))]);
  return cell([badge(a.value, 'status'), a.closesAt ? [' ', h('small', null, t('closesAt', fmt(a.closesAt)))] : null]);
}

/** Per stop kind of the definition the location offers (or has a stop of): OPEN, or STOP with its end. */
function careCell(u, stopKinds) {
  const stops = u.stops || [];
  const items = stopKinds.filter(k => u.care?.[k]).map(k => {
    const stop = stops.find(s => s.kind === k);
    return h('span', { class: 'count', dataset: { care: k } }, `${k} `,
      stop ? [badge('STOP', 'stop'), ' ', h('small', null, t('until', fmt(stop.expectedEnd)))] : badge('OPEN', 'status'));
  });
  return h('td', { dataset: { role: 'care' } }, items.length ? items : '–');
}

function unitRow(provider, u, figures, levels, freshnessMs, stops) {
  const stale = isStaleUnit(u, freshnessMs);
  return h('tr', { class: cls('module-unit', stale && 'stale'),
    dataset: { provider: provider.providerId, unit: u.unitId, occurred: u.occurredAt, staleFlag: String(u.stale) } },
  h('th', { scope: 'row' }, provider.name || provider.providerId, h('br'), h('small', null, provider.providerId)),
  h('td', null, u.unitId, u.definitionVersion > 1 && h('small', null, ` (${t('version')} ${u.definitionVersion})`)),
  figures.map(f => {
    if (!numeric(f)) {
      const v = u.statuses?.[f.id];
      return h('td', { dataset: { figure: f.id } }, v == null ? '–' : badge(v, 'status'));
    }
    const v = u.values?.[f.id];
    return h('td', { dataset: { figure: f.id } }, v == null ? '–' : String(v));
  }),
  levels.map(l => h('td', { dataset: { level: l } }, u.levels?.[l] == null ? '–' : badge(u.levels[l], 'status'))),
  stops?.availability && availabilityCell(u),
  stops && careCell(u, stops.kinds),
  h('td', { class: 'module-age' },
    h('span', { dataset: { role: 'age' } }, ageText(u.occurredAt)), ' ',
    h('span', { class: 'badge stale', dataset: { role: 'stale' }, hidden: !stale }, `⚠ ${t('stale')}`)));
}

/** The totals: the sum of each number figure, per status value how many units hold it. */
function totalsRow(totals, figures, levels, stops) {
  const counts = byValue => Object.entries(byValue || {})
    .map(([v, n]) => h('span', { class: 'count' }, badge(v, 'status'), ` ${n}`));
  const sum = f => (totals.values?.[f.id] == null ? '–' : String(totals.values[f.id]));
  return h('tr', { class: 'module-totals', dataset: { totals: totals.unitKind } },
    h('th', { scope: 'row', colspan: 2 }, t('totalUnits', totals.units, totals.staleUnits)),
    figures.map(f => h('td', { dataset: { figure: f.id } },
      numeric(f) ? sum(f) : counts(totals.statuses?.[f.id]))),
    levels.map(l => h('td', { dataset: { level: l } }, counts(totals.levels?.[l]))),
    stops?.availability && h('td', { dataset: { role: 'availability' } }, counts(totals.availability)),
    stops && h('td', { dataset: { role: 'care' } }, Object.entries(totals.care || {})
      .map(([k, byValue]) => h('span', { class: 'count' }, `${k}: `, counts(byValue)))),
    h('td'));
}

function unitTable(kind, picture, freshnessMs) {
  const figures = kind.figures || [];
  const rows = picture.providers.flatMap(p => p.units.filter(u => u.unitKind === kind.kind).map(u => [p, u]));
  const totals = picture.totals.find(x => x.unitKind === kind.kind);
  const levels = levelIds(kind, rows.map(([, u]) => u), totals);
  const levelName = id => (kind.levels || []).find(l => l.id === id)?.name;
  const aggregate = picture.detail === 'AGGREGATE';
  const headingId = `module-kind-${kind.kind}`;
  return h('div', { class: 'module-kind', dataset: { unitKind: kind.kind } },
    h('h3', { id: headingId, title: otherName(kind.name) || null }, named(kind.name)),
    !rows.length && !totals?.units ? h('p', { class: 'hint' }, t('moduleNoFigures')) :
      h('div', { class: 'table-wrap' }, h('table', { 'aria-labelledby': headingId },
        h('thead', null, h('tr', null, col(t('location')), col(t('unitCol')),
          figures.map(f => col(named(f.name), otherName(f.name))),
          levels.map(l => (levelName(l) ? col(named(levelName(l)), otherName(levelName(l))) : col(l, t('levelCol')))),
          kind.stops?.availability && col(t('availabilityCol'), t('availabilityHint')),
          kind.stops && col(t('stopsCol'), kind.stops.kinds.join(', ')),
          col(t('reported')))),
        !aggregate && h('tbody', null, [...rows]
          .sort(([a, ua], [b, ub]) => ownFirst(a, b) || ua.unitId.localeCompare(ub.unitId))
          .map(([p, u]) => unitRow(p, u, figures, levels, freshnessMs, kind.stops))),
        totals && h('tfoot', null, totalsRow(totals, figures, levels, kind.stops)))));
}

/**
 * The region's locations the module is expected from that have no unit in the picture: a dispatcher still sees such
 * an ED, and its stops when the reader may read them.
 */
function notReportingList(picture) {
  const onStop = p => (p.stops || []).length > 0;
  const silent = [...(picture.notReporting || [])].sort((a, b) => onStop(b) - onStop(a));
  if (!silent.length) return null;
  // folded unless one of them is on stop: the list of who did not report is long in a region that only started
  return h('details', { class: 'module-not-reporting', open: silent.some(onStop) || null },
    h('summary', null, t('notReporting', silent.length)),
    h('ul', null, silent.map(p => h('li', { dataset: { provider: p.providerId } },
      `${p.name || p.providerId} `,
      Object.entries(p.care || {}).map(([kind, value]) => {
        const stop = (p.stops || []).find(s => s.kind === kind);
        return h('span', { class: 'count', dataset: { care: kind } }, `${kind} `,
          stop ? [badge('STOP', 'stop'), ' ', h('small', null, t('until', fmt(stop.expectedEnd)))] : badge(value, 'status'));
      })))));
}

/** One interval of one day: median and p90 in minutes, how many passages, the share over the norm. */
function intervalCell(f) {
  if (!f || !f.passages) return h('td', null, '–');
  const over = f.overNormShare == null ? null : Math.round(f.overNormShare * 100);
  return h('td', { dataset: { interval: f.interval } },
    `${fmtMinutes(f.medianMinutes)} · ${fmtMinutes(f.p90Minutes)} (${f.passages})`,
    over != null && h('span', { class: cls('badge', over >= 50 ? 'stop' : 'status'), dataset: { role: 'over-norm' } },
      t('overNorm', over, f.normMinutes)));
}
const fmtMinutes = m => (m == null ? '–' : `${Math.round(m)}′`);

/**
 * The unit kind's lead times on the day shown (docs/modules.md, "Lead times"): a row per provider and unit, a column
 * per interval of the definition, the region's totals below. Nothing when the kind keeps none.
 */
function leadTimesTable(kind, leadTimes) {
  if (!kind.passages || !leadTimes) return null;
  const intervals = kind.passages.intervals || [];
  const dayOf = days => (days || [])[0];
  const figuresOf = (day, id) => (day?.intervals || []).find(f => f.interval === id);
  const rows = (leadTimes.providers || []).flatMap(p => (p.units || []).filter(u => u.unitKind === kind.kind)
    .map(u => [p, u]));
  const totals = (leadTimes.totals || []).find(x => x.unitKind === kind.kind);
  const headingId = `lead-times-${kind.kind}`;
  return h('div', { class: 'module-lead-times', dataset: { unitKind: kind.kind } },
    h('h4', { id: headingId }, t('leadTimes', leadTimes.from)),
    h('p', { class: 'hint' }, t('leadTimesHint')),
    !rows.length && !totals ? h('p', { class: 'hint' }, t('leadTimesNone')) :
      h('div', { class: 'table-wrap' }, h('table', { 'aria-labelledby': headingId },
        h('thead', null, h('tr', null, col(t('location')), col(t('unitCol')),
          intervals.map(i => col(named(i.name), i.norm ? t('normOf', i.norm) : null)))),
        h('tbody', null, rows.map(([p, u]) => h('tr', { dataset: { provider: p.providerId, unit: u.unitId } },
          h('th', { scope: 'row' }, p.name || p.providerId), h('td', null, u.unitId),
          intervals.map(i => intervalCell(figuresOf(dayOf(u.days), i.id)))))),
        totals && h('tfoot', null, h('tr', { class: 'module-totals' },
          h('th', { scope: 'row', colspan: 2 }, t('regionTotal')),
          intervals.map(i => intervalCell(figuresOf(dayOf(totals.days), i.id))))))));
}

/** The module chooser: the catalogue's modules the user's roles read. */
function renderChooser() {
  const sel = $('#module-select'), mods = readableModules();
  fillSelect(sel, mods.map(m => [m.id, named(m.name)]), state.moduleId || undefined);
  sel.disabled = !mods.length;
}

export function renderModule() {
  if (!state.modules) return;
  renderChooser();
  const m = chosenModule(), box = $('#module-view');
  if (!m) { box.replaceChildren(h('p', { class: 'hint' }, t('moduleNone'))); return; }
  const freshnessMs = isoDurationMs(m.freshness);
  const info = h('p', { class: 'hint' }, t('moduleInfo', m.version, Math.round(freshnessMs / 60000)));
  const p = state.modulePicture;
  if (state.moduleProblem) {
    const e = state.moduleProblem;
    box.replaceChildren(info, h('p', { class: 'error', dataset: { code: e.problem?.code || '' } },
      t('moduleRefused', e.problem?.code || e.status, e.message)));
    return;
  }
  if (!p || p.moduleId !== m.id) { box.replaceChildren(info); return; }
  box.replaceChildren(...[info,
    p.detail === 'AGGREGATE' && h('p', { class: 'hint', dataset: { role: 'aggregate' } }, t('moduleAggregate')),
    h('p', { class: 'picture' }, t('moduleAsOf', fmt(p.asOf))),
    ...(m.units || []).flatMap(kind => [unitTable(kind, p, freshnessMs),
      leadTimesTable(kind, state.moduleLeadTimes?.moduleId === m.id ? state.moduleLeadTimes : null)]),
    notReportingList(p)]
    .filter(Boolean));
}

/** Every second: the ages of the reports and whether they are stale (at the instant shown). */
export function tickModule() {
  const freshnessMs = isoDurationMs(chosenModule()?.freshness);
  document.querySelectorAll('tr.module-unit').forEach(row => {
    const unit = { occurredAt: row.dataset.occurred, stale: row.dataset.staleFlag === 'true' };
    const stale = isStaleUnit(unit, freshnessMs);
    row.classList.toggle('stale', stale);
    row.querySelector('[data-role=stale]').hidden = !stale;
    row.querySelector('[data-role=age]').textContent = ageText(row.dataset.occurred);
  });
}

export function initModule() {
  $('#module-select').addEventListener('change', e => {
    state.moduleId = e.target.value;
    localStorage.setItem('lpz.module', state.moduleId);
    state.modulePicture = null; state.moduleProblem = null;
    emit('module');
    loadModulePicture();
  });
}
