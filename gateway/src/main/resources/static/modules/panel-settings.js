// Panel: settings of the own locations (bed coordinator, role HOSPITAL): threshold per element
// (PUT /locations/{id}/thresholds), contacts (PUT /locations/{id}/contacts) and the organisation's visibility
// (PUT /organisations/{id}/visibility).
import { state } from './state.js';
import { $, fillSelect } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { ownLocations, topologyLocation, loadTopology } from './data.js';
import { showProblem } from './panel-manage.js';

export function renderSettings() {
  const sel = $('#set-location'), keep = sel.value, own = ownLocations();
  fillSelect(sel, own.map(l => [l.locationId, `${l.name} (${l.locationId})`]), keep || undefined);
  if (!sel.value && own.length) sel.value = own[0].locationId;
  if (state.codeList) {
    fillSelect($('#th-element'), state.codeList.specialistisch.map(e => [e.code, `${e.code} – ${e.name}`]),
      $('#th-element').value || undefined);
  }
  locationChanged();
}

/** The chosen location's contacts in the form. */
function locationChanged() {
  const c = topologyLocation($('#set-location').value)?.contacts || {};
  $('#c-seh-name').value = c.regiehouderSeh?.[0]?.name || ''; $('#c-seh-phone').value = c.regiehouderSeh?.[0]?.phone || '';
  $('#c-bc-name').value = c.beddencoordinator?.[0]?.name || ''; $('#c-bc-phone').value = c.beddencoordinator?.[0]?.phone || '';
}

async function save(ev, request) {
  ev.preventDefault();
  const box = $('#settings-result');
  try {
    await request();
    box.textContent = t('saved');
    box.className = 'result-ok';
    loadTopology();
  } catch (e) { box.className = ''; showProblem(box, e); }
}

const person = (name, phone) => name ? [{ name, phone }] : [];
const chosen = () => encodeURIComponent($('#set-location').value);

export function initSettings() {
  $('#set-location').addEventListener('change', locationChanged);
  $('#threshold-form').addEventListener('submit', e => save(e, () => api('PUT', `/api/v1/locations/${chosen()}/thresholds`,
    { thresholds: [{ specialistisch: $('#th-element').value, beds: Number($('#th-beds').value) }] })));
  $('#contacts-form').addEventListener('submit', e => save(e, () => api('PUT', `/api/v1/locations/${chosen()}/contacts`,
    { regiehouderSeh: person($('#c-seh-name').value, $('#c-seh-phone').value),
      beddencoordinator: person($('#c-bc-name').value, $('#c-bc-phone').value) })));
  $('#visibility-form').addEventListener('submit', e => save(e, () => api('PUT',
    `/api/v1/organisations/${encodeURIComponent(state.session.organisation)}/visibility`,
    { shared: $('#vis-shared').checked, releaseHistory: $('#vis-history').checked })));
}
