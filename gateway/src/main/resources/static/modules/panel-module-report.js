// Panel: report a module's figures from the page (ED manager, role HOSPITAL) when the EPD does not: for an own
// location and a unit kind of the chosen module, the inputs generated from the definition's figures (a number input
// with min 0 and the figure's max, a select of a status's values; optional figures may stay empty and are then not
// sent), the unit id (default "<KIND>-1"); POST /api/v1/modules/{id}/reports with one report, a fresh eventId and
// occurredAt now. The answer is shown; a refusal's code and detail next to the field it names where it names one.
import { state } from './state.js';
import { $, h, fillSelect, showMessage } from './dom.js';
import { t, named, otherName } from './i18n.js';
import { api } from './api.js';
import { ownLocations, chosenModule, soonModule } from './data.js';

const defaultUnitId = kind => `${kind.toUpperCase()}-1`;
const fieldId = figureId => `mf-${figureId}`;
const errorId = figureId => `mf-${figureId}-error`;

function unitKind() {
  return (chosenModule()?.units || []).find(u => u.kind === $('#mr-kind').value) || null;
}

function figureField(f) {
  const id = fieldId(f.id), described = errorId(f.id);
  const label = h('label', { for: id, title: otherName(f.name) || null }, named(f.name),
    f.type === 'DURATION_MINUTES' && ` (${t('min')})`, !f.required && h('small', null, ` (${t('optional')})`));
  const control = f.type === 'STATUS'
    ? h('select', { id, name: f.id, required: f.required, 'aria-describedby': described },
      h('option', { value: '' }, f.required ? t('choose') : '–'),
      (f.values || []).map(v => h('option', { value: v }, v)))
    : h('input', { id, name: f.id, type: 'number', inputmode: 'numeric', min: 0, max: f.max ?? null, step: 1,
      required: f.required, 'aria-describedby': described });
  return h('div', { dataset: { figureField: f.id } }, label, control,
    h('p', { id: described, class: 'field-error', dataset: { role: 'field-error' } }));
}

/** The figure inputs of the chosen unit kind, keeping what was typed in the same figures. */
function renderFigures() {
  const kind = unitKind(), box = $('#mr-figures');
  const same = box.dataset.kind === `${chosenModule()?.id}/${kind?.kind}`;
  const typed = new Map(same ? [...box.querySelectorAll('[name]')].map(el => [el.name, el.value]) : []);
  box.dataset.kind = `${chosenModule()?.id}/${kind?.kind}`;
  box.replaceChildren(...(kind?.figures || []).map(figureField));
  typed.forEach((v, name) => { const el = $(`#mr-figures [name="${CSS.escape(name)}"]`); if (el) el.value = v; });
  $('#mr-invariants').textContent = (kind?.invariants || []).join(' · ');
  const unit = $('#mr-unit');
  if (!unit.value || unit.dataset.auto === 'true') {
    unit.value = kind ? defaultUnitId(kind.kind) : '';
    unit.dataset.auto = 'true';
  }
}

let shown = null;

/**
 * The own locations and the chosen module's unit kinds (keeping the choices), then the figures. Built again only when
 * the module, the language or the own locations change: a live update leaves the form, what was typed and the focus.
 */
export function renderModuleReport() {
  const m = chosenModule(), own = ownLocations();
  $('#module-report').hidden = !m;
  if (!m) return;
  const key = [m.id, m.version, state.lang, ...own.map(l => `${l.locationId}:${l.name}`)].join('|');
  if (key === shown) return;
  shown = key;
  const loc = $('#mr-location'), keepLoc = loc.value;
  fillSelect(loc, own.map(l => [l.locationId, `${l.name} (${l.locationId})`]), keepLoc || undefined);
  if (!loc.value && own.length) loc.value = own[0].locationId;
  $('#mr-no-locations').hidden = own.length > 0;
  const kinds = $('#mr-kind'), keepKind = kinds.value;
  fillSelect(kinds, m.units.map(u => [u.kind, named(u.name)]),
    m.units.some(u => u.kind === keepKind) ? keepKind : undefined);
  renderFigures();
}

function clearErrors() {
  $('#module-result').replaceChildren();
  document.querySelectorAll('#mr-figures [data-role=field-error]').forEach(p => { p.textContent = ''; });
  document.querySelectorAll('#mr-figures [aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
}

/**
 * The figures a problem's detail names: "figure <id> …" (range, status, type, missing) or the quoted invariant
 * ("the figures break 'taken <= places' …"); only ids of the unit kind's figures count.
 */
function figuresNamed(detail, kind) {
  const ids = (kind?.figures || []).map(f => f.id);
  const single = /\bfigure (\w+)/.exec(detail || ''); // the detail may be prefixed ("… the first: figure x …")
  if (single && ids.includes(single[1])) return [single[1]];
  const quoted = /'([^']*)'/.exec(detail || '');
  if (!quoted) return [];
  return [...new Set(quoted[1].split(/[^A-Za-z0-9]+/).filter(w => ids.includes(w)))]; // in the invariant's order
}

function showRefusal(code, detail, kind) {
  const concerned = figuresNamed(detail, kind), box = $('#module-result');
  const text = `${code || t('error')}: ${detail}`;
  const attrs = { dataset: { code: code || '' } };
  if (!concerned.length) { showMessage(box, `${t('reportRejected')} — ${text}`, false, attrs); return; }
  concerned.forEach((id, i) => {
    $(`#${fieldId(id)}`).setAttribute('aria-invalid', 'true');
    if (i === 0) {
      const p = $(`#${errorId(id)}`);
      p.textContent = text;
      p.dataset.code = code || '';
    }
  });
  const first = (kind.figures.find(f => f.id === concerned[0]) || {}).name;
  showMessage(box, `${t('reportRejected')} (${code}): ${t('seeField', named(first))}`, false, attrs);
  $(`#${fieldId(concerned[0])}`).focus();
}

async function send(ev) {
  ev.preventDefault();
  clearErrors();
  const m = chosenModule(), kind = unitKind();
  if (!m || !kind) return;
  const figures = {};
  kind.figures.forEach(f => {
    const v = $(`#${fieldId(f.id)}`).value;
    if (v === '') return; // an optional figure left empty is not reported
    figures[f.id] = f.type === 'STATUS' ? v : Number(v);
  });
  const report = { eventId: crypto.randomUUID(), providerId: $('#mr-location').value, unitKind: kind.kind,
    unitId: $('#mr-unit').value.trim(), figures, occurredAt: new Date().toISOString() };
  try {
    const r = await api('POST', `/api/v1/modules/${encodeURIComponent(m.id)}/reports`, { reports: [report] });
    if (r.rejected?.length) { showRefusal(r.rejected[0].code, r.rejected[0].detail, kind); return; }
    showMessage($('#module-result'), t('reportAccepted', r.accepted, r.duplicates, r.stale), true,
      { dataset: { accepted: r.accepted, eventId: report.eventId } });
    soonModule();
  } catch (e) {
    if (e.status === 0) { showMessage($('#module-result'), `${t('error')}: ${e.message}`, false); return; }
    showRefusal(e.problem?.code, e.message, kind);
  }
}

export function initModuleReport() {
  $('#module-report-form').addEventListener('submit', send);
  $('#mr-kind').addEventListener('change', () => { $('#mr-unit').dataset.auto = 'true'; renderFigures(); });
  $('#mr-unit').addEventListener('input', e => { e.target.dataset.auto = 'false'; });
}
