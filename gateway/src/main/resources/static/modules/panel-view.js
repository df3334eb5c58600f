// Panel: what is shown — the safety-region filter (MKA/MMA: their own VR only) and the history form (an instant to
// the second, browser time zone; a later one than now shows now) with "Terug naar live".
import { state, emit } from './state.js';
import { $, fillSelect } from './dom.js';
import { t } from './i18n.js';
import { loadCapacity, loadStops, loadModulePicture, VR_ROLES, readsBeds } from './data.js';
import { safetyRegionsOf, safetyRegionLabel } from './reference.js';

export function renderVrFilter() {
  const s = state.session, sel = $('#vr-filter');
  if (!s) return;
  if (VR_ROLES.includes(s.role)) {
    fillSelect(sel, [[s.region, safetyRegionLabel(s.region)]]);
    sel.disabled = true;
    return;
  }
  fillSelect(sel, [['', `${t('allVrs')} (${s.roaz})`], ...safetyRegionsOf(s.roaz).map(v => [v, safetyRegionLabel(v)])], state.vrFilter);
}

function showInstant(asOf) {
  state.asOf = asOf;
  emit('tick');
  if (readsBeds()) loadCapacity();
  loadStops();
  loadModulePicture();
}

export function initView() {
  $('#vr-filter').addEventListener('change', e => {
    state.vrFilter = e.target.value;
    loadStops();
    emit('capacity');
  });
  $('#history-form').addEventListener('submit', e => {
    e.preventDefault();
    const v = $('#asof').value;
    if (!v) return;
    // a past instant only (the platform refuses a future asOf for the stops): a later one shows now
    showInstant(new Date(Math.min(new Date(v).getTime(), Date.now() - 1000)).toISOString());
  });
  $('#asof-live').addEventListener('click', () => {
    $('#asof').value = '';
    showInstant(null);
  });
}
