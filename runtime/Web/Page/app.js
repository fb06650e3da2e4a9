// FerMusic page: streams camera frames to the server over a WebSocket (one in flight, at most max_fps)
// and shows what comes back: face boxes, the emotion, the mood on the circumplex and the playlist.
'use strict';

const $ = id => document.getElementById(id);
const state = { config: null, socket: null, waiting: false, labels: [], maxFps: 10 };
const RETRY_SECONDS = 2;

// Sets text only when it changes, so that live regions announce changes, not every frame.
function setText(element, text) {
  if (element.textContent !== text) { element.textContent = text; }
}

function setStatus(text, kind) {
  const status = $('status');
  setText(status, text);
  status.className = 'status ' + (kind || '');
}

async function start() {
  state.config = await (await fetch('/api/config')).json();
  state.labels = state.config.labels;
  state.maxFps = state.config.max_fps;
  buildBars();
  fillFilters(state.config);
  loadJournal();
  connect();
  if (state.config.mode === 'server') {
    const img = $('server-stream');
    img.src = '/stream.mjpg';
    img.hidden = false;
    $('camera').hidden = true;
  } else {
    await startCamera();
  }
}

function connect() {
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
  const socket = new WebSocket(url);
  let opened = false;
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => {
    opened = true;
    setStatus('Live: watching for your expression.', 'live');
    state.waiting = false;
    sendStrategy();
  };
  socket.onclose = async e => {
    let wait = RETRY_SECONDS;
    let text = 'Connection lost' + (e.reason ? ' (' + e.reason + ')' : '') + `: retrying in ${wait} s.`;
    if (!opened) {
      const config = await fetch('/api/config').then(r => r.json()).catch(() => null);
      if (config && config.busy) {
        wait = config.retry_seconds;
        text = `Server busy: every place is taken; retrying in ${wait} s.`;
      } else if (!config) {
        text = `Cannot reach the FerMusic server: is it running? Retrying in ${wait} s.`;
      }
    }
    setStatus(text, 'problem');
    setTimeout(connect, wait * 1000);
  };
  socket.onmessage = e => handle(JSON.parse(e.data));
  state.socket = socket;
}

async function startCamera() {
  const video = $('camera');
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
    video.srcObject = stream;
    await video.play();
    $('camera-note').textContent = '';
    pump();
  } catch (err) {
    const blocked = err && (err.name === 'NotAllowedError' || err.name === 'SecurityError');
    $('camera-note').textContent = blocked
      ? 'Camera blocked: allow camera access for this page (the camera icon in the address bar), then reload.'
      : 'No camera available (' + (err && err.message ? err.message : err) + '): connect one and reload, or start the server with --source.';
  }
}

// Sends the next frame once the previous result is back and the frame interval (the server's rate for this page) has passed.
function pump() {
  const video = $('camera');
  const canvas = document.createElement('canvas');
  const tick = () => {
    const socket = state.socket;
    if (socket && socket.readyState === WebSocket.OPEN && !state.waiting && video.videoWidth > 0) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext('2d').drawImage(video, 0, 0);
      state.waiting = true;
      canvas.toBlob(blob => {
        if (blob && blob.size <= state.config.max_frame_bytes) { socket.send(blob); } else { state.waiting = false; }
      }, 'image/jpeg', 0.75);
    }
    setTimeout(tick, 1000 / state.maxFps);
  };
  tick();
}

function handle(message) {
  state.waiting = false;
  if (message.type === 'frame') {
    document.body.dataset.frames = String(Number(document.body.dataset.frames || 0) + 1);
    drawFaces(message.faces);
    showEmotion(message);
    journalFrame(message);
  } else if (message.type === 'queue') {
    showQueue(message);
    journalTrack(message.now);
  } else if (message.type === 'rate') {
    if (message.max_fps > 0) { state.maxFps = message.max_fps; }
  } else if (message.type === 'capture') {
    showCapture(message);
  } else if (message.type === 'error') {
    setText($('camera-note'), message.message);
  }
}

// Server camera mode: the camera's state, with what the server is doing about it.
const CAPTURE = {
  starting: ['The server camera is starting…', ''],
  running: ['Live: watching the server camera.', 'live'],
  reconnecting: ['The server camera stopped; the server is reconnecting to it.', 'problem'],
  ended: ['The server camera\'s video has ended; restart the server to play it again.', 'problem'],
  failed: ['The server camera cannot be read; check the --source of the server and restart it.', 'problem'],
};

function showCapture(message) {
  const [text, kind] = CAPTURE[message.state] || ['Server camera: ' + message.state, 'problem'];
  setStatus(text, kind);
  setText($('camera-note'), message.detail || '');
}

// One row per class: its name, a bar that fills to its probability, the percentage. Text only through textContent.
function buildBars() {
  const bars = $('bars');
  bars.replaceChildren();
  for (const label of state.labels) {
    const li = document.createElement('li');
    li.dataset.label = label;
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = label;
    const bar = document.createElement('span');
    bar.className = 'bar';
    const fill = document.createElement('span');
    fill.className = 'fill';
    bar.appendChild(fill);
    const value = document.createElement('span');
    value.className = 'value';
    value.textContent = '0%';
    li.append(name, bar, value);
    bars.appendChild(li);
  }
}

const HINTS = {
  noface: 'No face in view: face the camera in good light.',
  uncertain: 'Not sure yet: hold your expression for a moment.',
  emotion: '',
};

function showEmotion(message) {
  const text = message.status === 'emotion' ? message.emotion : (message.status === 'noface' ? 'no face' : 'uncertain');
  setText($('emotion'), text);
  $('emotion').dataset.status = message.status;
  setText($('emotion-hint'), HINTS[message.status] || '');
  for (const li of $('bars').children) {
    const p = message.probabilities[li.dataset.label] || 0;
    li.querySelector('.fill').style.width = (p * 100).toFixed(1) + '%';
    setText(li.querySelector('.value'), (p * 100).toFixed(0) + '%');
  }
  const dot = $('mood-dot');
  if (message.valence === null || message.valence === undefined) {
    dot.setAttribute('hidden', '');
  } else {
    dot.removeAttribute('hidden');
    dot.setAttribute('cx', (message.valence * 100).toFixed(1));
    dot.setAttribute('cy', (-message.arousal * 100).toFixed(1));
  }
}

// Boxes on the canvas; the primary face's label as an element over the video: above its box, or inside the box
// when there is no room above, and never past the video's edges.
function drawFaces(faces) {
  const overlay = $('overlay');
  const source = state.config.mode === 'server' ? $('server-stream') : $('camera');
  const width = source.videoWidth || source.naturalWidth;
  const height = source.videoHeight || source.naturalHeight;
  const label = $('face-label');
  if (!width) { label.hidden = true; return; }
  overlay.width = width;
  overlay.height = height;
  const ctx = overlay.getContext('2d');
  ctx.clearRect(0, 0, width, height);
  ctx.lineWidth = 3;
  faces.forEach((face, i) => {
    const b = face.box;
    ctx.strokeStyle = i === 0 ? '#5cc8a7' : '#a9b4c9';
    ctx.strokeRect(b.x, b.y, b.width, b.height);
  });
  if (faces.length === 0) { label.hidden = true; return; }
  const face = faces[0];
  const [name, p] = Object.entries(face.probabilities).sort((a, c) => c[1] - a[1])[0];
  setText(label, `${name} ${(p * 100).toFixed(0)}%`);
  label.hidden = false;
  const scale = source.clientWidth / width;
  const shownWidth = source.clientWidth;
  const shownHeight = source.clientHeight;
  const box = { x: face.box.x * scale, y: face.box.y * scale, height: face.box.height * scale };
  const labelWidth = label.offsetWidth;
  const labelHeight = label.offsetHeight;
  const above = box.y - labelHeight - 4;
  const top = above >= 0 ? above : Math.min(box.y + 4, shownHeight - labelHeight);
  const left = Math.min(Math.max(0, box.x), Math.max(0, shownWidth - labelWidth));
  label.style.left = left.toFixed(1) + 'px';
  label.style.top = Math.max(0, top).toFixed(1) + 'px';
}

// The queue: the track playing (with its progress, like/skip and why it was chosen) and those planned next.
function showQueue(queue) {
  const now = queue.now;
  $('now').hidden = false;
  $('queue-hint').hidden = true;
  $('next-heading').hidden = queue.next.length === 0;
  setText($('now-title'), now.title);
  setText($('now-artist'), ' – ' + now.artist);
  setText($('now-facts'), `${now.year} · ${now.genre}${now.style && now.style !== now.genre ? ' (' + now.style + ')' : ''} · ${LANGUAGES[now.language] || now.language}`);
  setText($('why-text'), `Aimed at valence ${fmt(now.target.valence)}, energy ${fmt(now.target.energy)}, power ${fmt(now.target.power)} ` +
    `for your mood under “${queue.strategy}”; this track sits at ${fmt(now.valence)}, ${fmt(now.energy)}, ${fmt(now.power)} ` +
    `(distance ${fmt(now.distance)}).`);
  $('now-like').onclick = () => send({ type: 'like', artist: now.artist, title: now.title });
  $('now-like').setAttribute('aria-label', 'Like ' + now.title);
  $('now-next').onclick = () => send({ type: 'skip', artist: now.artist, title: now.title });
  $('now-next').setAttribute('aria-label', 'Skip to next (' + now.title + ')');
  state.playing = { started: performance.now() - queue.elapsed * 1000, duration: now.duration_s };
  showProgress();
  const list = $('playlist');
  list.replaceChildren();
  for (const t of queue.next) {
    const li = document.createElement('li');
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = t.title;
    const artist = document.createElement('span');
    artist.className = 'artist';
    artist.textContent = ' – ' + t.artist + ' (' + t.year + ')';
    li.append(title, artist);
    if (t.spotify_url) {
      const a = document.createElement('a');
      a.href = t.spotify_url; a.target = '_blank'; a.rel = 'noopener'; a.textContent = 'open in Spotify';
      li.appendChild(a);
    }
    for (const action of ['like', 'skip']) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action === 'like' ? '♥ like' : 'skip';
      button.setAttribute('aria-label', (action === 'like' ? 'Like ' : 'Skip ') + t.title);
      button.onclick = () => send({ type: action, artist: t.artist, title: t.title });
      li.appendChild(button);
    }
    list.appendChild(li);
  }
  for (const [key, value] of Object.entries(queue.filter)) {
    const select = $('filter-' + key);
    if (select) { select.value = value === null ? '' : String(value); }
  }
  if (!state.player || state.player.key !== now.artist + '\u001f' + now.title) {
    state.player = { key: now.artist + '\u001f' + now.title };
    showPlayer(now.spotify_id ? now : null);
  }
}

const LANGUAGES = { en: 'English', es: 'Spanish', pt: 'Portuguese', it: 'Italian', ko: 'Korean', ja: 'Japanese', de: 'German', fr: 'French', nl: 'Dutch', tr: 'Turkish', hi: 'Hindi', sv: 'Swedish' };

function fmt(x) { return Number(x).toFixed(2); }

function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

// The playing track's progress, on the page's own clock between queue messages.
function showProgress() {
  if (!state.playing) { return; }
  const played = Math.min(state.playing.duration, (performance.now() - state.playing.started) / 1000);
  $('now-progress').value = played / state.playing.duration;
  setText($('now-time'), clock(played) + ' / ' + clock(state.playing.duration));
}
setInterval(showProgress, 1000);

// The filters offered by the catalogue.
function fillFilters(config) {
  const fill = (id, values, label) => {
    const select = $(id);
    for (const value of values || []) {
      const option = document.createElement('option');
      option.value = String(value);
      option.textContent = label(value);
      select.appendChild(option);
    }
    select.addEventListener('change', sendFilter);
  };
  fill('filter-genre', config.genres, v => v);
  fill('filter-decade', config.decades, v => v + 's');
  fill('filter-language', config.languages, v => LANGUAGES[v] || v);
}

function sendFilter() {
  const decade = $('filter-decade').value;
  send({ type: 'filter', genre: $('filter-genre').value || null, decade: decade ? Number(decade) : null, language: $('filter-language').value || null });
}

// Spotify's player, through Spotify's iFrame API, loaded only when the listener asks for it (it needs the internet
// and Spotify). Once loaded it plays the queue: each new track is loaded into it, and when a track has played to
// its end the page says so, which moves the queue on (without it, each track ends after its catalogue length).
// Without a link, a placeholder says why there is no player: never an empty or broken box.
const SPOTIFY_API = 'https://open.spotify.com/embed/iframe-api/v1';
const spotify = { api: null, controller: null, loading: false, track: null, ended: null, lastPosition: 0, playing: false };

function showPlayer(track) {
  spotify.track = track;
  if (track && spotify.controller) {
    forgetPlayback();
    spotify.controller.loadUri('spotify:track:' + track.spotify_id);
    spotify.controller.play();
    return;
  }
  if (spotify.controller) { spotify.controller.destroy(); spotify.controller = null; }
  const player = $('player');
  player.replaceChildren();
  const note = document.createElement('div');
  note.className = 'player-placeholder';
  const text = document.createElement('p');
  note.appendChild(text);
  player.appendChild(note);
  if (!track) {
    text.textContent = 'No Spotify link for this track: the queue still plays on and follows your mood. ' +
      'To link tracks, give the server a Spotify app\'s credentials (see the runtime documentation).';
    return;
  }
  text.textContent = `Listen to “${track.title}” in Spotify's player (needs the internet); it then plays the queue.`;
  const load = document.createElement('button');
  load.id = 'player-load';
  load.textContent = 'Load the Spotify player';
  load.onclick = () => { load.disabled = true; loadSpotify(); };
  note.appendChild(load);
}

function loadSpotify() {
  if (spotify.api) { createController(); return; }
  if (spotify.loading) { return; }
  spotify.loading = true;
  window.onSpotifyIframeApiReady = api => { spotify.api = api; spotify.loading = false; createController(); };
  const script = document.createElement('script');
  script.src = SPOTIFY_API;
  script.async = true;
  script.onerror = () => {
    spotify.loading = false;
    script.remove();
    const player = $('player');
    const text = player.querySelector('.player-placeholder p');
    if (text) { text.textContent = 'Spotify\'s player could not be loaded (no internet?): the queue plays on by each track\'s length.'; }
    const button = $('player-load');
    if (button) { button.disabled = false; }
  };
  document.body.appendChild(script);
}

function createController() {
  const track = spotify.track;
  if (!track || spotify.controller) { return; }
  const element = document.createElement('div');
  $('player').replaceChildren(element);
  forgetPlayback();
  spotify.api.createController(element, { uri: 'spotify:track:' + track.spotify_id, width: '100%', height: 80 }, controller => {
    spotify.controller = controller;
    controller.addListener('playback_update', event => playbackUpdate(event.data));
    if (spotify.track !== track && spotify.track) { controller.loadUri('spotify:track:' + spotify.track.spotify_id); }
    controller.play();
  });
}

function forgetPlayback() { spotify.ended = null; spotify.lastPosition = 0; spotify.playing = false; }

// The player reports its position as it plays (milliseconds); at the end it stops at (or jumps back from) the last
// second. Each track's end is told to the server once, and only after the track was seen playing short of its end
// (an update still about the previous track is not this one's end).
function playbackUpdate(data) {
  const track = spotify.track;
  if (!track || !data || !(data.duration > 0)) { return; }
  if (!spotify.playing) {
    spotify.playing = data.position < data.duration - 2000;
    spotify.lastPosition = data.position;
    return;
  }
  const atEnd = data.position >= data.duration - 750 || (data.isPaused && spotify.lastPosition >= data.duration - 2000);
  spotify.lastPosition = data.position;
  const key = track.artist + '\u001f' + track.title;
  if (atEnd && spotify.ended !== key) {
    spotify.ended = key;
    send({ type: 'ended', artist: track.artist, title: track.title });
  }
}

function send(message) {
  if (state.socket && state.socket.readyState === WebSocket.OPEN) { state.socket.send(JSON.stringify(message)); }
}

function sendStrategy() { send({ type: 'strategy', value: $('strategy').value }); }

$('strategy').addEventListener('change', sendStrategy);
start().catch(err => setStatus('Cannot start: ' + err.message + '. Reload the page; if it persists, restart the server.', 'problem'));
