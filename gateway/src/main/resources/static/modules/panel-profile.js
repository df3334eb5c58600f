// Panel: the profile page of a location (Kliniek; GET /api/v1/locations/{id}/profile), opened from a location card:
// the care it offers and is designated for, opening hours, contacts, the modules it delivers, and the history of
// those facts. A hospital's own location gets a form for its care profile (PUT .../care-profile).
import { $, h, showMessage } from './dom.js';
import { t, fmt, named } from './i18n.js';
import { api, ApiError } from './api.js';

let shown = null; // the profile on screen
let requested = null; // the location id last asked for (a later click wins over an earlier answer)

const LEVELS = ['', '1', '2', '3'];
const level = v => (v == null ? '' : String(v));

/** The designations of a care profile as short labels (none: an empty list). */
function designations(p) {
  if (!p) return [];
  return [p.traumaLevel && t('pfTrauma', p.traumaLevel), p.strokeIat && t('pfIat'),
    p.nicuLevel && t('pfNicu', p.nicuLevel), p.picu && 'PICU', p.obstetricsLevel && t('pfObstetrics', p.obstetricsLevel)]
    .filter(Boolean);
}

function hours(openingHours) {
  const kinds = Object.entries(openingHours || {});
  if (!kinds.length) return h('p', null, t('pfAroundTheClock'));
  return h('ul', null, kinds.map(([kind, periods]) => h('li', null, `${kind}: `,
    periods.map(p => `${t('day_' + p.day)} ${p.opens}–${p.closes}`).join(', '))));
}

function contactList(c) {
  const people = [...(c?.regiehouderSeh || []).map(p => ['SEH', p]), ...(c?.beddencoordinator || []).map(p => [t('pfBedCoord'), p])];
  if (!people.length) return h('p', { class: 'hint' }, t('pfNoContacts'));
  return h('ul', null, people.map(([role, p]) => h('li', null, `${role}: ${p.name} `, h('a', { href: `tel:${p.phone}` }, p.phone))));
}

function modules(list) {
  const col = text => h('th', { scope: 'col' }, text);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'profile-modules' },
    h('thead', null, h('tr', null, col(t('module')), col(t('pfExpected')), col(t('pfDelivering')), col(t('pfUnits')),
      col(t('lastEvent')))),
    h('tbody', null, list.map(m => h('tr', { dataset: { module: m.moduleId } },
      h('th', { scope: 'row' }, named(m.name)), h('td', null, m.expected ? t('yes') : t('no')),
      h('td', { dataset: { role: 'delivering' } }, m.delivering == null ? '–' : (m.delivering ? t('yes') : t('no'))),
      h('td', null, m.units ?? '–'), h('td', null, m.lastReportAt ? fmt(m.lastReportAt) : '–'))))));
}

/** What a change set, in a few words. */
function summary(c) {
  const d = c.details || {};
  switch (c.kind) {
    case 'REGISTERED': return `${d.name} · ${(d.careOffered || []).join(' ') || '–'}`;
    case 'CARE_PROFILE': return designations(d).join(' · ') || t('pfNone');
    case 'CONTACTS': return [...(d.regiehouderSeh || []), ...(d.beddencoordinator || [])].map(p => p.name).join(', ') || '–';
    case 'OPENING_HOURS': return `${d.careKind}: ${(d.periods || []).length ? t('pfPeriods', d.periods.length) : t('pfAroundTheClock')}`;
    case 'THRESHOLDS': return (d.thresholds || []).map(x => `${x.specialistisch} ${x.beds}`).join(', ') || '–';
    case 'VISIBILITY': return d.shared ? t('shared') : t('hidden');
    default: return '';
  }
}

function history(p) {
  const col = text => h('th', { scope: 'col' }, text);
  return [h('div', { class: 'table-wrap' }, h('table', { class: 'profile-history' },
    h('thead', null, h('tr', null, col(t('colTime')), col(t('pfChange')), col(t('pfBy')), col(t('pfWhat')))),
    h('tbody', null, p.history.map(c => h('tr', { dataset: { kind: c.kind } },
      h('td', null, fmt(c.at)), h('td', null, t('pfKind_' + c.kind)),
      h('td', null, [c.by?.subject, c.by?.organisation].filter(Boolean).join(' · ') || '–'),
      h('td', null, summary(c))))))),
  p.historyTruncated && h('p', { class: 'hint' }, t('pfTruncated'))];
}

function form(p) {
  const pr = p.care.profile || {};
  const select = (id, label, value) => h('div', null, h('label', { for: id }, label),
    h('select', { id }, LEVELS.map(v => h('option', { value: v, selected: v === level(value) }, v || t('pfNone')))));
  const check = (id, label, value) => h('div', { class: 'check' }, h('input', { type: 'checkbox', id, checked: !!value }),
    h('label', { for: id }, label));
  return h('form', { id: 'pf-form', onsubmit: save },
    h('h4', null, t('pfEdit')),
    h('div', { class: 'grid' }, select('pf-trauma', t('pfTraumaLevel'), pr.traumaLevel),
      select('pf-nicu', t('pfNicuLevel'), pr.nicuLevel), select('pf-obstetrics', t('pfObstetricsLevel'), pr.obstetricsLevel),
      check('pf-iat', t('pfIat'), pr.strokeIat), check('pf-picu', 'PICU', pr.picu)),
    h('button', { type: 'submit', id: 'pf-save', class: 'primary' }, t('pfSave')),
    h('div', { id: 'pf-result', role: 'status', 'aria-live': 'polite' }));
}

function render(p) {
  const box = $('#profile-view');
  const d = designations(p.care.profile);
  // replaceChildren takes nodes only: the conditional parts (false) and the history's list are flattened out first
  box.replaceChildren(...[
    h('h3', { id: 'profile-name', tabindex: '-1' }, p.name, ' ', p.own && h('span', { class: 'badge own' }, t('own')),
      !p.shared && h('span', { class: 'badge hidden' }, t('hiddenBadge'))),
    h('p', { class: 'meta' }, [p.locationId, p.organisationId, p.safetyRegionId, p.roazRegionId, p.locationType]
      .filter(Boolean).join(' · ')),
    h('h4', null, t('pfCare')),
    h('p', { dataset: { role: 'offered' } }, `${t('pfOffered')}: ${p.care.offered.join(' ') || '–'}`),
    h('p', { dataset: { role: 'designations' } }, `${t('pfDesignations')}: `,
      d.length ? d.map(x => h('span', { class: 'badge status' }, x)) : (p.care.profile ? t('pfNone') : t('pfNotDescribed'))),
    p.care.profileSource === 'REFERENCE' && h('p', { class: 'hint', dataset: { role: 'reference-profile' } }, t('pfReference')),
    h('h4', null, t('pfHours')), hours(p.care.openingHours),
    h('h4', null, t('contacts')), contactList(p.contacts),
    h('h4', null, t('modules')), !p.shared && !p.own && h('p', { class: 'hint' }, t('pfHiddenModules')), modules(p.modules),
    p.own && form(p),
    h('h4', null, t('pfHistory')), history(p)].flat(Infinity).filter(Boolean));
}

async function load(locationId) {
  requested = locationId;
  const p = await api('GET', `/api/v1/locations/${encodeURIComponent(locationId)}/profile`);
  if (requested !== locationId) return null;
  shown = p;
  render(p);
  return p;
}

export async function openProfile(locationId) {
  const section = $('#profile');
  section.hidden = false;
  $('#profile-view').replaceChildren(h('p', { class: 'hint' }, t('pfLoading')));
  section.scrollIntoView({ block: 'start' });
  try {
    await load(locationId);
    $('#profile-name')?.focus();
  } catch (e) {
    showMessage($('#profile-view'), `${t('error')}: ${e.problem?.code || e.status} ${e.message}`, false);
  }
}

async function save(e) {
  e.preventDefault();
  const num = id => ($(id).value ? Number($(id).value) : null);
  const body = { traumaLevel: num('#pf-trauma'), nicuLevel: num('#pf-nicu'), obstetricsLevel: num('#pf-obstetrics'),
    strokeIat: $('#pf-iat').checked, picu: $('#pf-picu').checked };
  const id = shown.locationId;
  try {
    await api('PUT', `/api/v1/locations/${encodeURIComponent(id)}/care-profile`, body);
  } catch (err) {
    const p = err instanceof ApiError ? err.problem : {};
    showMessage($('#pf-result'), `${t('pfRefused')} (${p.code || err.status}): ${err.message}`, false);
    return;
  }
  // the page reads the read model, which follows the write within moments: read again until it shows the change
  for (let i = 0; i < 20; i++) {
    const p = await load(id).catch(() => null);
    const now = p?.care.profile;
    if (now && level(now.traumaLevel) === level(body.traumaLevel) && level(now.nicuLevel) === level(body.nicuLevel)
      && level(now.obstetricsLevel) === level(body.obstetricsLevel) && now.strokeIat === body.strokeIat
      && now.picu === body.picu) break;
    await new Promise(r => setTimeout(r, 500));
  }
  showMessage($('#pf-result'), t('saved'), true);
}

export function renderProfile() {
  if (shown && !$('#profile').hidden) render(shown);
}

export function initProfile() {
  document.addEventListener('click', e => {
    const button = e.target.closest('[data-profile]');
    if (button) openProfile(button.dataset.profile);
  });
  $('#profile-close').addEventListener('click', () => { $('#profile').hidden = true; shown = null; requested = null; });
}

