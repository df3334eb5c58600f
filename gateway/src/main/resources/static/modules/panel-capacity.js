// Panel: capacity per location (GET /api/v1/regions/{roaz}/capacity): per specialistisch element capacity /
// occupied / available with the COVID split, totals, threshold, contacts, the last report's age and staleness.
import { state } from './state.js';
import { $, h, cls } from './dom.js';
import { t, fmt, age, refNow } from './i18n.js';
import { shownLocations, stopsAt, isStale, STALE_MINUTES } from './data.js';

const fig = f => f ? `${f.capacity}/${f.occupied}/${f.available}` : '–';
const small = text => h('small', null, text);

/** Own locations, locations with a stop, locations that reported, then by name. */
function ordered(locs) {
  return [...locs].sort((a, b) => (b.own - a.own) || (stopsAt(b.locationId).length - stopsAt(a.locationId).length)
    || (a.lastEventAt ? 0 : 1) - (b.lastEventAt ? 0 : 1) || a.name.localeCompare(b.name));
}

function elementRow(e) {
  return h('tr', { dataset: { el: e.specialistisch } },
    h('th', { scope: 'row' }, e.specialistisch, e.icu && [' ', h('abbr', { title: 'Intensive care' }, 'IC')]),
    h('td', { class: 'cap' }, e.capacity), h('td', { class: 'occ' }, e.occupied),
    h('td', { class: cls('avail', e.available === 0 && 'zero') }, e.available,
      e.threshold != null && [h('br'), small(`${t('threshold')} ${e.threshold}, ${t('othersSee')} ${e.availableShared}`)]),
    h('td', null, small(fig(e.covid))), h('td', null, small(fig(e.nonCovid))));
}

function table(l) {
  const col = (...text) => h('th', { scope: 'col' }, ...text);
  return h('div', { class: 'table-wrap' }, h('table', null,
    h('caption', { class: 'skip' }, l.name),
    h('thead', null, h('tr', null, col(t('el')), col(t('cap')), col(t('occ')), col(t('avail')),
      col(t('covid'), h('br'), small('c/b/b')), col(t('nonCovid'), h('br'), small('c/b/b')))),
    h('tbody', null, l.elements.map(elementRow)),
    h('tfoot', null, h('tr', { dataset: { el: 'TOTAL' } },
      h('th', { scope: 'row' }, t('total')), h('td', null, l.totals.capacity), h('td', null, l.totals.occupied),
      h('td', { class: 'avail' }, l.totals.available), h('td', null, small(fig(l.totals.covid))),
      h('td', null, small(fig(l.totals.nonCovid)))))));
}

/** The counting groups when the location has children's ICU beds: IC, of which PICU and NICU, clinic (c/b/b). */
function groups(l) {
  const g = l.groups;
  if (!g || !(g.picu.capacity || g.nicu.capacity)) return null;
  const part = (label, key) => h('span', { dataset: { group: key } }, `${label} ${fig(g[key])}`);
  return h('p', { class: 'groups', dataset: { role: 'groups' } }, `${t('groups')} (${t('ciFigures')}): `,
    part('IC', 'icu'), ' · ', part('PICU', 'picu'), ' · ', part('NICU', 'nicu'), ' · ', part(t('clinic'), 'clinic'));
}

function contacts(l) {
  const c = l.contacts || {};
  const person = role => p => [`${role}: ${p.name} `, h('a', { href: `tel:${p.phone}` }, p.phone)];
  const people = [...(c.regiehouderSeh || []).map(person('SEH')),
    ...(c.beddencoordinator || []).map(person(t('bedCoord').split(' –')[0]))];
  if (!people.length) return null;
  return h('p', { class: 'contacts' }, `${t('contacts')}: `, people.map((p, i) => (i ? [' · ', p] : p)));
}

function card(l) {
  const stale = isStale(l), stops = stopsAt(l.locationId), headingId = `loc-${l.locationId}`;
  return h('article', { class: cls('loc', stale && 'stale', stops.length && 'stopped'),
    dataset: { location: l.locationId, last: l.lastEventAt || '' }, 'aria-labelledby': headingId },
  h('h3', { id: headingId }, l.name, ' ',
    l.own && h('span', { class: 'badge own' }, t('own')),
    l.shared === false && h('span', { class: 'badge hidden' }, t('hiddenBadge')),
    stops.map(s => h('span', { class: 'badge stop' }, `${t('stopBadge')} ${s.kind}`)),
    h('span', { class: 'badge stale', dataset: { role: 'stale' }, hidden: !stale },
      `⚠ ${l.lastEventAt ? t('stale') : t('noData')}`)),
  h('p', { class: 'meta' }, `${l.locationId} · ${l.safetyRegionId} · ${t('lastEvent')}: `,
    h('span', { dataset: { role: 'age' } }, l.lastEventAt ? `${fmt(l.lastEventAt)} (${age(l.lastEventAt, refNow())} ${t('ago')})` : '–'),
    stale && l.lastEventAt && [h('br'), h('strong', null, t('staleLong', STALE_MINUTES))],
    ' ', h('button', { type: 'button', class: 'link', dataset: { profile: l.locationId } }, t('profileOpen'))),
  l.elements.length ? table(l) : h('p', { class: 'hint' }, t('noBeds')),
  groups(l), contacts(l));
}

export function renderCapacity() {
  const box = $('#locations');
  if (!state.capacity) { box.replaceChildren(); return; }
  box.className = 'locations';
  box.replaceChildren(...ordered(shownLocations()).map(card));
}

/** Every second: the ages of the last reports and the staleness (at the instant shown). */
export function tickCapacity() {
  document.querySelectorAll('[data-location]').forEach(el => {
    const last = el.dataset.last;
    const stale = isStale({ lastEventAt: last || null });
    el.classList.toggle('stale', stale);
    el.querySelector('[data-role=stale]').hidden = !stale;
    if (last) el.querySelector('[data-role=age]').textContent = `${fmt(last)} (${age(last, refNow())} ${t('ago')})`;
  });
}
