// FerMusic page: streams camera frames to the server over a WebSocket (one in flight, at most max_fps)
// and shows what comes back: face boxes, the emotion, the mood on the circumplex and the playlist.
'use strict';

const $ = id => document.getElementById(id);
const state = { config: null, socket: null, waiting: false, labels: [] };

function setStatus(text, kind) {
  const status = $('status');
  status.textContent = text;
  status.className = 'status ' + (kind || '');
}

async function start() {
  state.config = await (await fetch('/api/config')).json();
  state.labels = state.config.labels;
  buildBars();
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
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => { setStatus('connected', 'live'); state.waiting = false; sendStrategy(); };
  socket.onclose = e => {
    setStatus('disconnected' + (e.reason ? ': ' + e.reason : '') + ' – retrying', 'problem');
    setTimeout(connect, 2000);
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
    $('camera-note').textContent = 'Camera unavailable: ' + err.message + '. Allow camera access, or start the server with --source.';
  }
}

// Sends the next frame once the previous result is back and the frame interval has passed.
function pump() {
  const interval = 1000 / state.config.max_fps;
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
    setTimeout(tick, interval);
  };
  tick();
}

function handle(message) {
  state.waiting = false;
  if (message.type === 'frame') {
    drawFaces(message.faces);
    showEmotion(message);
    if (message.tracks) { showPlaylist(message.tracks); }
  } else if (message.type === 'playlist') {
    showPlaylist(message.tracks);
  } else if (message.type === 'error') {
    $('camera-note').textContent = message.message;
  }
}

function buildBars() {
  $('bars').innerHTML = state.labels.map(l =>
    `<li data-label="${l}"><span>${l}</span><span class="bar"><span class="fill"></span></span><span class="value">0%</span></li>`).join('');
}

function showEmotion(message) {
  const text = message.status === 'emotion' ? message.emotion : (message.status === 'noface' ? 'no face' : 'uncertain');
  $('emotion').textContent = text;
  $('emotion').dataset.status = message.status;
  for (const li of $('bars').children) {
    const p = message.probabilities[li.dataset.label] || 0;
    li.querySelector('.fill').style.width = (p * 100).toFixed(0) + '%';
    li.querySelector('.value').textContent = (p * 100).toFixed(0) + '%';
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

function drawFaces(faces) {
  const overlay = $('overlay');
  const source = state.config.mode === 'server' ? $('server-stream') : $('camera');
  const width = source.videoWidth || source.naturalWidth;
  const height = source.videoHeight || source.naturalHeight;
  if (!width) { return; }
  overlay.width = width;
  overlay.height = height;
  const ctx = overlay.getContext('2d');
  ctx.clearRect(0, 0, width, height);
  ctx.lineWidth = 3;
  ctx.font = '18px system-ui';
  faces.forEach((face, i) => {
    const b = face.box;
    ctx.strokeStyle = i === 0 ? '#5cc8a7' : '#94a0b8';
    ctx.strokeRect(b.x, b.y, b.width, b.height);
    const [label, p] = Object.entries(face.probabilities).sort((a, c) => c[1] - a[1])[0];
    ctx.fillStyle = ctx.strokeStyle;
    ctx.fillText(`${label} ${(p * 100).toFixed(0)}%`, b.x, Math.max(18, b.y - 6));
  });
}

function showPlaylist(tracks) {
  const list = $('playlist');
  list.innerHTML = '';
  for (const t of tracks) {
    const li = document.createElement('li');
    li.innerHTML = `<span class="title"></span> <span class="artist"></span>`;
    li.querySelector('.title').textContent = t.title;
    li.querySelector('.artist').textContent = '– ' + t.artist + ' (' + t.year + ')';
    if (t.spotify_url) {
      const a = document.createElement('a');
      a.href = t.spotify_url; a.target = '_blank'; a.rel = 'noopener'; a.textContent = 'open in Spotify';
      li.appendChild(a);
    }
    for (const action of ['like', 'skip']) {
      const button = document.createElement('button');
      button.textContent = action === 'like' ? '♥ like' : 'skip';
      button.onclick = () => {
        send({ type: action, artist: t.artist, title: t.title });
        if (action === 'skip') { li.remove(); }
      };
      li.appendChild(button);
    }
    list.appendChild(li);
  }
  const first = tracks.find(t => t.spotify_id);
  $('player').innerHTML = first
    ? `<iframe title="Spotify player" src="https://open.spotify.com/embed/track/${encodeURIComponent(first.spotify_id)}" allow="encrypted-media"></iframe>`
    : '';
}

function send(message) {
  if (state.socket && state.socket.readyState === WebSocket.OPEN) { state.socket.send(JSON.stringify(message)); }
}

function sendStrategy() { send({ type: 'strategy', value: $('strategy').value }); }

$('strategy').addEventListener('change', sendStrategy);
start().catch(err => setStatus('error: ' + err.message, 'problem'));
