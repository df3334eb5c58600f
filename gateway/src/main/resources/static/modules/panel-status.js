// Panel: the status of what is on screen — who is signed in, the live connection chip, the "platform unreachable"
// banner (since when, how old the picture is), the history banner and the picture's time and age.
import { state } from './state.js';
import { $ } from './dom.js';
import { t, fmt, age } from './i18n.js';

export function renderWho() {
  const s = state.session;
  const where = s?.role === 'HOSPITAL' ? s.organisationName
    : s?.role === 'MIDWIFE' ? `${s.organisation} · ${s.region || s.roaz}` : (s?.region || s?.roaz);
  $('#who').textContent = s ? t('signedInAs', s.sub, s.role, where) : '';
}

export function renderConn() {
  const el = $('#conn');
  if (!state.conn) { el.textContent = ''; return; }
  el.textContent = t(state.conn);
  el.classList.toggle('down', state.conn !== 'live');
  el.dataset.state = state.conn;
}

/** Every second (and when reachability changes): banners and the picture's age. */
export function tickStatus() {
  const off = $('#offline-banner');
  off.hidden = !state.unreachableSince;
  if (state.unreachableSince) off.textContent = '⚠ ' + t('offline', fmt(state.unreachableSince), age(state.capacityFetchedAt));
  const hb = $('#history-banner');
  hb.hidden = !state.asOf;
  if (state.asOf) hb.textContent = t('historyBanner', fmt(state.asOf));
  $('#picture').textContent = state.capacity ? t('picture', fmt(state.capacity.asOf), age(state.capacityFetchedAt)) : '';
}
