// FerMusic page, the journal: this session's timeline drawn from the results as they come (one point a second), the
// past sessions, top artists and liked tracks from /api/journal, exports, and deleting everything (confirmed).
'use strict';

const EMOTION_COLOURS = {
  angry: '#e0605a', disgust: '#8bbf4a', fear: '#9a7fd1', happy: '#f2c14e', sad: '#5b8fd9', surprise: '#f08bd0', neutral: '#9aa6b8',
};
const live = { started: performance.now(), seconds: [], tracks: [], current: null, playing: null };

// Sums the frames of each second; a finished second becomes a point of the timeline.
function journalFrame(message) {
  const t = Math.floor((performance.now() - live.started) / 1000);
  if (!live.current || live.current.t !== t) {
    finishSecond();
    live.current = { t, frames: 0, faces: 0, votes: {}, valence: 0, arousal: 0, moods: 0 };
  }
  const c = live.current;
  c.frames++;
  if (message.status !== 'noface') { c.faces++; }
  if (message.status === 'emotion') { c.votes[message.emotion] = (c.votes[message.emotion] || 0) + 1; }
  if (message.valence !== null && message.valence !== undefined) { c.valence += message.valence; c.arousal += message.arousal; c.moods++; }
}

function finishSecond() {
  const c = live.current;
  if (!c) { return; }
  const emotion = Object.keys(c.votes).sort((a, b) => c.votes[b] - c.votes[a])[0] || null;
  live.seconds.push({ t: c.t, face: c.faces / c.frames, emotion, valence: c.moods ? c.valence / c.moods : null, arousal: c.moods ? c.arousal / c.moods : null });
  document.body.dataset.timelineSeconds = String(live.seconds.length);
  drawTimeline($('timeline'), live.seconds, live.tracks);
  live.current = null;
}

function journalTrack(now) {
  const key = now.artist + '\u001f' + now.title;
  if (live.playing === key) { return; }
  live.playing = key;
  live.tracks.push({ t: (performance.now() - live.started) / 1000, kind: 'played', title: now.title, artist: now.artist });
}

// The emotion as a band along the bottom, valence and arousal (-1..1) as lines, a tick where each track started.
function drawTimeline(canvas, seconds, tracks) {
  const width = canvas.clientWidth || canvas.width;
  canvas.width = width;
  const height = canvas.height;
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, width, height);
  const span = Math.max(60, ...seconds.map(s => s.t + 1), ...tracks.map(t => t.t + 1));
  const x = t => (t / span) * width;
  const band = 14;
  const y = v => (height - band - 4) * (1 - (v + 1) / 2) + 2;
  g.strokeStyle = '#2a3550';
  g.beginPath(); g.moveTo(0, y(0)); g.lineTo(width, y(0)); g.stroke();
  for (const s of seconds) {
    g.fillStyle = s.emotion ? EMOTION_COLOURS[s.emotion] || '#9aa6b8' : '#2a3550';
    g.fillRect(x(s.t), height - band, Math.max(1, x(s.t + 1) - x(s.t)), band);
  }
  for (const [key, colour] of [['valence', '#5cc8a7'], ['arousal', '#f3b27a']]) {
    g.strokeStyle = colour;
    g.lineWidth = 2;
    g.beginPath();
    let drawing = false;
    for (const s of seconds) {
      if (s[key] === null || s[key] === undefined) { drawing = false; continue; }
      const px = x(s.t + 0.5), py = y(s[key]);
      if (drawing) { g.lineTo(px, py); } else { g.moveTo(px, py); drawing = true; }
    }
    g.stroke();
  }
  g.fillStyle = '#e8ecf4';
  for (const track of tracks.filter(t => t.kind === 'played')) {
    g.fillRect(x(track.t), 0, 2, height - band);
  }
}

async function loadJournal() {
  let journal;
  try {
    journal = await (await fetch('/api/journal')).json();
  } catch {
    setText($('journal-status'), 'The journal cannot be read right now.');
    return;
  }
  setText($('journal-status'), journal.enabled
    ? 'Kept on this computer: each second\'s mood and the tracks, never a picture.' + (journal.lost ? ` ${journal.lost} entries could not be written.` : '')
    : journal.problem ? 'Journal off: ' + journal.problem : 'Journal off: the server was started with --no-journal.');
  // Without a journal only this session's timeline is shown: there is nothing stored to list, export or delete.
  const stored = journal.enabled || journal.sessions.length > 0;
  $('journal-past').hidden = !stored;
  $('journal-side').hidden = !stored;
  $('journal-delete').disabled = !journal.enabled;
  $('journal-delete').onclick = deleteJournal;
  const history = $('history');
  history.replaceChildren();
  const sessions = journal.sessions.filter(s => s.seconds > 0 || s.tracks_played > 0);
  for (const session of sessions) {
    const li = document.createElement('li');
    const started = new Date(session.started);
    const minutes = Math.max(1, Math.round(session.seconds / 60));
    li.textContent = `${started.toLocaleString()} · ${minutes} min · mostly ${session.top_emotion || 'no face'} · ${session.tracks_played} tracks, ${session.tracks_liked} liked`;
    const show = document.createElement('button');
    show.type = 'button';
    show.textContent = 'timeline';
    show.setAttribute('aria-label', 'Show the timeline of the session of ' + started.toLocaleString());
    show.onclick = () => showPast(session.id);
    li.appendChild(show);
    history.appendChild(li);
  }
  if (sessions.length === 0) { history.appendChild(item('No past sessions yet.', 'empty')); }
  fillList($('top-artists'), journal.top_artists.map(a => `${a.name} (${a.likes} ♥)`), 'Like a track to see your artists here.');
  fillList($('liked-tracks'), journal.liked_tracks.map(t => `${t.name} – ${t.artist}`), 'No liked tracks yet.');
}

function item(text, className) {
  const li = document.createElement('li');
  li.textContent = text;
  if (className) { li.className = className; }
  return li;
}

function fillList(list, texts, empty) {
  list.replaceChildren(...(texts.length ? texts.map(t => item(t)) : [item(empty, 'empty')]));
}

async function showPast(id) {
  const response = await fetch('/api/journal/sessions/' + encodeURIComponent(id));
  if (!response.ok) { return; }
  const timeline = await response.json();
  const canvas = $('past-timeline');
  canvas.hidden = false;
  drawTimeline(canvas, timeline.seconds, timeline.tracks);
}

async function deleteJournal() {
  if (!confirm('Delete everything the journal keeps about you: every session, mood and liked track? This cannot be undone.')) { return; }
  const response = await fetch('/api/journal', { method: 'DELETE' });
  setText($('journal-status'), response.ok ? 'Deleted: the journal no longer holds any of your past sessions.' : 'Could not delete: ' + await response.text());
  $('past-timeline').hidden = true;
  if (response.ok) { await loadJournal(); setText($('journal-status'), 'Deleted: the journal no longer holds any of your past sessions.'); }
}
