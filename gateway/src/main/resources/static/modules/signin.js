// Sign-in: the gateway says how (GET /dashboard/config.json: "dev" in the local profile, otherwise "oidc"); the
// sign-in card for that mode, sign-out, and what happens when the platform refuses the token or it expires.
import { state, setSession, storedSession, emit, on } from './state.js';
import { $ } from './dom.js';
import { t, applyLang } from './i18n.js';
import * as dev from './signin-dev.js';
import * as oidc from './signin-oidc.js';

const REAUTH = 'lpz.oidc.reauthAt';
let expiryTimer = null;

const showError = message => { $('#signin-error').textContent = message; };

async function loadConfig() {
  try {
    const res = await fetch('/dashboard/config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const cfg = await res.json();
    state.signInMode = cfg.signIn === 'oidc' ? 'oidc' : 'dev';
    if (state.signInMode === 'oidc' && cfg.problem) throw new Error(cfg.problem);
    if (state.signInMode === 'oidc') oidc.configure(cfg);
    return true;
  } catch (e) {
    showError(t('configFailed', e.message));
    return false;
  }
}

/** The sign-in card for the mode: the picker (dev), or the login-service button and, when needed, the ROAZ. */
export function showSignIn() {
  clearTimeout(expiryTimer);
  $('#signin').hidden = false; $('#app').hidden = true; $('#signout').hidden = true;
  $('#signin').dataset.mode = state.signInMode;
  if (state.signInMode !== 'oidc') return;
  const choosing = !!(state.session && !state.session.roaz);
  if (choosing) oidc.fillRoazChoice(showError);
  ['#role-field', '#vr-field', '#org-field', '#practice-field', '#subject-field'].forEach(f => { $(f).hidden = true; });
  ['#role', '#vr', '#org', '#practice', '#subject'].forEach(f => { $(f).disabled = true; });
  $('#roaz-field').hidden = !choosing;
  $('#roaz').disabled = !choosing; // required: empty and hidden, it would block the form
  $('#oidc-intro').hidden = false;
  $('#oidc-intro').dataset.i18n = choosing ? 'oidcChooseRoaz' : 'oidcIntro';
  $('#signin-h').dataset.i18n = 'signinOidcTitle';
  $('#signin-submit').dataset.i18n = choosing ? 'oidcContinue' : 'oidcSignin';
  applyLang();
}

async function submit(ev) {
  ev.preventDefault();
  showError('');
  if (state.signInMode !== 'oidc') {
    if (await dev.signIn()) emit('signed-in');
  } else if (state.session && !state.session.roaz) {
    oidc.chooseRoaz($('#roaz').value);
    emit('signed-in');
  } else {
    oidc.signIn().catch(e => showError(e.message));
  }
}

export async function signOut() {
  const mode = state.session?.mode;
  setSession(null);
  sessionStorage.removeItem(REAUTH);
  state.stream?.abort();
  if (mode === 'oidc' && await oidc.signOut()) return;
  location.reload();
}

/** A 401 from the platform or an expired token: the dev picker signs out; OIDC signs in again (once per 30 s). */
async function sessionLost() {
  if (!state.session) return;
  if (state.session.mode !== 'oidc') { signOut(); return; }
  const last = Number(sessionStorage.getItem(REAUTH) || 0);
  setSession(null);
  state.stream?.abort();
  await oidc.forgetUser();
  if (Date.now() - last < 30000) {
    // the platform refused a token fresh from the login service: do not loop through the login service
    showSignIn(); showError(t('oidcRejected'));
    return;
  }
  sessionStorage.setItem(REAUTH, String(Date.now()));
  oidc.signIn().catch(e => { showSignIn(); showError(e.message); });
}

/** Signs in again 30 s before an OIDC token expires. */
export function watchExpiry() {
  clearTimeout(expiryTimer);
  if (state.session?.mode !== 'oidc' || !state.session.expiresAt) return;
  expiryTimer = setTimeout(sessionLost, Math.max(0, new Date(state.session.expiresAt).getTime() - Date.now() - 30000));
}

/** Wires the card and finds the session: back from the login service, kept for the tab, or none (the card shows). */
export async function initSignIn() {
  dev.initPicker();
  $('#signin-form').addEventListener('submit', submit);
  $('#signout').addEventListener('click', signOut);
  on('unauthorized', sessionLost);
  if (!await loadConfig() && state.signInMode === 'oidc') { showSignIn(); return; }
  if (state.signInMode === 'oidc') {
    try {
      state.session = await oidc.restore();
    } catch (e) {
      setSession(null); showSignIn(); showError(e.message);
      return;
    }
  } else {
    const kept = storedSession();
    setSession(kept && kept.mode !== 'oidc' ? kept : null);
  }
  if (state.session?.roaz) { emit('signed-in'); return; }
  showSignIn();
  if (state.signInMode !== 'oidc') dev.fillPicker();
}
