// What the page shows, read from the API: the region's capacity, the stops per safety region, the locations
// (topology), the code list, the module catalogue and the chosen module's regional picture; with the selections the
// panels share (which VRs, which stops, stale or not, which modules).
import { state, emit } from './state.js';
import { api } from './api.js';
import { safetyRegionsOf } from './reference.js';

/** Staleness: no report for this many minutes (?staleMinutes=n or localStorage['lpz.staleMinutes'], default 15). */
export const STALE_MINUTES = Number(new URLSearchParams(location.search).get('staleMinutes')
  || localStorage.getItem('lpz.staleMinutes') || 15);

/** Roles whose token names a veiligheidsregio: they see that VR only (dispatch, ambulance service, GP post). */
export const VR_ROLES = ['MKA', 'MMA', 'RAV', 'HAP'];
const isDispatch = () => VR_ROLES.includes(state.session?.role);
/** RAV and HAP users read the EDs' openness (Spoed) and their VR's stops, no bed figures (seed 004). */
export const readsBeds = () => !['RAV', 'HAP', 'MIDWIFE'].includes(state.session?.role);

/** The safety regions shown: the VR of a VR-scoped role, the filter's, or all of the ROAZ region. */
export function vrsShown() {
  const s = state.session;
  if (isDispatch()) return [s.region];
  return state.vrFilter ? [state.vrFilter] : safetyRegionsOf(s.roaz);
}

export const activeStops = () => vrsShown().flatMap(v => state.stops[v]?.stops || []);
export const stopsAt = locationId => activeStops().filter(s => s.locationId === locationId);

/** Whether a location's last report is older than the staleness limit (at the instant shown). */
export function isStale(loc) {
  if (!loc.lastEventAt) return true;
  const ref = state.asOf ? new Date(state.asOf).getTime() : Date.now();
  return ref - new Date(loc.lastEventAt).getTime() > STALE_MINUTES * 60000;
}

/** The capacity's locations in the VRs shown. */
export function shownLocations() {
  const locs = state.capacity?.locations || [];
  const vrs = new Set(vrsShown());
  return state.vrFilter || isDispatch() ? locs.filter(l => vrs.has(l.safetyRegionId)) : locs;
}

export const ownLocations = () => state.topology.filter(l => l.organisationId === state.session.organisation);
export const topologyLocation = id => state.topology.find(l => l.locationId === id);

const asOfQuery = asOf => asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';

export async function loadCapacity() {
  const asOf = state.asOf;
  try {
    const capacity = await api('GET', `/api/v1/regions/${state.session.roaz}/capacity${asOfQuery(asOf)}`);
    if (state.asOf !== asOf) return; // the user switched between live and history meanwhile
    state.capacity = capacity;
    state.capacityFetchedAt = new Date().toISOString();
  } catch (e) { if (e.status !== 0) console.warn('capacity', e); }
  emit('capacity');
}

/** The stops per VR shown; in history mode as they stood at the instant (the read model's asOf). */
export async function loadStops() {
  const asOf = state.asOf;
  await Promise.all(vrsShown().map(async vr => {
    try {
      const stops = await api('GET', `/api/v1/safety-regions/${vr}/stops${asOfQuery(asOf)}`);
      if (state.asOf === asOf) state.stops[vr] = stops; // else the user switched between live and history meanwhile
    } catch (e) {
      if (e.status !== 0) console.warn('stops', vr, e);
      // never today's stops under a history banner (e.g. a refused asOf): say they are missing
      if (asOf && state.asOf === asOf && e.status !== 0) state.stops[vr] = { stops: [], announcements: [], unavailable: true };
    }
  }));
  if (state.asOf !== asOf) return;
  emit('stops');
}

export async function loadTopology() {
  try { state.topology = (await api('GET', `/api/v1/regions/${state.session.roaz}/locations`)).locations; } catch (e) { console.warn(e); }
  try { state.codeList = await api('GET', '/api/v1/code-lists/labels'); } catch (e) { console.warn(e); }
  emit('topology');
}

/** The user's roles: the token's (OIDC), else the one picked. */
export const sessionRoles = () => state.session?.roles || (state.session?.role ? [state.session.role] : []);

/** The catalogue's modules the user's roles read (a reader rule for one of them), in the catalogue's order. */
export const readableModules = () => (state.modules || [])
  .filter(m => (m.readers || []).some(r => sessionRoles().includes(r.role)));
export const chosenModule = () => readableModules().find(m => m.id === state.moduleId) || null;

/** The module catalogue (GET /api/v1/modules), then the chosen module's picture; the first readable one by default. */
export async function loadModuleCatalogue() {
  try { state.modules = await api('GET', '/api/v1/modules'); } catch (e) { console.warn('modules', e); return; }
  if (!chosenModule()) state.moduleId = readableModules()[0]?.id || null;
  emit('module');
  loadModulePicture();
}

/** The chosen module's figures in the region (now or at the instant shown); a refusal is kept to be shown. */
export async function loadModulePicture() {
  const asOf = state.asOf, moduleId = state.moduleId;
  if (!moduleId || !state.session) return;
  try {
    const picture = await api('GET', `/api/v1/regions/${encodeURIComponent(state.session.roaz)}/modules/`
      + `${encodeURIComponent(moduleId)}${asOfQuery(asOf)}`);
    if (state.asOf !== asOf || state.moduleId !== moduleId) return; // switched meanwhile
    state.modulePicture = picture; state.moduleProblem = null;
    state.moduleLeadTimes = await loadLeadTimes(moduleId, asOf);
    if (!asOf) rereadAtNextOpeningChange(picture);
  } catch (e) {
    if (state.asOf !== asOf || state.moduleId !== moduleId || e.status === 0) return; // unreachable: keep the last
    state.modulePicture = null; state.moduleProblem = e;
  }
  emit('module');
}

/** The date in Europe/Amsterdam (the day lead times are counted on) of an instant, as YYYY-MM-DD. */
const amsterdamDay = date => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(date);

/**
 * The lead times of the day shown (GET .../lead-times), when a unit kind of the module keeps them; null otherwise or
 * when they cannot be read (the figures are shown without them).
 */
async function loadLeadTimes(moduleId, asOf) {
  const module = chosenModule();
  if (!module || !(module.units || []).some(u => u.passages)) return null;
  const day = amsterdamDay(asOf ? new Date(asOf) : new Date());
  try {
    return await api('GET', `/api/v1/regions/${encodeURIComponent(state.session.roaz)}/modules/`
      + `${encodeURIComponent(moduleId)}/lead-times?from=${day}&to=${day}`);
  } catch (e) {
    console.warn('lead times', e);
    return null;
  }
}

let hoursTimer = null;
/**
 * An ED opens and closes by its hours without any event on the stream: the live picture is read again just after the
 * earliest opening or closing it shows.
 */
function rereadAtNextOpeningChange(picture) {
  clearTimeout(hoursTimer);
  const changes = (picture.providers || []).flatMap(p => p.units || []).map(u => u.availability)
    .filter(Boolean).map(a => a.outsideHours ? a.until : a.closesAt).filter(Boolean)
    .map(iso => Date.parse(iso) - Date.now()).filter(ms => ms > 0);
  if (changes.length) hoursTimer = setTimeout(() => soonModule(), Math.min(...changes) + 1000);
}

let capTimer = null, stopTimer = null, moduleTimer = null;
/** Re-reads the capacity soon (debounced; live only). */
export function soonCapacity() {
  if (state.asOf || !readsBeds()) return;
  clearTimeout(capTimer);
  capTimer = setTimeout(loadCapacity, 250);
}
/** Re-reads the chosen module's picture soon (debounced; live only). */
export function soonModule() {
  if (state.asOf || !state.moduleId) return;
  clearTimeout(moduleTimer);
  moduleTimer = setTimeout(loadModulePicture, 250);
}
export function soonStops() {
  clearTimeout(stopTimer);
  stopTimer = setTimeout(loadStops, 150);
}
