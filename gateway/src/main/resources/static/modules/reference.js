// Reference data, read from the platform and kept for the page's lifetime; the page holds no copy of its own.
//
// Safety regions (VR01..VR25 → name, ROAZ region): GET /api/v1/safety-regions (capacity-service, ReferenceRegions),
// read once. Like every /api call it needs a token: the local sign-in picker reads it with its short-lived dev token
// before sign-in (signin-dev.js), the OIDC sign-in with the user's token (signin-oidc.js), a session kept for the tab
// with its own token when the view starts (dashboard.js). Until it is read the functions below answer as for an
// empty table.
//
// Norm times: GET /api/v1/regions/{roaz}/norm-times (stop-service: CareKind's national defaults, overridden per ROAZ
// region by lpz.stops.norm-times; a kind the region allows no stops of is absent), read per ROAZ region when the stop
// form first needs it. Every stop shows the norm time the platform applied to it (normTimeMinutes).
//
// A failed read is not kept: the next call reads again.
import { api } from './api.js';

/** [{ safetyRegionId, name, roazRegionId }], sorted by id. */
let safetyRegions = [];
let safetyRegionsRead = null;
/** ROAZ region → { kind: minutes }. */
const norms = new Map();
const normsRead = new Map();

/** Reads the safety regions once (with this token, else the session's); resolves when they are known. */
export function loadSafetyRegions(token) {
  if (!safetyRegionsRead) {
    safetyRegionsRead = api('GET', '/api/v1/safety-regions', null, token ?? undefined)
      .then(list => { safetyRegions = list; })
      .catch(e => { safetyRegionsRead = null; throw e; });
  }
  return safetyRegionsRead;
}

const byId = id => safetyRegions.find(r => r.safetyRegionId === id);

/** The ROAZ regions, sorted. */
export const roazRegions = () => [...new Set(safetyRegions.map(r => r.roazRegionId))].sort();
/** The safety regions (VRnn) of a ROAZ region. */
export const safetyRegionsOf = roaz => safetyRegions.filter(r => r.roazRegionId === roaz).map(r => r.safetyRegionId);
export const isSafetyRegion = id => !!byId(id ?? '');
/** "VR13 Amsterdam-Amstelland". */
export const safetyRegionLabel = vr => `${vr} ${byId(vr)?.name ?? ''}`.trim();
/** The ROAZ region of a safety region, or null. */
export const regionOfSafetyRegion = vr => byId(vr)?.roazRegionId ?? null;

/** Reads the norm times the stop-service applies in a ROAZ region (once per region, with the session's token). */
export function loadNormTimes(roaz) {
  if (!normsRead.has(roaz)) {
    normsRead.set(roaz, api('GET', `/api/v1/regions/${encodeURIComponent(roaz)}/norm-times`)
      .then(r => { norms.set(roaz, r.normTimes || {}); })
      .catch(e => { normsRead.delete(roaz); throw e; }));
  }
  return normsRead.get(roaz);
}

/** The norm time in minutes of a kind in a ROAZ region; null: no stops of that kind there; undefined: not read yet. */
export function normMinutes(roaz, kind) {
  const region = norms.get(roaz);
  return region === undefined ? undefined : region[kind] ?? null;
}
