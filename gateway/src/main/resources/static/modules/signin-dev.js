// Sign-in in the local profile: a picker (role, ROAZ region, VR or organisation) and a token from POST /dev/tokens,
// kept in sessionStorage. The organisation list is read with a short-lived ADMIN dev token used for the picker only.
import { state, setSession } from './state.js';
import { $, fillSelect } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { ROAZ_REGIONS, safetyRegionsOf, safetyRegionLabel } from './reference.js';

async function pickerOrganisations() {
  const roaz = $('#roaz').value;
  try {
    const admin = await api('POST', '/dev/tokens', { sub: 'dashboard-picker', roles: ['ADMIN'] }, null);
    const list = await api('GET', `/api/v1/regions/${encodeURIComponent(roaz)}/locations`, null, admin.token);
    const orgs = new Map();
    list.locations.forEach(l => { if (!orgs.has(l.organisationId)) orgs.set(l.organisationId, l.name); });
    fillSelect($('#org'), [...orgs].sort((a, b) => a[1].localeCompare(b[1])).map(([id, n]) => [id, `${n} (${id})`]));
  } catch (e) { $('#signin-error').textContent = `${t('error')}: ${e.message}`; }
}

/** The picker's fields for the chosen role and region. */
export function pickerChanged() {
  if (state.signInMode !== 'dev') return;
  const role = $('#role').value;
  $('#vr-field').hidden = !['MKA', 'MMA'].includes(role);
  $('#org-field').hidden = role !== 'HOSPITAL';
  fillSelect($('#vr'), safetyRegionsOf($('#roaz').value).map(v => [v, safetyRegionLabel(v)]));
  if (role === 'HOSPITAL') pickerOrganisations();
}

export function initPicker() {
  fillSelect($('#roaz'), ROAZ_REGIONS.map(r => [r, r]), 'ROAZ-NHF');
  pickerChanged();
  $('#role').addEventListener('change', pickerChanged);
  $('#roaz').addEventListener('change', pickerChanged);
}

/** Asks the gateway for the picked user's token; true when signed in. */
export async function signIn() {
  const role = $('#role').value, roaz = $('#roaz').value, sub = $('#subject').value;
  const claims = { sub, roles: [role] };
  if (role === 'MKA' || role === 'MMA') claims.region = $('#vr').value;
  if (role === 'RCPS') claims.region = roaz;
  if (role === 'HOSPITAL') claims.organisation = $('#org').value;
  try {
    const r = await api('POST', '/dev/tokens', claims, null);
    setSession({ mode: 'dev', token: r.token, expiresAt: r.expiresAt, role, sub, roaz, region: claims.region || null,
      organisation: claims.organisation || null,
      organisationName: role === 'HOSPITAL' ? $('#org').selectedOptions[0]?.textContent : null });
    return true;
  } catch (e) {
    $('#signin-error').textContent = `${t('error')}: ${e.message}`;
    return false;
  }
}
