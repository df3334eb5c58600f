// Sign-in in the local profile: a picker (role, ROAZ region, VR, organisation or midwife practice) and a token from
// POST /dev/tokens, kept in sessionStorage. The safety regions and the organisation list are read with a short-lived
// ADMIN dev token used for the picker only (every /api call needs a token; the picker exists only where /dev/tokens
// does).
import { state, setSession } from './state.js';
import { $, fillSelect } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { VR_ROLES } from './data.js';
import { loadSafetyRegions, roazRegions, safetyRegionsOf, safetyRegionLabel } from './reference.js';

const RETRY_MS = 5000;
let retry = null, shownError = null;

const pickerToken = async () =>
  (await api('POST', '/dev/tokens', { sub: 'dashboard-picker', roles: ['ADMIN'] }, null)).token;

async function pickerOrganisations() {
  const roaz = $('#roaz').value;
  try {
    const list = await api('GET', `/api/v1/regions/${encodeURIComponent(roaz)}/locations`, null, await pickerToken());
    const orgs = new Map();
    list.locations.forEach(l => { if (!orgs.has(l.organisationId)) orgs.set(l.organisationId, l.name); });
    fillSelect($('#org'), [...orgs].sort((a, b) => a[1].localeCompare(b[1])).map(([id, n]) => [id, `${n} (${id})`]));
  } catch (e) { $('#signin-error').textContent = `${t('error')}: ${e.message}`; }
}

/** The picker's fields for the chosen role and region. */
export function pickerChanged() {
  if (state.signInMode !== 'dev') return;
  const role = $('#role').value;
  $('#vr-field').hidden = !VR_ROLES.includes(role);
  $('#org-field').hidden = role !== 'HOSPITAL';
  // a midwife's organisation is her practice (typed: practices are not in the locations listing); disabled when
  // hidden so that it cannot block the form
  $('#practice-field').hidden = role !== 'MIDWIFE';
  $('#practice').disabled = role !== 'MIDWIFE';
  fillSelect($('#vr'), safetyRegionsOf($('#roaz').value).map(v => [v, safetyRegionLabel(v)]));
  if (role === 'HOSPITAL') pickerOrganisations();
}

export function initPicker() {
  $('#role').addEventListener('change', pickerChanged);
  $('#roaz').addEventListener('change', pickerChanged);
}

/** Fills the picker once the safety regions are read; while they cannot be, says so and tries again. */
export async function fillPicker() {
  clearTimeout(retry);
  try {
    await loadSafetyRegions(await pickerToken());
  } catch (e) {
    shownError = $('#signin-error').textContent = t('regionsFailed', e.message);
    retry = setTimeout(fillPicker, RETRY_MS);
    return;
  }
  if (shownError && $('#signin-error').textContent === shownError) $('#signin-error').textContent = '';
  fillSelect($('#roaz'), roazRegions().map(r => [r, r]), 'ROAZ-NHF');
  pickerChanged();
}

/** Asks the gateway for the picked user's token; true when signed in. */
export async function signIn() {
  const role = $('#role').value, roaz = $('#roaz').value, sub = $('#subject').value;
  const claims = { sub, roles: [role] };
  if (VR_ROLES.includes(role)) claims.region = $('#vr').value;
  if (role === 'RCPS' || role === 'MIDWIFE') claims.region = roaz;
  if (role === 'HOSPITAL') claims.organisation = $('#org').value;
  if (role === 'MIDWIFE') claims.organisation = $('#practice').value.trim();
  try {
    const r = await api('POST', '/dev/tokens', claims, null);
    setSession({ mode: 'dev', token: r.token, expiresAt: r.expiresAt, role, sub, roaz, region: claims.region || null,
      organisation: claims.organisation || null,
      organisationName: role === 'HOSPITAL' ? $('#org').selectedOptions[0]?.textContent
        : role === 'MIDWIFE' ? claims.organisation : null });
    return true;
  } catch (e) {
    $('#signin-error').textContent = `${t('error')}: ${e.message}`;
    return false;
  }
}
