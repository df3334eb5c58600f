// Panel: stops per safety region (GET /api/v1/safety-regions/{vr}/stops[?asOf=]) with countdowns, the 10-minute
// warning (and its sound, live only), announcements, and for the own stops of a hospital user extend / end.
import { state } from './state.js';
import { $, h, cls, showMessage } from './dom.js';
import { t, fmt, dur, refNow } from './i18n.js';
import { api } from './api.js';
import { vrsShown, activeStops, soonStops } from './data.js';
import { safetyRegionLabel } from './reference.js';
import { beep } from './sound.js';
import { showProblem } from './panel-manage.js';

async function stopAction(action, form) {
  const id = form.dataset.stopActions, box = $('#stop-result');
  try {
    if (action === 'extend') {
      const r = await api('POST', `/api/v1/stops/${encodeURIComponent(id)}/extend`,
        { expectedDurationMinutes: Number(form.minutes.value), mkaContacted: form.mka.checked });
      showMessage(box, t('extended', fmt(r.expectedEnd)), true);
    } else {
      await api('POST', `/api/v1/stops/${encodeURIComponent(id)}/end`, { reason: 'beëindigd via dashboard' });
      showMessage(box, t('ended'), true);
    }
    soonStops();
  } catch (e) { showProblem(box, e); }
}

function actions(s) {
  const ext = `ext-${s.stopId}`, mka = `extmka-${s.stopId}`;
  return h('form', { class: 'stop-actions', dataset: { stopActions: s.stopId },
    onsubmit: e => { e.preventDefault(); stopAction('extend', e.currentTarget); } },
  h('div', null, h('label', { for: ext }, t('extendTo')),
    h('input', { id: ext, name: 'minutes', type: 'number', min: s.expectedDurationMinutes + 1,
      value: s.expectedDurationMinutes + 30, required: true })),
  h('div', { class: 'check' }, h('input', { type: 'checkbox', name: 'mka', id: mka }), h('label', { for: mka }, t('mkaForExtend'))),
  h('button', { type: 'submit', dataset: { action: 'extend' } }, t('extend')),
  h('button', { type: 'button', dataset: { action: 'end' }, class: 'primary',
    onclick: e => stopAction('end', e.currentTarget.form) }, t('end')));
}

function stopCard(s, own) {
  const where = s.locationName || s.locationId;
  return h('article', { class: cls('stop', s.expiresSoon && 'soon'),
    dataset: { stop: s.stopId, end: s.expectedEnd, grace: s.graceUntil }, 'aria-label': `${t('stopBadge')} ${s.kind} ${where}` },
  h('h4', null, `${where} — `, h('strong', null, t('kindName', s.kind)), ` (${s.type === 'PLANNED' ? t('planned') : t('unplanned')})`),
  // a past instant's warning is shown as it stood, but is no alert
  s.expiresSoon && h('p', { class: 'warn', role: state.asOf ? null : 'alert', dataset: { role: 'expiry-warning' } },
    `⚠ ${t('expiresSoon')}`),
  h('p', { class: 'line' }, `${t('reason')}: ${s.reason}`),
  h('p', { class: 'line' }, `${t('started')} ${fmt(s.startedAt)} · ${t('expectedEnd')} ${fmt(s.expectedEnd)} · ${t('remaining')} `,
    h('span', { class: 'countdown', dataset: { role: 'countdown' } }, dur(new Date(s.expectedEnd) - refNow()))),
  h('p', { class: 'line' }, `${t('grace')}: ${fmt(s.graceUntil)} `, h('span', { dataset: { role: 'grace' } }),
    ` · ${t('norm')} ${s.normTimeMinutes} ${t('min')} · ${s.extensions} ${t('extensions')}${s.mkaContacted ? ` · ${t('mkaYes')}` : ''}`),
  own && !state.asOf && s.organisationId === own && actions(s));
}

function announcement(a) {
  return h('div', { class: 'announce', dataset: { announcement: a.announcementId } },
    `${a.locationName || a.locationId} — `, h('strong', null, t('kindName', a.kind)),
    `: ${t('planned_from')} ${fmt(a.plannedStart)} ${t('to')} ${fmt(a.plannedEnd)}. ${a.reason}`);
}

function group(vr, own) {
  const v = state.stops[vr], stops = v?.stops || [], ann = v?.announcements || [];
  return h('div', { class: 'vr-group', dataset: { vr } }, h('h3', null, safetyRegionLabel(vr)),
    v?.unavailable && h('p', { class: 'error', dataset: { role: 'stops-unavailable' } }, t('stopsUnavailable')),
    stops.length ? stops.map(s => stopCard(s, own)) : !v?.unavailable && h('p', { class: 'hint' }, t('noStops')),
    ann.length > 0 && [h('h4', null, t('announcements')), ann.map(announcement)]);
}

export function renderStops() {
  const own = state.session.role === 'HOSPITAL' ? state.session.organisation : null;
  // keep what the user typed in the extend forms (and the focus) across re-renders caused by live updates
  const typed = [...document.querySelectorAll('[data-stop-actions]')].map(f => [f.dataset.stopActions, f.minutes.value, f.mka.checked]);
  const focused = document.activeElement?.id;
  $('#stops-list').replaceChildren(...vrsShown().map(vr => group(vr, own)));
  typed.forEach(([id, minutes, mka]) => {
    const f = [...document.querySelectorAll('[data-stop-actions]')].find(x => x.dataset.stopActions === id);
    if (f) { f.minutes.value = minutes; f.mka.checked = mka; }
  });
  const again = focused && document.getElementById(focused);
  if (again && document.activeElement !== again) again.focus();
  // sound the 10-minute warning once per stop (also when the warning event was missed);
  // live only: a past instant's stops neither sound nor count as warned
  if (!state.asOf) {
    activeStops().filter(s => s.expiresSoon && !state.warned.has(s.stopId)).forEach(s => { state.warned.add(s.stopId); beep(); });
  }
  tickStops();
}

/** Every second: the countdowns (from the instant shown: standing still in history mode); an ended stop goes. */
export function tickStops() {
  const ref = refNow();
  document.querySelectorAll('[data-stop]').forEach(el => {
    const left = new Date(el.dataset.end) - ref, grace = new Date(el.dataset.grace) - ref;
    el.querySelector('[data-role=countdown]').textContent = dur(left);
    el.querySelector('[data-role=grace]').textContent = grace > 0 ? `(${t('graceLeft')} ${dur(grace)})` : `(${t('graceOver')})`;
    if (left <= 0) el.remove();
  });
}
