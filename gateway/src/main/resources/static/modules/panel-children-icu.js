// Panel: the national NICU/PICU overview (issue 10, Kliniek; GET /api/v1/lcps/children-icu) for LCPS, RCPS and ADMIN.
// Children's intensive care is coordinated nationally, so the panel shows every ROAZ region, not only the session's:
// per region its shared locations with PICU or NICU beds (capacity / occupied / available as other hospitals see it,
// the last report of those beds and its age, stale as in the capacity cards), the region's sums and the national sums.
// Read when the view starts, when the region's capacity changes (the stream's capacity events), every minute (the
// other regions have no stream here), on "Vernieuwen"; in history mode as it stood at the instant shown.
import { state } from './state.js';
import { $, h, cls } from './dom.js';
import { t, fmt, age, refNow } from './i18n.js';
import { api } from './api.js';
import { isStale } from './data.js';

const REFRESH_MS = 60000;
const ROLES = ['LCPS', 'RCPS', 'ADMIN'];

/** Whether the session's role reads the overview. */
export const childrenIcuShown = () => ROLES.includes(state.session?.role);

const data = { overview: null, problem: null };
let timer = null, pending = null;

const fig = f => `${f.capacity}/${f.occupied}/${f.available}`;
const figCells = f => [h('td', { class: 'cap' }, f.capacity), h('td', { class: 'occ' }, f.occupied),
  h('td', { class: cls('avail', f.available === 0 && f.capacity > 0 && 'zero') }, f.available)];
const ageText = last => (last ? `${fmt(last)} (${age(last, refNow())} ${t('ago')})` : '–');

export async function loadChildrenIcu() {
  if (!childrenIcuShown()) return;
  const asOf = state.asOf;
  try {
    const overview = await api('GET', `/api/v1/lcps/children-icu${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
    if (state.asOf !== asOf) return; // the user switched between live and history meanwhile
    data.overview = overview;
    data.problem = null;
  } catch (e) {
    if (e.status === 0) return; // unreachable: the banner says so, the last overview stays
    data.problem = e;
  }
  renderChildrenIcu();
}

/** The region's capacity changed (stream) or the instant shown did: read again, at most once a second. */
export function childrenIcuChanged() {
  if (!childrenIcuShown() || pending) return;
  pending = setTimeout(() => { pending = null; loadChildrenIcu(); }, 1000);
}

/** The view started: read now and every minute. */
export function startChildrenIcu() {
  clearInterval(timer);
  $('#children-icu').hidden = !childrenIcuShown();
  if (!childrenIcuShown()) return;
  loadChildrenIcu();
  timer = setInterval(loadChildrenIcu, REFRESH_MS);
}

function locationRow(l) {
  const stale = isStale(l);
  return h('tr', { class: cls('ci-location', stale && 'stale'),
    dataset: { ciLocation: l.locationId, last: l.lastEventAt || '' } },
    h('th', { scope: 'row' }, l.name, h('br'), h('small', null, `${l.locationId} · ${l.safetyRegionId}`),
      l.own && [' ', h('span', { class: 'badge own' }, t('own'))],
      l.shared === false && [' ', h('span', { class: 'badge hidden' }, t('hiddenBadge'))]),
    figCells(l.picu), figCells(l.nicu),
    h('td', null, h('span', { dataset: { role: 'ci-age' } }, ageText(l.lastEventAt)),
      h('span', { class: 'badge stale', dataset: { role: 'ci-stale' }, hidden: !stale },
        `⚠ ${l.lastEventAt ? t('stale') : t('noData')}`)));
}

function regionTable(r) {
  const id = `ci-${r.roazRegionId}`, col = (text, attrs) => h('th', { scope: 'col', ...attrs }, text);
  return h('section', { class: 'ci-region', dataset: { ciRegion: r.roazRegionId }, 'aria-labelledby': id },
    h('h3', { id }, r.roazRegionId, ' ', h('small', null, t('ciLocations', r.totals.locations))),
    r.locations.length === 0 ? h('p', { class: 'hint' }, t('ciNone'))
      : h('div', { class: 'table-wrap' }, h('table', { 'aria-labelledby': id },
        h('thead', null,
          h('tr', null, h('td'), col('PICU', { colspan: 3 }), col('NICU', { colspan: 3 }), h('td')),
          h('tr', null, col(t('location')), col(t('cap')), col(t('occ')), col(t('avail')), col(t('cap')),
            col(t('occ')), col(t('avail')), col(t('lastEvent')))),
        h('tbody', null, r.locations.map(locationRow)),
        h('tfoot', null, h('tr', { dataset: { ciTotal: r.roazRegionId } },
          h('th', { scope: 'row' }, t('regionTotal')), figCells(r.totals.picu), figCells(r.totals.nicu), h('td'))))));
}

export function renderChildrenIcu() {
  const section = $('#children-icu');
  section.hidden = !childrenIcuShown();
  if (section.hidden) return;
  const box = $('#children-icu-view');
  if (data.problem) {
    box.replaceChildren(h('p', { class: 'error', dataset: { code: data.problem.problem?.code || '' } },
      t('ciReadFailed', data.problem.problem?.code || data.problem.status, data.problem.message)));
    return;
  }
  const o = data.overview;
  if (!o) { box.replaceChildren(); return; }
  box.replaceChildren(
    h('p', { class: 'ci-national', dataset: { ciNational: '' } }, h('strong', null, `${t('ciNational')}: `),
      `PICU ${fig(o.national.picu)} · NICU ${fig(o.national.nicu)} `, h('small', null, `(${t('ciFigures')}; `
        + `${t('ciLocations', o.national.locations)}; ${t('moduleAsOf', fmt(o.asOf))})`)),
    // regions with children's ICU beds first, then the others (by id, as the platform lists them)
    ...[...o.regions.filter(r => r.locations.length), ...o.regions.filter(r => !r.locations.length)].map(regionTable));
}

/** Every second: the ages of the last reports and the staleness (at the instant shown). */
export function tickChildrenIcu() {
  document.querySelectorAll('[data-ci-location]').forEach(el => {
    const last = el.dataset.last || null, stale = isStale({ lastEventAt: last });
    el.classList.toggle('stale', stale);
    el.querySelector('[data-role=ci-stale]').hidden = !stale;
    el.querySelector('[data-role=ci-age]').textContent = ageText(last);
  });
}

export function initChildrenIcu() {
  $('#ci-refresh').addEventListener('click', loadChildrenIcu);
}
