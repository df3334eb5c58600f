// The live stream: GET /api/v1/regions/{roaz}/stream read with fetch() and a stream reader (EventSource cannot send
// the Authorization header), SSE frames parsed here. After a drop: reconnect with Last-Event-ID and exponential
// back-off (1 s … 30 s, with jitter), then re-read everything.
import { state, emit } from './state.js';
import { api, markReachable, markUnreachable } from './api.js';
import { soonCapacity, soonStops, soonModule, chosenModule } from './data.js';
import { beep } from './sound.js';

function setConn(conn) {
  state.conn = conn;
  emit('conn');
}

/** Runs until the session ends (or a 401 ends it). */
export async function stream() {
  let backoff = 1000;
  for (;;) {
    if (!state.session) return;
    const ctl = new AbortController();
    state.stream = ctl;
    try {
      setConn(state.lastEventId ? 'reconnecting' : 'connecting');
      const headers = { Authorization: `Bearer ${state.session.token}`, Accept: 'text/event-stream' };
      if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
      const res = await fetch(`/api/v1/regions/${state.session.roaz}/stream`, { headers, signal: ctl.signal, cache: 'no-store' });
      if (res.status === 401) { emit('unauthorized'); return; }
      if (!res.ok || !res.body) throw new Error(`stream HTTP ${res.status}`);
      markReachable(); setConn('live'); backoff = 1000;
      soonCapacity(); soonStops(); soonModule(); // catch up on anything missed while away
      await readEvents(res.body, dispatch);
      throw new Error('stream closed');
    } catch (e) {
      if (!state.session) return;
      setConn('reconnecting');
      if (e.name !== 'AbortError') markUnreachable();
      await new Promise(r => setTimeout(r, backoff + Math.random() * 300));
      backoff = Math.min(backoff * 2, 30000);
      // probe: if the gateway answers again, the banner goes (api() marks reachability)
      try { await api('GET', '/api/v1/code-lists/labels'); } catch { /* still unreachable */ }
    }
  }
}

/** Parses the text/event-stream body into { event, data: [lines], id } events until it ends. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '', ev = { event: 'message', data: [], id: null };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += value;
    let nl;
    while ((nl = buf.search(/\r?\n/)) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(buf[nl] === '\r' ? nl + 2 : nl + 1);
      if (line === '') { onEvent(ev); ev = { event: 'message', data: [], id: null }; continue; }
      if (line.startsWith(':')) continue;
      const i = line.indexOf(':'), field = i < 0 ? line : line.slice(0, i);
      const v = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'event') ev.event = v; else if (field === 'data') ev.data.push(v); else if (field === 'id') ev.id = v;
    }
  }
}

function dispatch(ev) {
  if (ev.id) state.lastEventId = ev.id;
  let data = {};
  try { data = JSON.parse(ev.data.join('\n') || '{}'); } catch { /* ignore */ }
  if (ev.event === 'capacity') soonCapacity();
  else if (ev.event === 'stop') {
    if (data.change === 'EXPIRY_WARNING' && !state.asOf) beep(); // never while a past instant is shown
    soonStops();
    if ((chosenModule()?.units || []).some(u => u.stops)) soonModule(); // the module shows stops with its units
  } else if (ev.event === 'module' && data.moduleId === state.moduleId) soonModule();
}
