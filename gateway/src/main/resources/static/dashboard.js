// LPZ regional dashboard (issue 5): plain ES module, no build step, no external resources.
// Talks only to the gateway's external contract (shared/api-contract.md).

const VR = {
  VR01: ['Groningen', 'ROAZ-NN'], VR02: ['Fryslân', 'ROAZ-NN'], VR03: ['Drenthe', 'ROAZ-NN'],
  VR04: ['IJsselland', 'ROAZ-ZW'], VR05: ['Twente', 'ROAZ-EU'], VR06: ['Noord- en Oost-Gelderland', 'ROAZ-ZW'],
  VR07: ['Gelderland-Midden', 'ROAZ-OO'], VR08: ['Gelderland-Zuid', 'ROAZ-OO'], VR09: ['Utrecht', 'ROAZ-MN'],
  VR10: ['Noord-Holland-Noord', 'ROAZ-NHF'], VR11: ['Zaanstreek-Waterland', 'ROAZ-NHF'],
  VR12: ['Kennemerland', 'ROAZ-NHF'], VR13: ['Amsterdam-Amstelland', 'ROAZ-NHF'],
  VR14: ['Gooi en Vechtstreek', 'ROAZ-NHF'], VR15: ['Haaglanden', 'ROAZ-WE'], VR16: ['Hollands Midden', 'ROAZ-WE'],
  VR17: ['Rotterdam-Rijnmond', 'ROAZ-ZWN'], VR18: ['Zuid-Holland-Zuid', 'ROAZ-ZWN'], VR19: ['Zeeland', 'ROAZ-ZWN'],
  VR20: ['Midden- en West-Brabant', 'ROAZ-BR'], VR21: ['Brabant-Noord', 'ROAZ-BR'],
  VR22: ['Brabant-Zuidoost', 'ROAZ-BR'], VR23: ['Limburg-Noord', 'ROAZ-LI'], VR24: ['Zuid-Limburg', 'ROAZ-LI'],
  VR25: ['Flevoland', 'ROAZ-NHF'],
};
const ROAZ = [...new Set(Object.values(VR).map(v => v[1]))].sort();
const vrsOf = roaz => Object.keys(VR).filter(v => VR[v][1] === roaz);
const KINDS = ['SEH', 'SR', 'CTT', 'EHH', 'CCU', 'PCI'];
// National default norm times (stop-service; a region may configure its own: the answer carries the one applied).
const NORM = { SEH: 120, SR: 60, CTT: 120, EHH: 120, CCU: 120, PCI: 120 };
const params = new URLSearchParams(location.search);
const STALE_MINUTES = Number(params.get('staleMinutes') || localStorage.getItem('lpz.staleMinutes') || 15);

const T = {
  nl: {
    skip: 'Naar de inhoud', title: 'LPZ regionaal dashboard', mute: 'Geluid uit', unmute: 'Geluid aan', signout: 'Afmelden',
    signinTitle: 'Aanmelden (lokaal profiel)', role: 'Rol', roaz: 'ROAZ-regio', vr: 'Veiligheidsregio', org: 'Organisatie',
    subject: 'Naam (gebruiker)', signin: 'Aanmelden', roleHospital: 'Ziekenhuis (SEH-manager / beddencoördinator)',
    vrFilter: 'Veiligheidsregio (filter)', allVrs: 'Hele ROAZ-regio', asOf: 'Situatie op tijdstip', show: 'Toon',
    backLive: 'Terug naar live', stops: 'Stops in de regio', manage: 'Stop melden (SEH-manager)', location: 'Locatie',
    kind: 'Soort zorg', type: 'Type', unplanned: 'Ongepland', planned: 'Gepland', duration: 'Verwachte duur (minuten)',
    reason: 'Reden', mkaContacted: 'MKA is gebeld over deze stop', declare: 'Stop melden',
    settings: 'Instellingen eigen locaties (beddencoördinator)', element: 'Element',
    thresholdBeds: 'Drempel (bedden achterhouden)', saveThreshold: 'Drempel opslaan', sehLead: 'Regiehouder SEH – naam',
    phone: 'Telefoon', bedCoord: 'Beddencoördinator – naam', saveContacts: 'Contacten opslaan',
    visibility: 'Zichtbaarheid van onze cijfers', shared: 'Gedeeld met de regio', hidden: 'Verborgen (alleen wijzelf)',
    releaseHistory: 'Ook de geschiedenis vrijgeven', saveVisibility: 'Zichtbaarheid opslaan', map: 'Kaart van de regio',
    capacity: 'Capaciteit per locatie',
    capacityHint: 'Per specialistisch element: capaciteit / bezet / beschikbaar (IC eerst), met COVID-splitsing.',
    live: 'Live', connecting: 'Verbinden…', reconnecting: 'Verbinding verbroken – opnieuw verbinden…',
    offline: (since, age) => `Het platform is niet bereikbaar (sinds ${since}). U ziet het laatste beeld, ${age} oud.`,
    historyBanner: t => `Historisch beeld: de regio zoals die stond op ${t}. Live-updates zijn gepauzeerd.`,
    picture: (t, age) => `Beeld van ${t} (${age} oud)`,
    noStops: 'Geen actieve stops.', stopsUnavailable: 'De stops van dit tijdstip konden niet worden gelezen.', announcements: 'Aangekondigde geplande stops',
    stale: 'VEROUDERD', staleLong: m => `Geen gegevens ontvangen in de laatste ${m} minuten`, noData: 'GEEN GEGEVENS',
    lastEvent: 'Laatste melding', ago: 'geleden', own: 'EIGEN', hiddenBadge: 'VERBORGEN', stopBadge: 'STOP',
    el: 'Element', cap: 'Capaciteit', occ: 'Bezet', avail: 'Beschikbaar', covid: 'COVID', nonCovid: 'non-COVID',
    threshold: 'drempel', othersSee: 'anderen zien', total: 'Totaal', contacts: 'Contacten', noBeds: 'Geen bedden gemeld.',
    started: 'Gestart', expectedEnd: 'Verwacht einde', remaining: 'Resterend', grace: 'Aanrijtermijn (ambulances onderweg)',
    graceLeft: 'nog', graceOver: 'verstreken', norm: 'normtijd', min: 'min', extensions: 'verlengingen',
    mkaYes: 'MKA gebeld', expiresSoon: 'LET OP: deze stop loopt binnen 10 minuten af',
    extendTo: 'Nieuwe totale duur (min)', extend: 'Verlengen', end: 'Stop beëindigen', mkaForExtend: 'MKA gebeld',
    normHint: (k, n) => `Normtijd ${k}: ${n} minuten. Langer dan ${2 * n} minuten (2× de normtijd) mag alleen na contact met de MKA.`,
    mkaRequired: 'Deze stop duurt langer dan 2× de normtijd: vink aan dat de MKA is gebeld.',
    declared: (id, end) => `Stop gemeld (${id}). Verwacht einde ${end}.`, extended: end => `Stop verlengd tot ${end}.`,
    ended: 'Stop beëindigd.', refusedTitle: 'Stop geweigerd: u bent de laatste aanbieder in de regio',
    refusedBody: k => `Alle andere locaties in uw veiligheidsregio die ${k} aanbieden hebben al een stop. De regio mag niet zonder ${k} komen te zitten, daarom kunt u nu geen stop melden.`,
    refusedWhat: 'Wat moet u doen? Bel direct de MKA (meldkamer ambulancezorg) van uw regio en leg de situatie uit. De MKA schakelt de MMA (medisch manager ambulancezorg) in; alleen de MMA kan besluiten de stops in de regio te laten vervallen. Blijf tot dat besluit patiënten voor deze zorg opvangen.',
    serverSays: 'Melding van het platform', error: 'Fout', saved: 'Opgeslagen.', map_ok: 'open', map_stop: 'stop',
    map_stale: 'verouderd', map_none: 'geen gegevens', hospitals: 'ziekenhuizen', noCoords: 'Geen coördinaten bekend.',
    planned_from: 'Gepland van', to: 'tot', signedInAs: (s, r, o) => `${s} · ${r}${o ? ' · ' + o : ''}`,
    signinOidcTitle: 'Aanmelden', oidcIntro: 'U meldt zich aan via de inlogdienst van uw organisatie.',
    oidcSignin: 'Aanmelden via de inlogdienst', oidcContinue: 'Doorgaan',
    oidcChooseRoaz: 'Uw account noemt geen regio: kies de ROAZ-regio die u wilt zien.',
    oidcDiscoveryFailed: e => `De inlogdienst is niet bereikbaar of onjuist ingesteld (${e}).`,
    oidcTokenFailed: e => `Aanmelden is mislukt: de inlogdienst gaf geen token (${e}).`,
    oidcRefused: e => `Aanmelden is geweigerd door de inlogdienst (${e}).`,
    oidcState: 'Aanmelden is mislukt: het antwoord van de inlogdienst hoort niet bij deze aanmelding. Probeer het opnieuw.',
    oidcNoRole: 'Uw account heeft geen rol voor dit dashboard (claim "roles"). Neem contact op met uw beheerder.',
    oidcRejected: 'Het platform weigert het token van de inlogdienst. Neem contact op met uw beheerder.',
    oidcInsecure: 'Aanmelden vereist een beveiligde verbinding (https, of localhost).',
    configFailed: e => `De aanmeldinstellingen van het platform zijn niet te lezen (${e}).`,
  },
  en: {
    skip: 'Skip to content', title: 'LPZ regional dashboard', mute: 'Sound off', unmute: 'Sound on', signout: 'Sign out',
    signinTitle: 'Sign in (local profile)', role: 'Role', roaz: 'ROAZ region', vr: 'Safety region (VR)', org: 'Organisation',
    subject: 'Name (user)', signin: 'Sign in', roleHospital: 'Hospital (ED manager / bed coordinator)',
    vrFilter: 'Safety region (filter)', allVrs: 'Whole ROAZ region', asOf: 'Situation at instant', show: 'Show',
    backLive: 'Back to live', stops: 'Stops in the region', manage: 'Declare a stop (ED manager)', location: 'Location',
    kind: 'Kind of care', type: 'Type', unplanned: 'Unplanned', planned: 'Planned', duration: 'Expected duration (minutes)',
    reason: 'Reason', mkaContacted: 'The MKA (dispatch) has been called about this stop', declare: 'Declare stop',
    settings: 'Settings of own locations (bed coordinator)', element: 'Element',
    thresholdBeds: 'Threshold (beds held back)', saveThreshold: 'Save threshold', sehLead: 'ED lead – name',
    phone: 'Phone', bedCoord: 'Bed coordinator – name', saveContacts: 'Save contacts',
    visibility: 'Visibility of our figures', shared: 'Shared with the region', hidden: 'Hidden (ourselves only)',
    releaseHistory: 'Also release the history', saveVisibility: 'Save visibility', map: 'Map of the region',
    capacity: 'Capacity per location',
    capacityHint: 'Per specialistisch element: capacity / occupied / available (ICU first), with the COVID split.',
    live: 'Live', connecting: 'Connecting…', reconnecting: 'Connection lost – reconnecting…',
    offline: (since, age) => `The platform cannot be reached (since ${since}). You are seeing the last picture, ${age} old.`,
    historyBanner: t => `Historic picture: the region as it stood at ${t}. Live updates are paused.`,
    picture: (t, age) => `Picture of ${t} (${age} old)`,
    noStops: 'No active stops.', stopsUnavailable: 'The stops of this instant could not be read.', announcements: 'Announced planned stops',
    stale: 'STALE', staleLong: m => `No data received in the last ${m} minutes`, noData: 'NO DATA',
    lastEvent: 'Last report', ago: 'ago', own: 'OWN', hiddenBadge: 'HIDDEN', stopBadge: 'STOP',
    el: 'Element', cap: 'Capacity', occ: 'Occupied', avail: 'Available', covid: 'COVID', nonCovid: 'non-COVID',
    threshold: 'threshold', othersSee: 'others see', total: 'Total', contacts: 'Contacts', noBeds: 'No beds reported.',
    started: 'Started', expectedEnd: 'Expected end', remaining: 'Remaining', grace: 'Grace period (ambulances under way)',
    graceLeft: 'still', graceOver: 'over', norm: 'norm time', min: 'min', extensions: 'extensions',
    mkaYes: 'MKA called', expiresSoon: 'ATTENTION: this stop ends within 10 minutes',
    extendTo: 'New total duration (min)', extend: 'Extend', end: 'End stop', mkaForExtend: 'MKA called',
    normHint: (k, n) => `Norm time ${k}: ${n} minutes. Longer than ${2 * n} minutes (2× the norm) only after calling the MKA.`,
    mkaRequired: 'This stop is longer than 2× the norm time: confirm that the MKA has been called.',
    declared: (id, end) => `Stop declared (${id}). Expected end ${end}.`, extended: end => `Stop extended until ${end}.`,
    ended: 'Stop ended.', refusedTitle: 'Stop refused: you are the last provider in the region',
    refusedBody: k => `Every other location in your safety region that offers ${k} already has a stop. The region may not be left without ${k}, so you cannot declare a stop now.`,
    refusedWhat: 'What to do: call the MKA (ambulance dispatch) of your region at once and explain the situation. The MKA involves the MMA (medical manager ambulance care); only the MMA can decide to lapse the stops in the region. Until then, keep accepting patients for this care.',
    serverSays: 'Message from the platform', error: 'Error', saved: 'Saved.', map_ok: 'open', map_stop: 'stop',
    map_stale: 'stale', map_none: 'no data', hospitals: 'hospitals', noCoords: 'No coordinates known.',
    planned_from: 'Planned from', to: 'to', signedInAs: (s, r, o) => `${s} · ${r}${o ? ' · ' + o : ''}`,
    signinOidcTitle: 'Sign in', oidcIntro: "You sign in with your organisation's login service.",
    oidcSignin: 'Sign in with the login service', oidcContinue: 'Continue',
    oidcChooseRoaz: 'Your account names no region: choose the ROAZ region to show.',
    oidcDiscoveryFailed: e => `The login service cannot be reached or is misconfigured (${e}).`,
    oidcTokenFailed: e => `Sign-in failed: the login service gave no token (${e}).`,
    oidcRefused: e => `The login service refused the sign-in (${e}).`,
    oidcState: 'Sign-in failed: the answer of the login service does not belong to this sign-in. Please try again.',
    oidcNoRole: 'Your account has no role for this dashboard (claim "roles"). Contact your administrator.',
    oidcRejected: 'The platform refuses the token of the login service. Contact your administrator.',
    oidcInsecure: 'Sign-in needs a secure connection (https, or localhost).',
    configFailed: e => `The sign-in settings of the platform cannot be read (${e}).`,
  },
};

const $ = sel => document.querySelector(sel);
const st = {
  lang: localStorage.getItem('lpz.lang') || 'nl',
  muted: localStorage.getItem('lpz.muted') === 'true',
  session: JSON.parse(sessionStorage.getItem('lpz.session') || 'null'),
  vrFilter: '', asOf: null,
  capacity: null, capacityFetchedAt: null, stops: {}, topology: [], codeList: null,
  lastOkAt: null, unreachableSince: null, lastEventId: null, stream: null, warned: new Set(), streamUp: false,
};
const t = (k, ...a) => { const v = T[st.lang][k] ?? T.nl[k] ?? k; return typeof v === 'function' ? v(...a) : v; };
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const fmt = iso => iso ? new Date(iso).toLocaleString(st.lang === 'nl' ? 'nl-NL' : 'en-GB',
  { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '–';
const dur = ms => {
  const s = Math.max(0, Math.round(ms / 1000)), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
  return h ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}:${String(r).padStart(2, '0')}`;
};
const age = (iso, ref = Date.now()) => iso ? dur(ref - new Date(iso).getTime()) : '–';
const refNow = () => st.asOf ? new Date(st.asOf).getTime() : Date.now();

// ---- HTTP ---------------------------------------------------------------------------------------------------
class ApiError extends Error {
  constructor(status, problem) { super(problem?.detail || `HTTP ${status}`); this.status = status; this.problem = problem || {}; }
}
async function api(method, path, body, token = st.session?.token) {
  let res;
  try {
    res = await fetch(path, {
      method, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}), Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (e) { markUnreachable(); throw new ApiError(0, { detail: String(e), code: 'UNREACHABLE' }); }
  if (res.status === 503 || res.status === 502) markUnreachable(); else markReachable();
  const text = await res.text();
  const json = text ? (() => { try { return JSON.parse(text); } catch { return null; } })() : null;
  if (res.status === 401 && path.startsWith('/api/') && token === st.session?.token) { sessionLost(); }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}
function markUnreachable() { if (!st.unreachableSince) st.unreachableSince = new Date().toISOString(); tick(); }
function markReachable() { st.unreachableSince = null; st.lastOkAt = new Date().toISOString(); }

// ---- i18n -----------------------------------------------------------------------------------------------------
function applyLang() {
  document.documentElement.lang = st.lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  $('#lang').textContent = st.lang === 'nl' ? 'English' : 'Nederlands';
  $('#lang').lang = st.lang === 'nl' ? 'en' : 'nl';
  $('#mute').textContent = st.muted ? t('unmute') : t('mute');
  $('#mute').setAttribute('aria-pressed', String(st.muted));
  fillVrFilter();
  if (st.session?.roaz) { renderAll(); }
}

// ---- sign-in ----------------------------------------------------------------------------------------------------
function fillSelect(sel, items, value) {
  sel.innerHTML = items.map(([v, l]) => `<option value="${esc(v)}">${esc(l)}</option>`).join('');
  if (value !== undefined) sel.value = value;
}
async function pickerOrganisations() {
  const roaz = $('#roaz').value;
  try {
    const admin = await api('POST', '/dev/tokens', { sub: 'dashboard-picker', roles: ['ADMIN'] }, null);
    const list = await api('GET', `/api/v1/regions/${roaz}/locations`, null, admin.token);
    const orgs = new Map();
    list.locations.forEach(l => { if (!orgs.has(l.organisationId)) orgs.set(l.organisationId, l.name); });
    fillSelect($('#org'), [...orgs].sort((a, b) => a[1].localeCompare(b[1])).map(([id, n]) => [id, `${n} (${id})`]));
  } catch (e) { $('#signin-error').textContent = `${t('error')}: ${e.message}`; }
}
function pickerChanged() {
  if (signInMode !== 'dev') return;
  const role = $('#role').value;
  $('#vr-field').hidden = !['MKA', 'MMA'].includes(role);
  $('#org-field').hidden = role !== 'HOSPITAL';
  fillSelect($('#vr'), vrsOf($('#roaz').value).map(v => [v, `${v} ${VR[v][0]}`]));
  if (role === 'HOSPITAL') pickerOrganisations();
}
async function signIn(ev) {
  ev.preventDefault();
  if (signInMode === 'oidc') { oidcSubmit(); return; }
  const role = $('#role').value, roaz = $('#roaz').value, sub = $('#subject').value;
  const claims = { sub, roles: [role] };
  if (role === 'MKA' || role === 'MMA') claims.region = $('#vr').value;
  if (role === 'RCPS') claims.region = roaz;
  if (role === 'HOSPITAL') claims.organisation = $('#org').value;
  try {
    const r = await api('POST', '/dev/tokens', claims, null);
    st.session = { mode: 'dev', token: r.token, expiresAt: r.expiresAt, role, sub, roaz, region: claims.region || null,
      organisation: claims.organisation || null, organisationName: role === 'HOSPITAL' ? $('#org').selectedOptions[0]?.textContent : null };
    sessionStorage.setItem('lpz.session', JSON.stringify(st.session));
    start();
  } catch (e) { $('#signin-error').textContent = `${t('error')}: ${e.message}`; }
}
async function signOut() {
  const s = st.session;
  sessionStorage.removeItem('lpz.session');
  sessionStorage.removeItem(OIDC_ROAZ);
  st.session = null;
  st.stream?.abort();
  if (s?.mode === 'oidc') {
    try {
      const meta = await oidcDiscovery();
      if (meta.end_session_endpoint) {
        const q = new URLSearchParams({ client_id: oidc.clientId, post_logout_redirect_uri: redirectUri() });
        if (s.idToken) q.set('id_token_hint', s.idToken);
        location.assign(`${meta.end_session_endpoint}${meta.end_session_endpoint.includes('?') ? '&' : '?'}${q}`);
        return;
      }
    } catch { /* no discovery: the local sign-out is all there is */ }
  }
  location.reload();
}
/** A 401 from the platform or an expired token: the dev picker signs out; OIDC signs in again (once per 30 s). */
function sessionLost() {
  if (!st.session) return;
  if (st.session.mode !== 'oidc') { signOut(); return; }
  const last = Number(sessionStorage.getItem(OIDC_REAUTH) || 0);
  sessionStorage.removeItem('lpz.session');
  st.session = null;
  st.stream?.abort();
  if (Date.now() - last < 30000) {
    // the platform refused a token fresh from the login service: do not loop through the login service
    showSignIn(); $('#signin-error').textContent = t('oidcRejected');
    return;
  }
  sessionStorage.setItem(OIDC_REAUTH, String(Date.now()));
  oidcLogin().catch(e => { showSignIn(); $('#signin-error').textContent = e.message; });
}

// ---- OIDC: authorization code flow with PKCE, public client (profiles other than local) -------------------------
// The gateway says how to sign in (GET /dashboard/config.json). State and code_verifier live in sessionStorage for
// the round trip through the login service; the access token in sessionStorage (gone when the tab closes).
const OIDC_PENDING = 'lpz.oidc.pending', OIDC_ROAZ = 'lpz.oidc.roaz', OIDC_REAUTH = 'lpz.oidc.reauthAt';
const OIDC_PARAMS = ['code', 'state', 'session_state', 'iss', 'error', 'error_description', 'error_uri'];
const DASHBOARD_ROLES = ['MKA', 'MMA', 'HOSPITAL', 'RCPS', 'LCPS', 'ADMIN'];
let signInMode = 'dev', oidc = {}, oidcMeta = null, expiryTimer = null;
const b64url = buf => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomToken = () => b64url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => location.origin + location.pathname;
function jwtClaims(jwt) {
  const part = String(jwt).split('.')[1];
  if (!part) throw new Error('the access token is not a JWT');
  const bin = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, c => c.charCodeAt(0))));
}
async function oidcDiscovery() {
  if (oidcMeta) return oidcMeta;
  let res;
  try {
    res = await fetch(`${oidc.issuer}/.well-known/openid-configuration`, { headers: { Accept: 'application/json' } });
  } catch (e) { throw new Error(t('oidcDiscoveryFailed', String(e.message || e))); }
  const meta = res.ok ? await res.json().catch(() => null) : null;
  if (!meta?.authorization_endpoint || !meta?.token_endpoint) {
    throw new Error(t('oidcDiscoveryFailed', res.ok ? 'no authorization_endpoint / token_endpoint' : `HTTP ${res.status}`));
  }
  oidcMeta = meta;
  return meta;
}
async function oidcLogin() {
  if (!window.isSecureContext || !crypto.subtle) throw new Error(t('oidcInsecure'));
  const meta = await oidcDiscovery();
  const state = randomToken(), verifier = randomToken();
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(OIDC_PENDING, JSON.stringify({ state, verifier, redirectUri: redirectUri() }));
  const q = new URLSearchParams({ response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(),
    scope: oidc.scope || 'openid', state, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(`${meta.authorization_endpoint}${meta.authorization_endpoint.includes('?') ? '&' : '?'}${q}`);
}
/** Back from the login service with ?code=&state= (or ?error=): exchanges the code; true when it was such a return. */
async function oidcReturn() {
  const code = params.get('code'), state = params.get('state'), error = params.get('error');
  if (!code && !error) return false;
  const pending = JSON.parse(sessionStorage.getItem(OIDC_PENDING) || 'null');
  sessionStorage.removeItem(OIDC_PENDING);
  const clean = new URLSearchParams(location.search);
  OIDC_PARAMS.forEach(p => clean.delete(p));
  history.replaceState(null, '', location.pathname + (clean.toString() ? `?${clean}` : '') + location.hash);
  if (error) throw new Error(t('oidcRefused', error + (params.get('error_description') ? `: ${params.get('error_description')}` : '')));
  if (!pending || !state || pending.state !== state) throw new Error(t('oidcState'));
  const meta = await oidcDiscovery();
  let res, body;
  try {
    res = await fetch(meta.token_endpoint, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: pending.verifier,
        client_id: oidc.clientId, redirect_uri: pending.redirectUri }),
    });
    body = await res.json().catch(() => null);
  } catch (e) { throw new Error(t('oidcTokenFailed', String(e.message || e))); }
  if (!res.ok || !body?.access_token) {
    throw new Error(t('oidcTokenFailed', `HTTP ${res.status}${body?.error ? `, ${body.error}` : ''}${body?.error_description ? `: ${body.error_description}` : ''}`));
  }
  oidcSession(body);
  return true;
}
/** The session from the token endpoint's answer: role, organisation and region from the access token's claims. */
function oidcSession(answer) {
  const c = jwtClaims(answer.access_token);
  const names = Array.isArray(c.roles) ? c.roles.map(String) : String(c.roles || '').split(/[\s,]+/).filter(Boolean);
  const role = DASHBOARD_ROLES.find(r => names.includes(r));
  if (!role) throw new Error(t('oidcNoRole'));
  const region = c.region || null;
  const roaz = VR[region] ? VR[region][1] : ROAZ.includes(region) ? region : sessionStorage.getItem(OIDC_ROAZ);
  const exp = c.exp ? c.exp * 1000 : answer.expires_in ? Date.now() + answer.expires_in * 1000 : null;
  st.session = { mode: 'oidc', token: answer.access_token, idToken: answer.id_token || null,
    expiresAt: exp ? new Date(exp).toISOString() : null, role, sub: c.preferred_username || c.name || c.sub,
    roaz: roaz || null, region, organisation: c.organisation || null, organisationName: c.organisation || null };
  sessionStorage.setItem('lpz.session', JSON.stringify(st.session));
  sessionStorage.removeItem(OIDC_REAUTH);
}
/** The sign-in form's button in OIDC mode: to the login service, or (signed in, no region in the token) the ROAZ. */
function oidcSubmit() {
  $('#signin-error').textContent = '';
  if (st.session && !st.session.roaz) {
    st.session.roaz = $('#roaz').value;
    sessionStorage.setItem(OIDC_ROAZ, st.session.roaz);
    sessionStorage.setItem('lpz.session', JSON.stringify(st.session));
    start();
    return;
  }
  oidcLogin().catch(e => { $('#signin-error').textContent = e.message; });
}
async function loadSignInMode() {
  try {
    const res = await fetch('/dashboard/config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const cfg = await res.json();
    signInMode = cfg.signIn === 'oidc' ? 'oidc' : 'dev';
    oidc = cfg;
    if (signInMode === 'oidc' && cfg.problem) throw new Error(cfg.problem);
  } catch (e) {
    $('#signin-error').textContent = t('configFailed', e.message);
    return false;
  }
  return true;
}
/** The sign-in section for the mode: the picker (dev), or the login-service button and, when needed, the ROAZ. */
function showSignIn() {
  $('#signin').hidden = false; $('#app').hidden = true; $('#signout').hidden = true;
  $('#signin').dataset.mode = signInMode;
  if (signInMode !== 'oidc') return;
  const choosing = !!(st.session && !st.session.roaz);
  ['#role-field', '#vr-field', '#org-field', '#subject-field'].forEach(f => { $(f).hidden = true; });
  ['#role', '#vr', '#org', '#subject'].forEach(f => { $(f).disabled = true; });
  $('#roaz-field').hidden = !choosing;
  $('#oidc-intro').hidden = false;
  $('#oidc-intro').dataset.i18n = choosing ? 'oidcChooseRoaz' : 'oidcIntro';
  $('#signin-h').dataset.i18n = 'signinOidcTitle';
  $('#signin-submit').dataset.i18n = choosing ? 'oidcContinue' : 'oidcSignin';
  applyLang();
}

// ---- data ---------------------------------------------------------------------------------------------------------
const vrsShown = () => {
  const s = st.session;
  if (s.role === 'MKA' || s.role === 'MMA') return [s.region];
  return st.vrFilter ? [st.vrFilter] : vrsOf(s.roaz);
};
async function loadCapacity() {
  const asOf = st.asOf, q = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  try {
    const capacity = await api('GET', `/api/v1/regions/${st.session.roaz}/capacity${q}`);
    if (st.asOf !== asOf) return; // the user switched between live and history meanwhile
    st.capacity = capacity;
    st.capacityFetchedAt = new Date().toISOString();
  } catch (e) { if (e.status !== 0) console.warn('capacity', e); }
  renderCapacity(); renderMap();
}
async function loadStops() {
  // history: the stops as they stood at the instant (the read model's asOf), like the capacity
  const asOf = st.asOf, q = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  await Promise.all(vrsShown().map(async vr => {
    try {
      const stops = await api('GET', `/api/v1/safety-regions/${vr}/stops${q}`);
      if (st.asOf === asOf) st.stops[vr] = stops; // else the user switched between live and history meanwhile
    } catch (e) {
      if (e.status !== 0) console.warn('stops', vr, e);
      // never today's stops under a history banner (e.g. a refused asOf): say they are missing
      if (asOf && st.asOf === asOf && e.status !== 0) st.stops[vr] = { stops: [], announcements: [], unavailable: true };
    }
  }));
  if (st.asOf !== asOf) return;
  renderStops(); renderCapacity(); renderMap();
}
async function loadTopology() {
  try { st.topology = (await api('GET', `/api/v1/regions/${st.session.roaz}/locations`)).locations; } catch (e) { console.warn(e); }
  try { st.codeList = await api('GET', '/api/v1/code-lists/labels'); } catch (e) { console.warn(e); }
  renderForms(); renderMap();
}
let capTimer = null, stopTimer = null;
const soonCapacity = () => { if (!st.asOf) { clearTimeout(capTimer); capTimer = setTimeout(loadCapacity, 250); } };
const soonStops = () => { clearTimeout(stopTimer); stopTimer = setTimeout(loadStops, 150); };

// ---- live stream (fetch + reader: EventSource cannot send the Authorization header) ------------------------------
async function stream() {
  let backoff = 1000;
  for (;;) {
    if (!st.session) return;
    const ctl = new AbortController(); st.stream = ctl;
    try {
      setConn(st.lastEventId ? 'reconnecting' : 'connecting');
      const res = await fetch(`/api/v1/regions/${st.session.roaz}/stream`, {
        headers: { Authorization: `Bearer ${st.session.token}`, Accept: 'text/event-stream',
          ...(st.lastEventId ? { 'Last-Event-ID': st.lastEventId } : {}) }, signal: ctl.signal, cache: 'no-store' });
      if (res.status === 401) { sessionLost(); return; }
      if (!res.ok || !res.body) throw new Error(`stream HTTP ${res.status}`);
      markReachable(); setConn('live'); st.streamUp = true; backoff = 1000;
      soonCapacity(); soonStops(); // catch up on anything missed while away
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '', ev = { event: 'message', data: [], id: null };
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let nl;
        while ((nl = buf.search(/\r?\n/)) >= 0) {
          const line = buf.slice(0, nl); buf = buf.slice(buf[nl] === '\r' ? nl + 2 : nl + 1);
          if (line === '') { dispatch(ev); ev = { event: 'message', data: [], id: null }; continue; }
          if (line.startsWith(':')) continue;
          const i = line.indexOf(':'), f = i < 0 ? line : line.slice(0, i);
          const v = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
          if (f === 'event') ev.event = v; else if (f === 'data') ev.data.push(v); else if (f === 'id') ev.id = v;
        }
      }
      throw new Error('stream closed');
    } catch (e) {
      if (!st.session) return;
      st.streamUp = false; setConn('reconnecting');
      if (e.name !== 'AbortError') markUnreachable();
      await new Promise(r => setTimeout(r, backoff + Math.random() * 300));
      backoff = Math.min(backoff * 2, 30000);
      // probe: if the gateway answers again, the banner goes (api() marks reachability)
      try { await api('GET', `/api/v1/code-lists/labels`); } catch { /* still unreachable */ }
    }
  }
}
function dispatch(ev) {
  if (ev.id) st.lastEventId = ev.id;
  let data = {};
  try { data = JSON.parse(ev.data.join('\n') || '{}'); } catch { /* ignore */ }
  if (ev.event === 'capacity') soonCapacity();
  else if (ev.event === 'stop') {
    if (data.change === 'EXPIRY_WARNING' && !st.asOf) beep(); // never while a past instant is shown
    soonStops();
  }
}
function setConn(state) {
  const el = $('#conn');
  el.textContent = t(state);
  el.classList.toggle('down', state !== 'live');
  el.dataset.state = state;
}

// ---- sound ----------------------------------------------------------------------------------------------------------
let audio = null;
function beep() {
  if (st.muted) return;
  try {
    audio = audio || new AudioContext();
    [0, 0.35, 0.7].forEach(d => {
      const o = audio.createOscillator(), g = audio.createGain();
      o.frequency.value = 880; o.connect(g); g.connect(audio.destination);
      g.gain.setValueAtTime(0.25, audio.currentTime + d); g.gain.setValueAtTime(0, audio.currentTime + d + 0.2);
      o.start(audio.currentTime + d); o.stop(audio.currentTime + d + 0.22);
    });
  } catch { /* no audio available */ }
}

// ---- rendering ------------------------------------------------------------------------------------------------------
const activeStops = () => vrsShown().flatMap(v => st.stops[v]?.stops || []);
const stopsAt = id => activeStops().filter(s => s.locationId === id);
function isStale(loc) {
  if (!loc.lastEventAt) return true;
  const ref = st.asOf ? new Date(st.asOf).getTime() : Date.now();
  return ref - new Date(loc.lastEventAt).getTime() > STALE_MINUTES * 60000;
}
function shownLocations() {
  const locs = st.capacity?.locations || [];
  const vrs = new Set(vrsShown());
  return st.vrFilter || ['MKA', 'MMA'].includes(st.session.role) ? locs.filter(l => vrs.has(l.safetyRegionId)) : locs;
}
const fig = f => f ? `${f.capacity}/${f.occupied}/${f.available}` : '–';
function renderCapacity() {
  const box = $('#locations');
  if (!st.capacity) { box.innerHTML = ''; return; }
  const locs = [...shownLocations()].sort((a, b) => (b.own - a.own) || (stopsAt(b.locationId).length - stopsAt(a.locationId).length)
    || (a.lastEventAt ? 0 : 1) - (b.lastEventAt ? 0 : 1) || a.name.localeCompare(b.name));
  box.className = 'locations';
  box.innerHTML = locs.map(l => {
    const stale = isStale(l), stops = stopsAt(l.locationId);
    const rows = l.elements.map(e => `<tr data-el="${esc(e.specialistisch)}">
        <th scope="row">${esc(e.specialistisch)}${e.icu ? ' <abbr title="Intensive care">IC</abbr>' : ''}</th>
        <td class="cap">${e.capacity}</td><td class="occ">${e.occupied}</td>
        <td class="avail ${e.available === 0 ? 'zero' : ''}">${e.available}${e.threshold != null ? `<br><small>${t('threshold')} ${e.threshold}, ${t('othersSee')} ${e.availableShared}</small>` : ''}</td>
        <td><small>${fig(e.covid)}</small></td><td><small>${fig(e.nonCovid)}</small></td></tr>`).join('');
    const c = l.contacts || {};
    const people = [...(c.regiehouderSeh || []).map(p => `SEH: ${esc(p.name)} <a href="tel:${esc(p.phone)}">${esc(p.phone)}</a>`),
      ...(c.beddencoordinator || []).map(p => `${t('bedCoord').split(' –')[0]}: ${esc(p.name)} <a href="tel:${esc(p.phone)}">${esc(p.phone)}</a>`)];
    return `<article class="loc ${stale ? 'stale' : ''} ${stops.length ? 'stopped' : ''}" data-location="${esc(l.locationId)}"
        data-last="${esc(l.lastEventAt || '')}" aria-labelledby="loc-${esc(l.locationId)}">
      <h3 id="loc-${esc(l.locationId)}">${esc(l.name)}
        ${l.own ? `<span class="badge own">${t('own')}</span>` : ''}${l.shared === false ? `<span class="badge hidden">${t('hiddenBadge')}</span>` : ''}
        ${stops.map(s => `<span class="badge stop">${t('stopBadge')} ${esc(s.kind)}</span>`).join('')}
        <span class="badge stale" data-role="stale" ${stale ? '' : 'hidden'}>⚠ ${l.lastEventAt ? t('stale') : t('noData')}</span></h3>
      <p class="meta">${esc(l.locationId)} · ${esc(l.safetyRegionId)} · ${t('lastEvent')}: <span data-role="age">${l.lastEventAt ? `${fmt(l.lastEventAt)} (${age(l.lastEventAt, refNow())} ${t('ago')})` : '–'}</span>
        ${stale && l.lastEventAt ? `<br><strong>${t('staleLong', STALE_MINUTES)}</strong>` : ''}</p>
      ${l.elements.length ? `<div class="table-wrap"><table><caption class="skip">${esc(l.name)}</caption>
        <thead><tr><th scope="col">${t('el')}</th><th scope="col">${t('cap')}</th><th scope="col">${t('occ')}</th><th scope="col">${t('avail')}</th>
        <th scope="col">${t('covid')}<br><small>c/b/b</small></th><th scope="col">${t('nonCovid')}<br><small>c/b/b</small></th></tr></thead>
        <tbody>${rows}</tbody>
        <tfoot><tr data-el="TOTAL"><th scope="row">${t('total')}</th><td>${l.totals.capacity}</td><td>${l.totals.occupied}</td><td class="avail">${l.totals.available}</td>
        <td><small>${fig(l.totals.covid)}</small></td><td><small>${fig(l.totals.nonCovid)}</small></td></tr></tfoot></table></div>`
        : `<p class="hint">${t('noBeds')}</p>`}
      ${people.length ? `<p class="contacts">${t('contacts')}: ${people.join(' · ')}</p>` : ''}
    </article>`;
  }).join('');
}
function renderStops() {
  const own = st.session.role === 'HOSPITAL' ? st.session.organisation : null;
  // keep what the user typed in the extend forms (and the focus) across re-renders caused by live updates
  const typed = [...document.querySelectorAll('[data-stop-actions]')].map(f => [f.dataset.stopActions, f.minutes.value, f.mka.checked]);
  const focused = document.activeElement?.id;
  $('#stops-list').innerHTML = vrsShown().map(vr => {
    const v = st.stops[vr];
    const stops = v?.stops || [], ann = v?.announcements || [];
    return `<div class="vr-group" data-vr="${vr}"><h3>${vr} ${esc(VR[vr]?.[0])}</h3>
      ${v?.unavailable ? `<p class="error" data-role="stops-unavailable">${t('stopsUnavailable')}</p>` : ''}
      ${stops.length ? stops.map(s => `<article class="stop ${s.expiresSoon ? 'soon' : ''}" data-stop="${esc(s.stopId)}"
          data-end="${esc(s.expectedEnd)}" data-grace="${esc(s.graceUntil)}" aria-label="${t('stopBadge')} ${esc(s.kind)} ${esc(s.locationName || s.locationId)}">
        <h4 style="margin:0">${esc(s.locationName || s.locationId)} — <strong>${esc(s.kind)}</strong> (${s.type === 'PLANNED' ? t('planned') : t('unplanned')})</h4>
        ${s.expiresSoon ? `<p class="warn" ${st.asOf ? '' : 'role="alert"'} data-role="expiry-warning">⚠ ${t('expiresSoon')}</p>` : ''}
        <p style="margin:2px 0">${t('reason')}: ${esc(s.reason)}</p>
        <p style="margin:2px 0">${t('started')} ${fmt(s.startedAt)} · ${t('expectedEnd')} ${fmt(s.expectedEnd)} ·
          ${t('remaining')} <span class="countdown" data-role="countdown">${dur(new Date(s.expectedEnd) - refNow())}</span></p>
        <p style="margin:2px 0">${t('grace')}: ${fmt(s.graceUntil)} <span data-role="grace"></span>
          · ${t('norm')} ${s.normTimeMinutes} ${t('min')} · ${s.extensions} ${t('extensions')}${s.mkaContacted ? ` · ${t('mkaYes')}` : ''}</p>
        ${own && !st.asOf && s.organisationId === own ? `<form class="stop-actions" data-stop-actions="${esc(s.stopId)}">
          <div><label for="ext-${esc(s.stopId)}">${t('extendTo')}</label>
          <input id="ext-${esc(s.stopId)}" name="minutes" type="number" min="${s.expectedDurationMinutes + 1}" value="${s.expectedDurationMinutes + 30}" required></div>
          <div class="check"><input type="checkbox" name="mka" id="extmka-${esc(s.stopId)}"><label for="extmka-${esc(s.stopId)}">${t('mkaForExtend')}</label></div>
          <button type="submit" data-action="extend">${t('extend')}</button>
          <button type="button" data-action="end" class="primary">${t('end')}</button></form>` : ''}
      </article>`).join('') : v?.unavailable ? '' : `<p class="hint">${t('noStops')}</p>`}
      ${ann.length ? `<h4>${t('announcements')}</h4>` + ann.map(a => `<div class="announce" data-announcement="${esc(a.announcementId)}">
        ${esc(a.locationName || a.locationId)} — <strong>${esc(a.kind)}</strong>: ${t('planned_from')} ${fmt(a.plannedStart)} ${t('to')} ${fmt(a.plannedEnd)}. ${esc(a.reason)}</div>`).join('') : ''}
    </div>`;
  }).join('');
  typed.forEach(([id, minutes, mka]) => {
    const f = [...document.querySelectorAll('[data-stop-actions]')].find(x => x.dataset.stopActions === id);
    if (f) { f.minutes.value = minutes; f.mka.checked = mka; }
  });
  if (focused && document.getElementById(focused) && document.activeElement !== document.getElementById(focused)) document.getElementById(focused).focus();
  // sound the 10-minute warning once per stop (also when the warning event was missed)
  // (live only: a past instant's stops neither sound nor count as warned)
  if (!st.asOf) activeStops().filter(s => s.expiresSoon && !st.warned.has(s.stopId)).forEach(s => { st.warned.add(s.stopId); beep(); });
  tick();
}
function renderMap() {
  const box = $('#map');
  const vrs = new Set(vrsShown());
  const capById = new Map((st.capacity?.locations || []).map(l => [l.locationId, l]));
  const pts = st.topology.filter(l => l.latitude != null && l.longitude != null && vrs.has(l.safetyRegionId)
    && (l.careOffered || []).length);
  if (!pts.length) { box.innerHTML = `<p class="hint">${t('noCoords')}</p>`; return; }
  const lat = pts.map(p => p.latitude), lon = pts.map(p => p.longitude);
  const k = Math.cos((Math.min(...lat) + Math.max(...lat)) / 2 * Math.PI / 180);
  const W = 900, H = 520, pad = 50;
  const sx = (Math.max(...lon) - Math.min(...lon)) * k || 0.01, sy = (Math.max(...lat) - Math.min(...lat)) || 0.01;
  const s = Math.min((W - 2 * pad) / sx, (H - 2 * pad) / sy);
  const X = p => pad + (p.longitude - Math.min(...lon)) * k * s, Y = p => H - pad - (p.latitude - Math.min(...lat)) * s;
  const status = p => {
    const c = capById.get(p.locationId);
    if (stopsAt(p.locationId).length) return 'stop';
    if (!c || !c.lastEventAt) return 'none';
    return isStale(c) ? 'stale' : 'ok';
  };
  const col = { ok: '#1d6b2f', stop: '#a4161a', stale: '#8a5300', none: '#6b7785' };
  const shape = (st2, x, y) => st2 === 'stop' ? `<rect x="${x - 7}" y="${y - 7}" width="14" height="14" fill="${col.stop}" stroke="#fff" stroke-width="2"/>`
    : st2 === 'stale' ? `<path d="M${x} ${y - 9} L${x + 8} ${y + 6} L${x - 8} ${y + 6} Z" fill="${col.stale}" stroke="#fff" stroke-width="2"/>`
    : `<circle cx="${x}" cy="${y}" r="7" fill="${col[st2]}" stroke="#fff" stroke-width="2"/>`;
  box.innerHTML = `<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg">
    <title id="map-title">${t('map')}: ${pts.length} ${t('hospitals')}</title>
    ${(() => { const placed = []; return pts.map(p => { const x = X(p), y = Y(p), q = status(p);
      const label = (p.name.length > 28 ? p.name.slice(0, 27) + '…' : p.name) + (q === 'ok' ? '' : ` (${t('map_' + q)})`);
      const w = label.length * 6.2, left = x + 10 + w > W;
      let lx = left ? x - 10 - w : x + 10, ly = y + 4;
      // move a label down (or up) until it overlaps no label placed before it
      for (let i = 0; i < 40 && placed.some(b => lx < b.x + b.w && b.x < lx + w && Math.abs(ly - b.y) < 13); i++) {
        ly += (i % 2 ? -1 : 1) * 13 * (i + 1);
      }
      placed.push({ x: lx, y: ly, w });
      const leader = Math.abs(ly - y - 4) > 1 ? `<line x1="${x}" y1="${y}" x2="${left ? lx + w : lx}" y2="${ly - 4}" stroke="#7a8794" stroke-width="1"/>` : '';
      return `<g data-map-location="${esc(p.locationId)}" data-status="${q}"><title>${esc(p.name)}: ${t('map_' + q)}</title>${leader}${shape(q, x, y)}
        <text x="${lx}" y="${ly}">${esc(label)}</text></g>`; }).join(''); })()}
  </svg>
  <div class="legend">${['ok', 'stop', 'stale', 'none'].map(q => `<span><svg width="18" height="18" aria-hidden="true">${shape(q, 9, 10)}</svg> ${t('map_' + q)}</span>`).join('')}</div>`;
}
function ownLocations() { return st.topology.filter(l => l.organisationId === st.session.organisation); }
function renderForms() {
  if (st.session.role !== 'HOSPITAL') return;
  const own = ownLocations();
  const keep = $('#stop-location').value;
  fillSelect($('#stop-location'), own.map(l => [l.locationId, `${l.name} (${l.locationId}, ${l.safetyRegionId})`]), keep || undefined);
  if (!$('#stop-location').value && own.length) $('#stop-location').value = own[0].locationId;
  const keepSet = $('#set-location').value;
  fillSelect($('#set-location'), own.map(l => [l.locationId, `${l.name} (${l.locationId})`]), keepSet || undefined);
  if (!$('#set-location').value && own.length) $('#set-location').value = own[0].locationId;
  if (st.codeList) fillSelect($('#th-element'), st.codeList.specialistisch.map(e => [e.code, `${e.code} – ${e.name}`]), $('#th-element').value || undefined);
  kindsChanged(); settingsLocationChanged();
}
function kindsChanged() {
  const loc = st.topology.find(l => l.locationId === $('#stop-location').value);
  const kinds = loc ? KINDS.filter(k => (loc.careOffered || []).includes(k)) : [];
  const keep = $('#stop-kind').value;
  fillSelect($('#stop-kind'), kinds.map(k => [k, k]), kinds.includes(keep) ? keep : undefined);
  normChanged();
}
function normChanged() {
  const kind = $('#stop-kind').value || 'SEH', n = NORM[kind] || 120, d = Number($('#stop-duration').value || 0);
  const long = d > 2 * n;
  $('#norm-hint').textContent = t('normHint', kind, n) + (long ? ' ' + t('mkaRequired') : '');
  $('#stop-mka').required = long;
}
function settingsLocationChanged() {
  const loc = st.topology.find(l => l.locationId === $('#set-location').value);
  const c = loc?.contacts || {};
  $('#c-seh-name').value = c.regiehouderSeh?.[0]?.name || ''; $('#c-seh-phone').value = c.regiehouderSeh?.[0]?.phone || '';
  $('#c-bc-name').value = c.beddencoordinator?.[0]?.name || ''; $('#c-bc-phone').value = c.beddencoordinator?.[0]?.phone || '';
}
function showResult(box, html, ok) { box.innerHTML = `<p class="${ok ? 'result-ok' : 'error'}">${html}</p>`; }
function showProblem(box, e, kind) {
  const code = e.problem?.code;
  if (code === 'LAST_IN_REGION') {
    box.innerHTML = `<div class="refusal" data-code="LAST_IN_REGION"><h3>${t('refusedTitle')}</h3>
      <p>${esc(t('refusedBody', kind || ''))}</p><p><strong>${t('refusedWhat')}</strong></p>
      <p class="hint">${t('serverSays')}: ${esc(e.problem.detail)} (${esc(code)})</p></div>`;
  } else {
    box.innerHTML = `<p class="error" data-code="${esc(code || '')}">${t('error')} ${e.status || ''} ${esc(code || '')}: ${esc(e.message)}</p>`;
  }
}
function renderAll() {
  const s = st.session;
  $('#who').textContent = t('signedInAs', s.sub, s.role, s.role === 'HOSPITAL' ? s.organisationName : (s.region || s.roaz));
  renderStops(); renderCapacity(); renderMap();
  if (st.session.role === 'HOSPITAL') normChanged();
}
function fillVrFilter() {
  if (!st.session) return;
  const s = st.session, sel = $('#vr-filter');
  if (s.role === 'MKA' || s.role === 'MMA') { fillSelect(sel, [[s.region, `${s.region} ${VR[s.region]?.[0]}`]]); sel.disabled = true; return; }
  fillSelect(sel, [['', `${t('allVrs')} (${s.roaz})`], ...vrsOf(s.roaz).map(v => [v, `${v} ${VR[v][0]}`])], st.vrFilter);
}

// ---- clock: countdowns, ages, staleness, unreachable banner ---------------------------------------------------------
function tick() {
  if (!st.session) return;
  // countdowns count from the instant shown: in history mode they stand still at that instant
  const ref = refNow();
  document.querySelectorAll('[data-stop]').forEach(el => {
    const left = new Date(el.dataset.end) - ref, grace = new Date(el.dataset.grace) - ref;
    el.querySelector('[data-role=countdown]').textContent = dur(left);
    el.querySelector('[data-role=grace]').textContent = grace > 0 ? `(${t('graceLeft')} ${dur(grace)})` : `(${t('graceOver')})`;
    if (left <= 0) el.remove();
  });
  document.querySelectorAll('[data-location]').forEach(el => {
    const last = el.dataset.last;
    const stale = isStale({ lastEventAt: last || null });
    el.classList.toggle('stale', stale);
    el.querySelector('[data-role=stale]').hidden = !stale;
    if (last) el.querySelector('[data-role=age]').textContent = `${fmt(last)} (${age(last, refNow())} ${t('ago')})`;
  });
  const off = $('#offline-banner');
  off.hidden = !st.unreachableSince;
  if (st.unreachableSince) off.textContent = '⚠ ' + t('offline', fmt(st.unreachableSince), age(st.capacityFetchedAt));
  const hb = $('#history-banner');
  hb.hidden = !st.asOf;
  if (st.asOf) hb.textContent =  t('historyBanner', fmt(st.asOf));
  $('#picture').textContent = st.capacity ? t('picture', fmt(st.capacity.asOf), age(st.capacityFetchedAt)) : '';
}

// ---- actions --------------------------------------------------------------------------------------------------------
async function declareStop(ev) {
  ev.preventDefault();
  const box = $('#stop-result'), kind = $('#stop-kind').value;
  const body = { locationId: $('#stop-location').value, kind, type: $('#stop-type').value,
    expectedDurationMinutes: Number($('#stop-duration').value), reason: $('#stop-reason').value, mkaContacted: $('#stop-mka').checked };
  try {
    const r = await api('POST', '/api/v1/stops', body);
    showResult(box, esc(t('declared', r.stopId, fmt(r.expectedEnd))), true);
    box.firstElementChild.dataset.stopId = r.stopId;
    soonStops();
  } catch (e) { showProblem(box, e, kind); }
}
async function stopAction(ev) {
  const form = ev.target.closest('[data-stop-actions]');
  if (!form) return;
  const id = form.dataset.stopActions, box = $('#stop-result');
  const action = ev.type === 'submit' ? 'extend' : ev.target.dataset.action;
  if (!action) return;
  ev.preventDefault();
  try {
    if (action === 'extend') {
      const r = await api('POST', `/api/v1/stops/${encodeURIComponent(id)}/extend`,
        { expectedDurationMinutes: Number(form.minutes.value), mkaContacted: form.mka.checked });
      showResult(box, esc(t('extended', fmt(r.expectedEnd))), true);
    } else {
      await api('POST', `/api/v1/stops/${encodeURIComponent(id)}/end`, { reason: 'beëindigd via dashboard' });
      showResult(box, esc(t('ended')), true);
    }
    soonStops();
  } catch (e) { showProblem(box, e); }
}
async function saveSetting(ev, fn) {
  ev.preventDefault();
  const box = $('#settings-result');
  try { await fn(); box.textContent = t('saved'); box.className = 'result-ok'; loadTopology(); } catch (e) { showProblem(box, e); }
}
const person = (n, p) => n ? [{ name: n, phone: p }] : [];

// ---- start ----------------------------------------------------------------------------------------------------------
function start() {
  if (st.session.mode === 'oidc' && st.session.expiresAt) {
    clearTimeout(expiryTimer);
    expiryTimer = setTimeout(sessionLost, Math.max(0, new Date(st.session.expiresAt).getTime() - Date.now() - 30000));
  }
  $('#signin').hidden = true; $('#app').hidden = false; $('#signout').hidden = false;
  const hospital = st.session.role === 'HOSPITAL';
  $('#manage').hidden = !hospital; $('#settings').hidden = !hospital;
  fillVrFilter(); applyLang();
  loadTopology(); loadCapacity(); loadStops();
  stream();
}
async function init() {
  fillSelect($('#roaz'), ROAZ.map(r => [r, r]), 'ROAZ-NHF');
  pickerChanged();
  $('#role').addEventListener('change', pickerChanged);
  $('#roaz').addEventListener('change', pickerChanged);
  $('#signin-form').addEventListener('submit', signIn);
  $('#signout').addEventListener('click', signOut);
  $('#lang').addEventListener('click', () => { st.lang = st.lang === 'nl' ? 'en' : 'nl'; localStorage.setItem('lpz.lang', st.lang); applyLang(); });
  $('#mute').addEventListener('click', () => { st.muted = !st.muted; localStorage.setItem('lpz.muted', st.muted); applyLang(); });
  $('#vr-filter').addEventListener('change', e => { st.vrFilter = e.target.value; loadStops(); renderCapacity(); renderMap(); });
  $('#history-form').addEventListener('submit', e => {
    e.preventDefault();
    const v = $('#asof').value;
    if (!v) return;
    // a past instant only (the platform refuses a future asOf for the stops): a later one shows now
    st.asOf = new Date(Math.min(new Date(v).getTime(), Date.now() - 1000)).toISOString(); tick(); loadCapacity(); loadStops();
  });
  $('#asof-live').addEventListener('click', () => { st.asOf = null; $('#asof').value = ''; tick(); loadCapacity(); loadStops(); });
  $('#stop-form').addEventListener('submit', declareStop);
  $('#stop-location').addEventListener('change', kindsChanged);
  $('#stop-kind').addEventListener('change', normChanged);
  $('#stop-duration').addEventListener('input', normChanged);
  $('#stops-list').addEventListener('submit', stopAction);
  $('#stops-list').addEventListener('click', e => { if (e.target.dataset.action === 'end') stopAction(e); });
  $('#set-location').addEventListener('change', settingsLocationChanged);
  $('#threshold-form').addEventListener('submit', e => saveSetting(e, () => api('PUT',
    `/api/v1/locations/${$('#set-location').value}/thresholds`, { thresholds: [{ specialistisch: $('#th-element').value, beds: Number($('#th-beds').value) }] })));
  $('#contacts-form').addEventListener('submit', e => saveSetting(e, () => api('PUT', `/api/v1/locations/${$('#set-location').value}/contacts`,
    { regiehouderSeh: person($('#c-seh-name').value, $('#c-seh-phone').value), beddencoordinator: person($('#c-bc-name').value, $('#c-bc-phone').value) })));
  $('#visibility-form').addEventListener('submit', e => saveSetting(e, () => api('PUT', `/api/v1/organisations/${st.session.organisation}/visibility`,
    { shared: $('#vis-shared').checked, releaseHistory: $('#vis-history').checked })));
  setInterval(tick, 1000);
  applyLang();
  if (!await loadSignInMode() && signInMode === 'oidc') { showSignIn(); return; }
  if (signInMode === 'oidc') {
    try {
      await oidcReturn();
    } catch (e) {
      st.session = null; sessionStorage.removeItem('lpz.session');
      showSignIn(); $('#signin-error').textContent = e.message;
      return;
    }
  }
  if (st.session && st.session.mode !== signInMode && !(signInMode === 'dev' && !st.session.mode)) {
    st.session = null; sessionStorage.removeItem('lpz.session');
  }
  if (st.session?.roaz) start(); else showSignIn();
}
init();
