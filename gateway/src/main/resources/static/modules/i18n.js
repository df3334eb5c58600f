// Translations (Dutch by default, English) and the formatting of instants and durations.
import { state, emit } from './state.js';
import { $ } from './dom.js';

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
    normUnknown: k => `Normtijd ${k}: nog niet bekend.`,
    normNone: k => `In deze ROAZ-regio zijn geen stops voor ${k} toegestaan.`,
    // a kind of care as the stop form and the stop cards show it; the code stays the value sent to the API
    kindName: k => ({ VERLOSKUNDE: 'VERLOSKUNDE (presentatiestop geboortezorg)' }[k] || k),
    regionsFailed: e => `De veiligheidsregio's zijn niet te lezen (${e}).`,
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
    modules: 'Modules', module: 'Module', moduleNone: 'Geen module die uw rol mag lezen.',
    notReporting: n => `Verwacht, nog geen melding (${n})`, moduleAsOf: t => `Stand van ${t}`,
    moduleInfo: (v, m) => `Definitie versie ${v}; cijfers ouder dan ${m} minuten zijn verouderd.`,
    moduleAggregate: 'U ziet alleen de totalen van de regio: uw rol leest deze module geaggregeerd.',
    moduleRefused: (code, detail) => `Deze module kunt u hier niet lezen (${code}): ${detail}`,
    moduleNoFigures: 'Nog geen cijfers gemeld.', unitCol: 'Eenheid', reported: 'Gemeld', staleRows: 'verouderd',
    availabilityCol: 'Beschikbaarheid', availabilityHint: 'De gemelde openstelling, STOP zolang een stop loopt, of CLOSED buiten de openingstijden',
    opensAt: t => `open vanaf ${t}`, closesAt: t => `sluit ${t}`,
    stopsCol: 'Stops', until: t => `tot ${t}`,
    leadTimes: d => `Doorlooptijden ${d}`, leadTimesNone: 'Nog geen patiënten op deze dag.',
    leadTimesHint: 'Mediaan · p90 in minuten (aantal patiënten), aandeel boven de norm. Zonder patiëntgegevens.',
    overNorm: (p, n) => ` ${p}% > ${Math.round(n)}′`, normOf: n => `norm ${n}`, regionTotal: 'Regio',
    totalUnits: (n, s) => `Totaal: ${n} eenheden, ${s} verouderd`, levelCol: 'Niveau', version: 'versie',
    reportTitle: 'Cijfers melden (SEH-manager)',
    reportHint: 'Voor als het EPD niet zelf meldt: één melding, nu, voor een eigen locatie. Lege optionele velden worden niet gemeld.',
    unitKind: 'Soort eenheid', unitId: 'Eenheid (id)', optional: 'optioneel', choose: 'kies…', send: 'Cijfers melden',
    reportAccepted: (a, d, s) => `Melding ontvangen: ${a} geaccepteerd, ${d} dubbel, ${s} verouderd.`,
    reportRejected: 'Melding geweigerd', seeField: f => `zie het veld ${f}`, noOwnLocations: 'Uw organisatie heeft geen locatie in deze regio.',
    roleMidwife: 'Verloskundige (eerstelijnspraktijk)', practice: 'Verloskundigenpraktijk (id)',
    refusals: 'Weigeringen geboortezorg', refusalRegister: 'Weigering registreren',
    refusalHint: 'Alleen het ziekenhuis, het tijdstip, de reden en wie haar daarna opnam. Er worden geen gegevens van de vrouw vastgelegd.',
    refusedBy: 'Ziekenhuis dat weigerde', refusedAt: 'Tijdstip', refusalReason: 'Reden',
    takenBy: 'Daarna opgenomen door (optioneel)', takenByNone: 'Niet bekend', refusalSend: 'Weigering registreren',
    refusalNoLocations: 'Geen ziekenhuis met acute verloskunde in deze regio bekend.', refresh: 'Vernieuwen',
    reasonName: r => ({ NO_DELIVERY_ROOM: 'Geen verloskamer vrij', NO_STAFF: 'Geen personeel',
      NO_NEONATAL_CARE: 'Geen neonatale zorg', PRESENTATIESTOP: 'Presentatiestop', OTHER: 'Anders' }[r] || r),
    refusalsIntroMidwife: 'Registreer dat een ziekenhuis een vrouw in partu niet kon opnemen. Daaronder wat uw praktijk de laatste 30 dagen registreerde.',
    refusalsIntroHospital: 'Wat eerstelijnsverloskundigen de laatste 30 dagen registreerden over uw locaties met acute verloskunde: wanneer en waarom u een vrouw in partu niet kon opnemen. De praktijk wordt niet getoond, alleen haar ROAZ-regio.',
    refusalsIntroRegion: r => `Weigeringen per ziekenhuis van ${r} en maand (de laatste 3 maanden, Nederlandse tijd), zoals eerstelijnsverloskundigen ze registreerden.`,
    refusalAccepted: 'Weigering geregistreerd.',
    refusalDuplicate: 'Deze weigering was al geregistreerd (opnieuw verzonden); ze telt één keer.',
    refusalRejected: (code, detail) => `Weigering niet geregistreerd (${code}): ${detail}`,
    refusalUnreachable: 'Het platform is niet bereikbaar: niet zeker of de weigering is ontvangen. Verstuur opnieuw; ze wordt dan niet dubbel geteld.',
    refusalsMine: 'Door uw praktijk geregistreerd (laatste 30 dagen)', refusalsNone: 'Geen weigeringen in deze periode.',
    refusalsNoOwn: 'Uw organisatie heeft in deze regio geen locatie met acute verloskunde.',
    refusalsCount: n => (n === 1 ? '1 weigering in de laatste 30 dagen' : `${n} weigeringen in de laatste 30 dagen`),
    refusalsReadFailed: (code, detail) => `De weigeringen konden niet worden gelezen (${code}): ${detail}`,
    colTime: 'Tijdstip', colHospital: 'Ziekenhuis', colTakenBy: 'Daarna opgenomen door', colRecorded: 'Geregistreerd',
    colMidwifeRegion: 'Regio van de verloskundige', takenElsewhere: n => `${n} elders opgenomen`,
    // the national NICU/PICU overview (panel-children-icu.js) and the groups line of the capacity cards
    childrenIcu: 'NICU/PICU landelijk', ciRefresh: 'Vernieuwen', ciNational: 'Landelijk',
    ciHint: 'IC-capaciteit voor kinderen wordt landelijk gecoördineerd: per ROAZ-regio de gedeelde locaties met PICU- (IC kinderen) of NICU-bedden (IC neonatologie), capaciteit / bezet / beschikbaar zoals andere ziekenhuizen het zien (na drempels).',
    ciFigures: 'capaciteit/bezet/beschikbaar', ciLocations: n => (n === 1 ? '1 locatie' : `${n} locaties`),
    ciNone: 'Geen locaties met PICU- of NICU-bedden.',
    ciReadFailed: (code, detail) => `Het NICU/PICU-overzicht kon niet worden gelezen (${code}): ${detail}`,
    groups: 'Groepen', clinic: 'Kliniek',
    monthlyHint: 'Per maand het aantal weigeringen; daaronder de redenen en hoe vaak een ander ziekenhuis haar daarna opnam.',
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
    normUnknown: k => `Norm time ${k}: not known yet.`,
    normNone: k => `This ROAZ region allows no ${k} stops.`,
    kindName: k => ({ VERLOSKUNDE: 'VERLOSKUNDE (birth-care presentatiestop)' }[k] || k),
    regionsFailed: e => `The safety regions cannot be read (${e}).`,
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
    modules: 'Modules', module: 'Module', moduleNone: 'No module your role may read.',
    notReporting: n => `Expected, not reported yet (${n})`, moduleAsOf: t => `As of ${t}`,
    moduleInfo: (v, m) => `Definition version ${v}; figures older than ${m} minutes are stale.`,
    moduleAggregate: 'You see the region\'s totals only: your role reads this module in aggregate.',
    moduleRefused: (code, detail) => `You cannot read this module here (${code}): ${detail}`,
    moduleNoFigures: 'No figures reported yet.', unitCol: 'Unit', reported: 'Reported', staleRows: 'stale',
    availabilityCol: 'Availability', availabilityHint: 'The reported openness, STOP while a stop runs, or CLOSED outside the opening hours',
    opensAt: t => `opens ${t}`, closesAt: t => `closes ${t}`,
    stopsCol: 'Stops', until: t => `until ${t}`,
    leadTimes: d => `Lead times ${d}`, leadTimesNone: 'No patients on this day yet.',
    leadTimesHint: 'Median · p90 in minutes (patients), share over the norm. No patient data.',
    overNorm: (p, n) => ` ${p}% > ${Math.round(n)}′`, normOf: n => `norm ${n}`, regionTotal: 'Region',
    totalUnits: (n, s) => `Total: ${n} units, ${s} stale`, levelCol: 'Level', version: 'version',
    reportTitle: 'Report figures (ED manager)',
    reportHint: 'For when the EPD does not report: one report, now, for an own location. Empty optional fields are not reported.',
    unitKind: 'Kind of unit', unitId: 'Unit (id)', optional: 'optional', choose: 'choose…', send: 'Report figures',
    reportAccepted: (a, d, s) => `Report received: ${a} accepted, ${d} duplicate, ${s} stale.`,
    reportRejected: 'Report refused', seeField: f => `see the field ${f}`, noOwnLocations: 'Your organisation has no location in this region.',
    roleMidwife: 'Midwife (first-line practice)', practice: 'Midwife practice (id)',
    refusals: 'Birth-care refusals', refusalRegister: 'Register a refusal',
    refusalHint: 'Only the hospital, the time, the reason and who took her then. No data of the woman is recorded.',
    refusedBy: 'Hospital that refused', refusedAt: 'Time', refusalReason: 'Reason',
    takenBy: 'Then taken by (optional)', takenByNone: 'Not known', refusalSend: 'Register refusal',
    refusalNoLocations: 'No hospital with acute obstetric care known in this region.', refresh: 'Refresh',
    reasonName: r => ({ NO_DELIVERY_ROOM: 'No delivery room free', NO_STAFF: 'No staff',
      NO_NEONATAL_CARE: 'No neonatal care', PRESENTATIESTOP: 'Presentatiestop (no presentations)', OTHER: 'Other' }[r] || r),
    refusalsIntroMidwife: 'Register that a hospital could not take a woman in labour. Below, what your practice registered in the last 30 days.',
    refusalsIntroHospital: 'What first-line midwives registered in the last 30 days about your locations with acute obstetric care: when and why you could not take a woman in labour. The practice is not shown, only its ROAZ region.',
    refusalsIntroRegion: r => `Refusals per hospital of ${r} and month (the last 3 months, Dutch time), as first-line midwives registered them.`,
    refusalAccepted: 'Refusal registered.',
    refusalDuplicate: 'This refusal was registered already (sent again); it counts once.',
    refusalRejected: (code, detail) => `Refusal not registered (${code}): ${detail}`,
    refusalUnreachable: 'The platform cannot be reached: not sure whether the refusal was received. Send it again; it will not be counted twice.',
    refusalsMine: 'Registered by your practice (last 30 days)', refusalsNone: 'No refusals in this period.',
    refusalsNoOwn: 'Your organisation has no location with acute obstetric care in this region.',
    refusalsCount: n => (n === 1 ? '1 refusal in the last 30 days' : `${n} refusals in the last 30 days`),
    refusalsReadFailed: (code, detail) => `The refusals could not be read (${code}): ${detail}`,
    colTime: 'Time', colHospital: 'Hospital', colTakenBy: 'Then taken by', colRecorded: 'Registered',
    colMidwifeRegion: "Midwife's region", takenElsewhere: n => `${n} taken elsewhere`,
    childrenIcu: 'NICU/PICU national', ciRefresh: 'Refresh', ciNational: 'National',
    ciHint: "Children's intensive care is coordinated nationally: per ROAZ region the shared locations with PICU (paediatric ICU) or NICU (neonatal ICU) beds, capacity / occupied / available as other hospitals see it (after thresholds).",
    ciFigures: 'capacity/occupied/available', ciLocations: n => (n === 1 ? '1 location' : `${n} locations`),
    ciNone: 'No locations with PICU or NICU beds.',
    ciReadFailed: (code, detail) => `The NICU/PICU overview could not be read (${code}): ${detail}`,
    groups: 'Groups', clinic: 'Clinic',
    monthlyHint: 'Per month the number of refusals; below it the reasons and how often another hospital took her then.',
  },
};

/** The text of key k in the current language (a function entry gets the arguments). */
export const t = (k, ...a) => {
  const v = T[state.lang][k] ?? T.nl[k] ?? k;
  return typeof v === 'function' ? v(...a) : v;
};

/** An instant as day-month hh:mm:ss in Dutch time. */
export const fmt = iso => iso ? new Date(iso).toLocaleString(state.lang === 'nl' ? 'nl-NL' : 'en-GB',
  { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '–';

/** A duration as m:ss, or h hh m from an hour on. */
export const dur = ms => {
  const s = Math.max(0, Math.round(ms / 1000)), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
  return h ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}:${String(r).padStart(2, '0')}`;
};
export const age = (iso, ref = Date.now()) => iso ? dur(ref - new Date(iso).getTime()) : '–';

/** An ISO-8601 duration of days, hours, minutes and seconds ("PT30M", "P1DT2H") in milliseconds; NaN otherwise. */
export const isoDurationMs = text => {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text || '');
  return m ? (((Number(m[1] || 0) * 24 + Number(m[2] || 0)) * 60 + Number(m[3] || 0)) * 60 + Number(m[4] || 0)) * 1000 : NaN;
};

/** A module definition's name ({nl, en}) in the current language. */
export const named = n => (n ? n[state.lang] ?? n.nl ?? n.en ?? '' : '');
/** The same name in the other language (for a title attribute). */
export const otherName = n => (n ? n[state.lang === 'nl' ? 'en' : 'nl'] ?? '' : '');

/** The instant the page shows: the picked one in history mode, otherwise now. */
export const refNow = () => state.asOf ? new Date(state.asOf).getTime() : Date.now();

/** Puts the page's fixed texts in the current language and asks the panels to render again. */
export function applyLang() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  $('#lang').textContent = state.lang === 'nl' ? 'English' : 'Nederlands';
  $('#lang').lang = state.lang === 'nl' ? 'en' : 'nl';
  $('#mute').textContent = state.muted ? t('unmute') : t('mute');
  $('#mute').setAttribute('aria-pressed', String(state.muted));
  emit('render');
}
