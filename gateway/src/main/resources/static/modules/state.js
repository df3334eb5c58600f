// The page's state and a tiny publish/subscribe between the modules: loaders and the live stream publish what
// changed; the panels subscribe and render their own part of the page.

const SESSION = 'lpz.session';

export const state = {
  lang: localStorage.getItem('lpz.lang') || 'nl',
  muted: localStorage.getItem('lpz.muted') === 'true',
  /** 'dev' (local profile: POST /dev/tokens) or 'oidc' (GET /dashboard/config.json says which). */
  signInMode: 'dev',
  /** { mode, token, expiresAt, role, sub, roaz, region, organisation, organisationName } once signed in. */
  session: null,
  vrFilter: '',
  /** The instant shown (ISO) in history mode; null = live. */
  asOf: null,
  capacity: null, capacityFetchedAt: null, stops: {}, topology: [], codeList: null,
  /** The module catalogue (GET /api/v1/modules), the chosen module's id and its regional picture (or the refusal). */
  modules: null, moduleId: localStorage.getItem('lpz.module') || null, modulePicture: null, moduleProblem: null,
  conn: null, unreachableSince: null, lastOkAt: null, lastEventId: null, stream: null, warned: new Set(),
};

/** The session kept for the tab (sessionStorage), or null. */
export function storedSession() {
  try { return JSON.parse(sessionStorage.getItem(SESSION) || 'null'); } catch { return null; }
}

/** Sets (or with null clears) the session. OIDC tokens stay in oidc-client-ts's user store, not in this copy. */
export function setSession(session) {
  state.session = session;
  if (!session) { sessionStorage.removeItem(SESSION); return; }
  const { token, ...withoutToken } = session;
  sessionStorage.setItem(SESSION, JSON.stringify(session.mode === 'oidc' ? withoutToken : session));
}

const topics = new Map();
/** Subscribes fn to a topic ('render', 'capacity', 'stops', 'topology', 'module', 'conn', 'tick', 'unauthorized',
 * 'signed-in'). */
export function on(topic, fn) {
  if (!topics.has(topic)) topics.set(topic, []);
  topics.get(topic).push(fn);
}
export function emit(topic, ...args) {
  (topics.get(topic) || []).forEach(fn => fn(...args));
}
