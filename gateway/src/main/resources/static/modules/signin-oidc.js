// OIDC sign-in (profiles other than local): authorization code flow with PKCE for a public client, by oidc-client-ts
// (vendor/oidc-client-ts, loaded only in this mode). Its state (state, code_verifier) and the user (tokens) live in
// sessionStorage; role, organisation and region come from the access token's claims.
import { state, setSession } from './state.js';
import { $, fillSelect } from './dom.js';
import { t } from './i18n.js';
import { loadSafetyRegions, roazRegions, isSafetyRegion, regionOfSafetyRegion } from './reference.js';

const LIBRARY = new URL('../vendor/oidc-client-ts/oidc-client-ts.min.js', import.meta.url).href;
/** The ROAZ region chosen by a user whose token names none (kept for the tab). */
export const OIDC_ROAZ = 'lpz.oidc.roaz';
const CALLBACK_PARAMS = ['code', 'state', 'session_state', 'iss', 'error', 'error_description', 'error_uri'];
const DASHBOARD_ROLES = ['MKA', 'MMA', 'HOSPITAL', 'RCPS', 'LCPS', 'ADMIN', 'MIDWIFE', 'RAV', 'HAP'];

let config = null, manager = null;

/** The gateway's OIDC settings ({ issuer, clientId, scope } of GET /dashboard/config.json). */
export function configure(cfg) { config = cfg; }

function loadLibrary() {
  if (globalThis.oidc?.UserManager) return Promise.resolve(globalThis.oidc);
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: LIBRARY });
    script.onload = () => resolve(globalThis.oidc);
    script.onerror = () => reject(new Error(`${LIBRARY} could not be loaded`));
    document.head.append(script);
  });
}

async function userManager() {
  if (manager) return manager;
  const { UserManager, WebStorageStateStore } = await loadLibrary();
  const page = location.origin + location.pathname;
  manager = new UserManager({
    authority: config.issuer, client_id: config.clientId, scope: config.scope || 'openid', response_type: 'code',
    redirect_uri: page, post_logout_redirect_uri: page,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    // no silent renewal: at expiry the page goes through the login service again (signin.js)
    automaticSilentRenew: false, loadUserInfo: false, monitorSession: false,
  });
  return manager;
}

/** To the login service (the page is left). */
export async function signIn() {
  if (!window.isSecureContext || !crypto.subtle) throw new Error(t('oidcInsecure'));
  const um = await userManager();
  try {
    await um.signinRedirect();
  } catch (e) { throw new Error(t('oidcDiscoveryFailed', String(e.message || e))); }
}

/** The session: back from the login service (?code=&state= or ?error=), or the user kept for the tab; or null. */
export async function restore() {
  const um = await userManager();
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) {
    const user = await um.getUser();
    return user && !user.expired ? session(user) : null;
  }
  const url = location.href;
  const rest = new URLSearchParams(location.search);
  CALLBACK_PARAMS.forEach(p => rest.delete(p));
  history.replaceState(null, '', location.pathname + (rest.toString() ? `?${rest}` : '') + location.hash);
  let user;
  try {
    user = await um.signinRedirectCallback(url);
  } catch (e) {
    const detail = e.error ? e.error + (e.error_description ? `: ${e.error_description}` : '') : String(e.message || e);
    if (e.error && params.has('error')) throw new Error(t('oidcRefused', detail));
    if (!e.error && /state/i.test(detail)) throw new Error(t('oidcState'));
    throw new Error(t('oidcTokenFailed', detail));
  }
  try {
    return await session(user);
  } catch (e) { await um.removeUser(); throw e; }
}

/** The claims of a JWT (not verified here: the gateway validates the token on every call). */
function claims(jwt) {
  const part = String(jwt).split('.')[1];
  if (!part) throw new Error('the access token is not a JWT');
  const bin = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, c => c.charCodeAt(0))));
}

/**
 * The ROAZ region of a token's region claim: a VR's (from the safety regions, read with the user's token), a ROAZ id
 * itself, else the user's choice. Safety regions that cannot be read leave the choice to the user (fillRoazChoice).
 */
async function roazOf(region, token) {
  try { await loadSafetyRegions(token); } catch (e) { console.warn('safety regions', e); }
  if (isSafetyRegion(region)) return regionOfSafetyRegion(region);
  return roazRegions().includes(region) ? region : sessionStorage.getItem(OIDC_ROAZ);
}

/** The ROAZ regions to choose from in the sign-in form: at once when read, else after reading them. */
export function fillRoazChoice(showError) {
  const fill = () => fillSelect($('#roaz'), roazRegions().map(r => [r, r]));
  if (roazRegions().length) { fill(); return; }
  loadSafetyRegions().then(fill, e => showError(t('regionsFailed', e.message)));
}

async function session(user) {
  const c = claims(user.access_token);
  const names = Array.isArray(c.roles) ? c.roles.map(String) : String(c.roles || '').split(/[\s,]+/).filter(Boolean);
  const role = DASHBOARD_ROLES.find(r => names.includes(r));
  if (!role) throw new Error(t('oidcNoRole'));
  const region = c.region || null;
  const exp = user.expires_at ? user.expires_at * 1000 : c.exp ? c.exp * 1000 : null;
  const s = { mode: 'oidc', token: user.access_token, expiresAt: exp ? new Date(exp).toISOString() : null, role,
    roles: names,
    sub: c.preferred_username || c.name || c.sub, roaz: (await roazOf(region, user.access_token)) || null, region,
    organisation: c.organisation || null, organisationName: c.organisation || null };
  setSession(s);
  return s;
}

/** A signed-in user whose token names no region: the ROAZ region chosen in the sign-in form. */
export function chooseRoaz(roaz) {
  sessionStorage.setItem(OIDC_ROAZ, roaz);
  setSession({ ...state.session, roaz });
}

/** Forgets the user; with the login service's end_session_endpoint, signs out there too (true: the page is left). */
export async function signOut() {
  sessionStorage.removeItem(OIDC_ROAZ);
  const um = await userManager().catch(() => null);
  if (!um) return false;
  try {
    await um.signoutRedirect({ client_id: config.clientId }); // id_token_hint from the user; back to this page
    return true;
  } catch {
    await um.removeUser().catch(() => {});
    return false; // no end_session_endpoint (or no discovery): the local sign-out is all there is
  }
}

/** Forgets the user kept for the tab (a token the platform refused). */
export async function forgetUser() {
  await (await userManager().catch(() => null))?.removeUser();
}
