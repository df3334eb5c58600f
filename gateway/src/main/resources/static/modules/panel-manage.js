// Panel: declare a stop (ED manager, role HOSPITAL) for an own location: the kinds the location offers, the norm
// time hint (the stop-service's norm for the location's ROAZ region; 2× the norm makes "MKA is gebeld" required),
// POST /api/v1/stops, and refusals explained.
import { state } from './state.js';
import { $, h, fillSelect, showMessage } from './dom.js';
import { t, fmt } from './i18n.js';
import { api } from './api.js';
import { ownLocations, topologyLocation, soonStops } from './data.js';
import { loadNormTimes, normMinutes } from './reference.js';

/** A refused request in the box: LAST_IN_REGION in plain words, anything else with its code and detail. */
export function showProblem(box, e, kind) {
  const code = e.problem?.code;
  if (code === 'LAST_IN_REGION') {
    box.replaceChildren(h('div', { class: 'refusal', dataset: { code } },
      h('h3', null, t('refusedTitle')),
      h('p', null, t('refusedBody', kind || '')),
      h('p', null, h('strong', null, t('refusedWhat'))),
      h('p', { class: 'hint' }, `${t('serverSays')}: ${e.problem.detail} (${code})`)));
  } else {
    showMessage(box, `${t('error')} ${e.status || ''} ${code || ''}: ${e.message}`, false, { dataset: { code: code || '' } });
  }
}

/** The own locations in the form (keeping the choice), then the kinds of the chosen one. */
export function renderManage() {
  const sel = $('#stop-location'), keep = sel.value, own = ownLocations();
  fillSelect(sel, own.map(l => [l.locationId, `${l.name} (${l.locationId}, ${l.safetyRegionId})`]), keep || undefined);
  if (!sel.value && own.length) sel.value = own[0].locationId;
  kindsChanged();
}

function kindsChanged() {
  const loc = topologyLocation($('#stop-location').value);
  const kinds = loc?.careOffered || [];
  const keep = $('#stop-kind').value;
  fillSelect($('#stop-kind'), kinds.map(k => [k, t('kindName', k)]), kinds.includes(keep) ? keep : undefined);
  normChanged();
}

/** The norm time hint (read for the region when first needed); a duration over 2× the norm requires the MKA checkbox. */
export function normChanged() {
  const kind = $('#stop-kind').value || 'SEH', d = Number($('#stop-duration').value || 0);
  const roaz = topologyLocation($('#stop-location').value)?.roazRegionId || state.session.roaz;
  const n = normMinutes(roaz, kind);
  if (n === undefined) loadNormTimes(roaz).then(normChanged, e => console.warn('norm times', roaz, e));
  const long = n > 0 && d > 2 * n;
  $('#norm-hint').textContent = n === undefined ? t('normUnknown', kind) : n === null ? t('normNone', kind)
    : t('normHint', kind, n) + (long ? ' ' + t('mkaRequired') : '');
  $('#stop-mka').required = long;
}

async function declareStop(ev) {
  ev.preventDefault();
  const box = $('#stop-result'), kind = $('#stop-kind').value;
  const body = { locationId: $('#stop-location').value, kind, type: $('#stop-type').value,
    expectedDurationMinutes: Number($('#stop-duration').value), reason: $('#stop-reason').value,
    mkaContacted: $('#stop-mka').checked };
  try {
    const r = await api('POST', '/api/v1/stops', body);
    showMessage(box, t('declared', r.stopId, fmt(r.expectedEnd)), true, { dataset: { stopId: r.stopId } });
    soonStops();
  } catch (e) { showProblem(box, e, kind); }
}

export function initManage() {
  $('#stop-form').addEventListener('submit', declareStop);
  $('#stop-location').addEventListener('change', kindsChanged);
  $('#stop-kind').addEventListener('change', normChanged);
  $('#stop-duration').addEventListener('input', normChanged);
}
