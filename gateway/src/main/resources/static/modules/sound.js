// The expiry warning's sound: three WebAudio tones, unless muted (the header's toggle, kept in localStorage).
import { state } from './state.js';

let audio = null;

export function beep() {
  if (state.muted) return;
  try {
    audio = audio || new window.AudioContext();
    [0, 0.35, 0.7].forEach(d => {
      const o = audio.createOscillator(), g = audio.createGain();
      o.frequency.value = 880; o.connect(g); g.connect(audio.destination);
      g.gain.setValueAtTime(0.25, audio.currentTime + d); g.gain.setValueAtTime(0, audio.currentTime + d + 0.2);
      o.start(audio.currentTime + d); o.stop(audio.currentTime + d + 0.22);
    });
  } catch { /* no audio available */ }
}

export function toggleMute() {
  state.muted = !state.muted;
  localStorage.setItem('lpz.muted', state.muted);
}
