// DOM from data: elements are built with createElement and text nodes, never from HTML strings, so nothing the
// platform sends can become markup (no escaping by hand).

export const $ = sel => document.querySelector(sel);
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Sets attributes and appends children. Attributes: null/undefined/false are left out, true is an empty attribute,
 * `dataset` is an object of data-* values, `on<event>` a listener. Children: nodes, strings (as text), arrays
 * (flattened), null/false (left out).
 */
function build(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'dataset') Object.entries(v).forEach(([dk, dv]) => { if (dv != null) el.dataset[dk] = String(dv); });
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.flat(Infinity).filter(c => c != null && c !== false)
    .map(c => (c instanceof Node ? c : document.createTextNode(String(c)))));
  return el;
}

/** An HTML element: h('p', { class: 'hint' }, 'text', h('strong', null, 'bold')). */
export const h = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);

/** An SVG element (same arguments as h). */
export const svg = (tag, attrs, ...children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

/** Replaces a select's options with [value, label] pairs and selects value when given. */
export function fillSelect(sel, items, value) {
  sel.replaceChildren(...items.map(([v, label]) => h('option', { value: v }, label)));
  if (value !== undefined) sel.value = value;
}

/** A message paragraph in a result box (replacing what was there). */
export function showMessage(box, text, ok, attrs = {}) {
  box.replaceChildren(h('p', { class: ok ? 'result-ok' : 'error', ...attrs }, text));
}

/** Class names, leaving out the false ones: cls('loc', stale && 'stale'). */
export const cls = (...names) => names.filter(Boolean).join(' ');
