// Reference data the platform does not serve (yet): the one place the page keeps a copy. Everything else it shows
// (locations, their safety and ROAZ region, care offered, coordinates, code lists, the norm time a stop got) is read
// from the API.
//
// Safety regions: the capacity-service owns the table VR01..VR25 → name, ROAZ region
// (capacity-service/src/main/resources/topology/roaz_regions_by_safety_region.csv, ReferenceRegions) but serves it
// only one region at a time and without names (GET /api/v1/safety-regions/{vr}/locations answers roazRegionId, which
// the OIDC sign-in uses for a token that names a VR). The page needs the whole list before sign-in (the local
// picker) and for the VR filter. Replace with a GET /api/v1/safety-regions listing (id, name, roazRegionId) once a
// service offers one.
//
// Norm times: the stop-service owns them (CareKind's national defaults, lpz.stops.norm-times per ROAZ region) and
// serves no endpoint for them; the stop form's hint uses the national defaults before a stop exists, and every stop
// shows the norm time the platform applied (normTimeMinutes). Replace with a GET of the norm times per kind as
// applied in a ROAZ region once the stop-service offers one.

const SAFETY_REGIONS = {
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

/** The ROAZ regions, sorted. */
export const ROAZ_REGIONS = [...new Set(Object.values(SAFETY_REGIONS).map(v => v[1]))].sort();
/** The safety regions (VRnn) of a ROAZ region. */
export const safetyRegionsOf = roaz => Object.keys(SAFETY_REGIONS).filter(v => SAFETY_REGIONS[v][1] === roaz);
export const isSafetyRegion = id => Object.hasOwn(SAFETY_REGIONS, id ?? '');
/** "VR13 Amsterdam-Amstelland". */
export const safetyRegionLabel = vr => `${vr} ${SAFETY_REGIONS[vr]?.[0] ?? ''}`.trim();

/** National default norm times in minutes (stop-service CareKind); a region may configure others. */
const NORM_MINUTES = { SEH: 120, SR: 60, CTT: 120, EHH: 120, CCU: 120, PCI: 120 };
export const defaultNormMinutes = kind => NORM_MINUTES[kind] ?? 120;

/** The ROAZ region of a safety region (the table's; the OIDC sign-in asks the capacity-service first). */
export const regionOfSafetyRegion = vr => SAFETY_REGIONS[vr]?.[1] ?? null;
