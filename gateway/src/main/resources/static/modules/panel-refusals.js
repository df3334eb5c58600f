// Panel: birth-care refusals (weigeringen; docs/modules.md, "Geboortezorg: refusals by first-line midwives"). Who sees
// what:
// - MIDWIFE: a form to register one refusal (POST /api/v1/birth-care/refusals: a hospital of the region offering
//   VERLOSKUNDE, the time, the reason, optionally the location that took her then; nothing of the woman) and what her
//   practice registered in the last 30 days (GET /api/v1/birth-care/refusals/mine);
// - HOSPITAL: per own location offering VERLOSKUNDE in the region, the refusals about it in the last 30 days
//   (GET /api/v1/locations/{id}/refusals);
// - RCPS, LCPS, ADMIN: per hospital of the region and month, the last 3 months, with the reasons and how often another
//   hospital took her (GET /api/v1/regions/{roaz}/refusals/monthly).
// Refusals are not on the live stream: the panel reads them when the view starts, after a registration, every minute
// and on "Vernieuwen". Days and months are Europe/Amsterdam's, as the platform counts them.
import { state } from './state.js';
import { $, h, fillSelect, showMessage } from './dom.js';
import { t, fmt } from './i18n.js';
import { api } from './api.js';
import { ownLocations } from './data.js';

const REASONS = ['NO_DELIVERY_ROOM', 'NO_STAFF', 'NO_NEONATAL_CARE', 'PRESENTATIESTOP', 'OTHER'];
const BIRTH_CARE = 'VERLOSKUNDE';
const DAYS = 30, MONTHS = 3, REFRESH_MS = 60000;

/** What the session's role sees here: 'midwife', 'hospital', 'region', or null (no panel). */
export const refusalView = () =>
  ({ MIDWIFE: 'midwife', HOSPITAL: 'hospital', RCPS: 'region', LCPS: 'region', ADMIN: 'region' }[state.session?.role]
    || null);

/** What was read: the practice's own, per own location, the region's months; a refused read of the first or last. */
const data = { mine: null, about: new Map(), monthly: null, problem: null };
/**
 * The refusal sent without a definite answer (network error, 5xx): { key: the form's values, eventId }. Sent again
 * with the same values it keeps its eventId, so that the platform counts it once (a duplicate if it had arrived).
 */
let pending = null;
let refreshTimer = null, formKey = null;

const amsterdamDay = date => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(date);
/** The last 30 days, today included (Europe/Amsterdam), as the query's from and to. */
const lastDays = () =>
  `from=${amsterdamDay(new Date(Date.now() - (DAYS - 1) * 86400000))}&to=${amsterdamDay(new Date())}`;
/** This month and the two before it (Europe/Amsterdam), YYYY-MM, oldest first. */
function lastMonths() {
  const [y, m] = amsterdamDay(new Date()).split('-').map(Number);
  return Array.from({ length: MONTHS }, (_, i) => {
    const d = new Date(Date.UTC(y, m - MONTHS + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
const monthLabel = ym => new Date(`${ym}-15T12:00:00Z`).toLocaleDateString(state.lang === 'nl' ? 'nl-NL' : 'en-GB',
  { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** A datetime-local value (browser time zone, to the minute). */
function localInputValue(date) {
  const p = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`
    + `T${p(date.getHours())}:${p(date.getMinutes())}`;
}

const offersBirthCare = l => (l.careOffered || []).includes(BIRTH_CARE);
const byName = (a, b) => (a.name || '').localeCompare(b.name || '') || a.locationId.localeCompare(b.locationId);
/** The region's locations offering acute obstetric care (the topology the page read). */
const birthCareLocations = () => state.topology.filter(offersBirthCare).sort(byName);
const ownBirthCareLocations = () => ownLocations().filter(offersBirthCare).sort(byName);
const locationLabel = l => `${l.name} (${l.locationId})`;

const col = text => h('th', { scope: 'col' }, text);
const reasonCell = r => h('td', { dataset: { role: 'reason' }, title: r }, t('reasonName', r));
const takenCell = r => h('td', { dataset: { role: 'taken-by', taken: r.takenByLocationId || '' } },
  r.takenByLocationId ? `${r.takenByName || ''} (${r.takenByLocationId})`.trim() : '–');
const problemLine = e => h('p', { class: 'error', dataset: { code: e.problem?.code || '' } },
  t('refusalsReadFailed', e.problem?.code || e.status, e.message));
const table = (labelledBy, heads, rows) => h('div', { class: 'table-wrap' },
  h('table', { 'aria-labelledby': labelledBy, class: 'refusals-list' },
    h('thead', null, h('tr', null, heads.map(col))), h('tbody', null, rows)));

// ---- the midwife's form ------------------------------------------------------------------------------------------

/** Replaces a select's options, keeping the chosen value when it is still offered (else the first, empty one). */
function refill(sel, items) {
  const keep = sel.value;
  fillSelect(sel, items, items.some(([v]) => v === keep) ? keep : '');
}

function renderTakenBy() {
  const refused = $('#rf-location').value;
  refill($('#rf-taken'), [['', t('takenByNone')],
    ...birthCareLocations().filter(l => l.locationId !== refused).map(l => [l.locationId, locationLabel(l)])]);
}

function setTimeNow() {
  const value = localInputValue(new Date());
  if ($('#rf-time').value !== value) $('#rf-time').value = value;
}

/** The selects (keeping the choices); built again only when the language or the region's locations change. */
function renderForm() {
  const locs = birthCareLocations();
  const key = [state.lang, ...locs.map(l => `${l.locationId}:${l.name}`)].join('|');
  if (key === formKey) return;
  formKey = key;
  refill($('#rf-location'), [['', t('choose')], ...locs.map(l => [l.locationId, locationLabel(l)])]);
  refill($('#rf-reason'), [['', t('choose')], ...REASONS.map(r => [r, t('reasonName', r)])]);
  renderTakenBy();
  $('#rf-no-locations').hidden = locs.length > 0 || !state.topology.length; // said once the locations are read
  if ($('#rf-time').dataset.auto === 'true' && !pending) setTimeNow();
}

function resetForm() {
  ['#rf-location', '#rf-reason', '#rf-taken'].forEach(s => { $(s).value = ''; });
  renderTakenBy();
  $('#rf-time').dataset.auto = 'true';
  setTimeNow();
}

async function register(ev) {
  ev.preventDefault();
  const box = $('#refusal-result');
  const fields = { refusedLocationId: $('#rf-location').value, time: $('#rf-time').value,
    reason: $('#rf-reason').value, takenByLocationId: $('#rf-taken').value || null };
  const occurredAt = new Date(fields.time);
  if (Number.isNaN(occurredAt.getTime())) return; // the input's own check (required) holds this
  const key = JSON.stringify(fields);
  if (!pending || pending.key !== key) pending = { key, eventId: crypto.randomUUID() };
  const refusal = { eventId: pending.eventId, refusedLocationId: fields.refusedLocationId,
    occurredAt: occurredAt.toISOString(), reason: fields.reason, takenByLocationId: fields.takenByLocationId };
  $('#rf-send').disabled = true;
  try {
    const r = await api('POST', '/api/v1/birth-care/refusals', { refusals: [refusal] });
    pending = null;
    const rejected = (r.rejected || [])[0];
    if (rejected) {
      showMessage(box, t('refusalRejected', rejected.code, rejected.detail), false,
        { dataset: { outcome: 'rejected', code: rejected.code } });
      return;
    }
    const duplicate = !r.accepted && r.duplicates > 0;
    showMessage(box, t(duplicate ? 'refusalDuplicate' : 'refusalAccepted'), true,
      { dataset: { outcome: duplicate ? 'duplicate' : 'accepted', eventId: refusal.eventId } });
    resetForm();
    loadMine(refusal.eventId);
  } catch (e) {
    if (e.status === 0 || e.status >= 500) {
      // not known whether it arrived: the pending eventId stays for the resend
      showMessage(box, t('refusalUnreachable'), false,
        { dataset: { outcome: 'unreachable', eventId: refusal.eventId } });
    } else {
      pending = null;
      const code = e.problem?.code || String(e.status);
      showMessage(box, t('refusalRejected', code, e.message), false, { dataset: { outcome: 'rejected', code } });
    }
  } finally {
    $('#rf-send').disabled = false;
  }
}

// ---- reading -----------------------------------------------------------------------------------------------------

/**
 * The practice's own refusals of the last 30 days. After a registration the read side has it a few seconds later:
 * read again (1, 2, 4, 5, 5… s) until the eventId is there, at most 8 times.
 */
async function loadMine(expectEventId, attempt = 0) {
  try {
    data.mine = await api('GET', `/api/v1/birth-care/refusals/mine?${lastDays()}`);
    data.problem = null;
  } catch (e) {
    if (e.status !== 0) { data.mine = null; data.problem = e; } // unreachable: keep the last list
  }
  renderRefusals();
  const there = (data.mine?.refusals || []).some(r => r.eventId === expectEventId);
  if (expectEventId && !there && attempt < 8) {
    setTimeout(() => loadMine(expectEventId, attempt + 1), 1000 * Math.min(2 ** attempt, 5));
  }
}

/** The refusals about each own location offering VERLOSKUNDE, last 30 days (a refused read shown per location). */
async function loadAbout() {
  const about = new Map();
  await Promise.all(ownBirthCareLocations().map(async l => {
    try {
      about.set(l.locationId, await api('GET',
        `/api/v1/locations/${encodeURIComponent(l.locationId)}/refusals?${lastDays()}`));
    } catch (e) {
      if (e.status !== 0) about.set(l.locationId, { problem: e });
      else if (data.about.has(l.locationId)) about.set(l.locationId, data.about.get(l.locationId));
    }
  }));
  data.about = about;
  renderRefusals();
}

/** The region's monthly counts per hospital, the last 3 months. */
async function loadMonthly() {
  const months = lastMonths();
  try {
    data.monthly = await api('GET', `/api/v1/regions/${encodeURIComponent(state.session.roaz)}/refusals/monthly`
      + `?from=${months[0]}&to=${months[months.length - 1]}`);
    data.problem = null;
  } catch (e) {
    if (e.status !== 0) { data.monthly = null; data.problem = e; }
  }
  renderRefusals();
}

/** Reads what the session's role sees (a hospital's own locations need the topology: read when it is there). */
export function loadRefusals() {
  const view = refusalView();
  if (view === 'midwife') loadMine();
  if (view === 'hospital' && state.topology.length) loadAbout();
  if (view === 'region') loadMonthly();
}

/** The region's locations were (re)read: the form's selects, a hospital's own locations. */
export function refusalsTopologyChanged() {
  if (refusalView() === 'hospital') loadAbout();
  else renderRefusals();
}

/** The view started: read now and every minute. */
export function startRefusals() {
  clearInterval(refreshTimer);
  if (!refusalView()) return;
  loadRefusals();
  refreshTimer = setInterval(loadRefusals, REFRESH_MS);
}

// ---- views -------------------------------------------------------------------------------------------------------

function mineView() {
  if (!data.mine) return [];
  const rows = [...data.mine.refusals].reverse(); // newest first
  return [h('h3', { id: 'refusals-mine-h' }, t('refusalsMine')),
    !rows.length ? h('p', { class: 'hint', dataset: { role: 'none' } }, t('refusalsNone'))
      : table('refusals-mine-h',
        [t('colTime'), t('colHospital'), t('refusalReason'), t('colTakenBy'), t('colRecorded')],
        rows.map(r => h('tr', { class: 'refusal-row',
          dataset: { eventId: r.eventId, refused: r.refusedLocationId, reason: r.reason, occurred: r.occurredAt } },
        h('th', { scope: 'row' }, fmt(r.occurredAt)),
        h('td', { dataset: { role: 'refused' } }, `${r.refusedName || ''} (${r.refusedLocationId})`.trim()),
        reasonCell(r.reason), takenCell(r), h('td', null, fmt(r.recordedAt)))))];
}

function aboutView() {
  const locs = ownBirthCareLocations();
  if (!locs.length) return state.topology.length ? [h('p', { class: 'hint' }, t('refusalsNoOwn'))] : [];
  return locs.map(l => {
    const a = data.about.get(l.locationId), headingId = `refusals-about-${l.locationId}`;
    const list = a && !a.problem ? [...a.refusals].reverse() : [];
    return h('div', { class: 'refusals-hospital', dataset: { hospital: l.locationId } },
      h('h3', { id: headingId }, locationLabel(l)),
      a?.problem && problemLine(a.problem),
      a && !a.problem && h('p', { class: 'hint', dataset: { role: 'count', count: list.length } },
        t('refusalsCount', list.length)),
      list.length > 0 && table(headingId, [t('colTime'), t('refusalReason'), t('colTakenBy'), t('colMidwifeRegion')],
        list.map(r => h('tr', { class: 'refusal-row', dataset: { reason: r.reason, occurred: r.occurredAt } },
          h('th', { scope: 'row' }, fmt(r.occurredAt)), reasonCell(r.reason), takenCell(r),
          h('td', { dataset: { role: 'midwife-region' } }, r.midwifeRegionId)))));
  });
}

/** One month: the total, the reasons that occurred, how often she was taken elsewhere (every reason in the title). */
function monthCell(c) {
  if (!c) return h('td', null, '–');
  const reasons = REASONS.filter(r => c.byReason?.[r]).map(r => `${c.byReason[r]} ${t('reasonName', r)}`);
  const title = [...REASONS.map(r => `${t('reasonName', r)}: ${c.byReason?.[r] ?? 0}`),
    t('takenElsewhere', c.takenElsewhere)].join('\n');
  return h('td', { class: 'refusal-month', dataset: { month: c.month, total: c.total }, title },
    h('strong', { dataset: { role: 'total' } }, String(c.total)),
    c.total > 0 && h('small', { dataset: { role: 'reasons' } }, reasons.join(' · ')),
    c.total > 0 && h('small', { dataset: { role: 'taken-elsewhere', count: c.takenElsewhere } },
      t('takenElsewhere', c.takenElsewhere)));
}

function monthlyView() {
  const m = data.monthly;
  if (!m) return [];
  const months = m.totals.map(x => x.month);
  const cells = list => months.map(month => monthCell((list || []).find(x => x.month === month)));
  return [h('p', { class: 'hint' }, t('monthlyHint')),
    h('div', { class: 'table-wrap' }, h('table', { 'aria-labelledby': 'refusals-h', class: 'refusals-monthly' },
      h('thead', null, h('tr', null, col(t('colHospital')), months.map(month => col(monthLabel(month))))),
      h('tbody', null, m.hospitals.map(hp => h('tr', { dataset: { hospital: hp.locationId } },
        h('th', { scope: 'row' }, hp.name || hp.locationId, h('br'), h('small', null, hp.locationId)),
        cells(hp.months)))),
      h('tfoot', null, h('tr', { class: 'refusals-totals', dataset: { totals: m.roazRegionId } },
        h('th', { scope: 'row' }, t('regionTotal')), cells(m.totals)))))];
}

export function renderRefusals() {
  const view = refusalView();
  $('#refusals').hidden = !view;
  if (!view) return;
  $('#refusal-register').hidden = view !== 'midwife';
  $('#refusals-intro').textContent = view === 'midwife' ? t('refusalsIntroMidwife')
    : view === 'hospital' ? t('refusalsIntroHospital') : t('refusalsIntroRegion', state.session.roaz);
  if (view === 'midwife') renderForm();
  const box = $('#refusals-view');
  box.dataset.view = view;
  if (data.problem && view !== 'hospital') { box.replaceChildren(problemLine(data.problem)); return; }
  box.replaceChildren(...(view === 'midwife' ? mineView() : view === 'hospital' ? aboutView() : monthlyView()));
}

/** Every second: an untouched time field follows the clock (not while a refusal waits to be sent again). */
export function tickRefusals() {
  const time = $('#rf-time');
  if (refusalView() === 'midwife' && time.dataset.auto === 'true' && !pending && document.activeElement !== time) {
    setTimeNow();
  }
}

export function initRefusals() {
  $('#refusal-form').addEventListener('submit', register);
  $('#rf-location').addEventListener('change', renderTakenBy);
  $('#rf-time').addEventListener('input', e => { e.target.dataset.auto = 'false'; });
  $('#rf-refresh').addEventListener('click', loadRefusals);
}
