// LPZ regional dashboard (issue 5): the entry module. Plain ES modules by concern under modules/ (docs/dashboard.md),
// no build step, no external resources; talks only to the gateway's external contract.
import { state, on, emit } from './modules/state.js';
import { $ } from './modules/dom.js';
import { applyLang } from './modules/i18n.js';
import { loadCapacity, loadStops, loadTopology, loadModuleCatalogue, readsBeds } from './modules/data.js';
import { stream } from './modules/stream.js';
import { loadSafetyRegions } from './modules/reference.js';
import { toggleMute } from './modules/sound.js';
import { initSignIn, watchExpiry } from './modules/signin.js';
import { renderCapacity, tickCapacity } from './modules/panel-capacity.js';
import { renderStops, tickStops } from './modules/panel-stops.js';
import { renderMap } from './modules/panel-map.js';
import { initManage, renderManage, normChanged } from './modules/panel-manage.js';
import { initSettings, renderSettings } from './modules/panel-settings.js';
import { renderWho, renderConn, tickStatus } from './modules/panel-status.js';
import { initView, renderVrFilter } from './modules/panel-view.js';
import { initModule, renderModule, tickModule } from './modules/panel-module.js';
import { initModuleReport, renderModuleReport } from './modules/panel-module-report.js';
import { initProfile, renderProfile } from './modules/panel-profile.js';
import { initPeriodReport, renderPeriodReport } from './modules/panel-period-report.js';
import { initAcuteCareMap, startAcuteCareMap, renderAcuteCareMapForm, acuteCareMapStopsChanged }
  from './modules/panel-acute-care-map.js';
import { initRefusals, renderRefusals, tickRefusals, startRefusals, refusalsTopologyChanged }
  from './modules/panel-refusals.js';
import { initChildrenIcu, renderChildrenIcu, tickChildrenIcu, startChildrenIcu, childrenIcuChanged }
  from './modules/panel-children-icu.js';

const signedIn = () => !!state.session?.roaz;
const hospital = () => state.session?.role === 'HOSPITAL';
/** A first-line midwife reads no region view (capacity, stops, stream, modules): her page is the refusals panel. */
const midwife = () => state.session?.role === 'MIDWIFE';
/** A subscriber that acts only while signed in. */
const whenSignedIn = fn => (...args) => { if (signedIn()) fn(...args); };

function tick() {
  tickStops();
  tickCapacity();
  tickStatus();
  tickModule();
  tickRefusals();
  tickChildrenIcu();
}

function renderAll() {
  if (midwife()) { renderWho(); renderRefusals(); return; }
  renderWho(); renderVrFilter(); renderConn(); renderRefusals(); renderChildrenIcu();
  renderStops(); renderCapacity(); renderMap(); renderModule(); renderPeriodReport(); renderProfile();
  if (hospital()) { normChanged(); renderModuleReport(); }
}

// what each change re-renders
on('render', whenSignedIn(renderAll));
on('capacity', whenSignedIn(() => { renderCapacity(); renderMap(); childrenIcuChanged(); }));
on('stops', whenSignedIn(() => { renderStops(); renderCapacity(); renderMap(); acuteCareMapStopsChanged(); }));
on('topology', whenSignedIn(() => {
  refusalsTopologyChanged();
  if (midwife()) return;
  if (hospital()) { renderManage(); renderSettings(); renderModuleReport(); }
  renderMap(); renderModule(); renderAcuteCareMapForm();
}));
on('module', whenSignedIn(() => { renderModule(); renderPeriodReport(); if (hospital()) renderModuleReport(); }));
on('conn', whenSignedIn(renderConn));
on('tick', whenSignedIn(tick));
on('signed-in', start);

/** The safety regions (the VRs of the region, their names) again after a failed read, until they are read. */
function retrySafetyRegions() {
  setTimeout(() => {
    if (!signedIn()) return;
    loadSafetyRegions().then(() => { emit('render'); if (!midwife()) loadStops(); }, retrySafetyRegions);
  }, 5000);
}

/** Signed in: the region view for the session's role, its data, and the live stream. */
async function start() {
  watchExpiry();
  $('#signin').hidden = true; $('#app').hidden = false; $('#signout').hidden = false;
  $('#manage').hidden = !hospital(); $('#settings').hidden = !hospital();
  ['#view-bar', '#stops', '#modules'].forEach(s => { $(s).hidden = midwife(); });
  ['#map-section', '#capacity'].forEach(s => { $(s).hidden = !readsBeds(); });
  try { await loadSafetyRegions(); } catch (e) { console.warn('safety regions', e); retrySafetyRegions(); }
  applyLang();
  loadTopology();
  if (!midwife()) { if (readsBeds()) loadCapacity(); loadStops(); loadModuleCatalogue(); stream(); }
  startRefusals();
  startChildrenIcu();
  startAcuteCareMap();
}

function init() {
  initView(); initManage(); initSettings(); initModule(); initModuleReport(); initRefusals(); initChildrenIcu();
  initProfile(); initPeriodReport(); initAcuteCareMap();
  $('#lang').addEventListener('click', () => {
    state.lang = state.lang === 'nl' ? 'en' : 'nl';
    localStorage.setItem('lpz.lang', state.lang);
    applyLang();
  });
  $('#mute').addEventListener('click', () => { toggleMute(); applyLang(); });
  setInterval(() => emit('tick'), 1000);
  applyLang();
  initSignIn();
}

init();
