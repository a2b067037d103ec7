/* global document, window, fetch */
/**
 * The browser console's page: say (type, or speak where the browser offers speech recognition), hear the answer
 * (speech synthesis of the SSML as plain text), see the screen the skill sent and touch it, pick the Echo.
 */
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let profiles = [];
  let profile = 'echo-show-8';
  let lastScreen = null;

  async function api(path, body) {
    const res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(json.error || res.statusText);
    return json;
  }

  /** The Echo's screen in dp (pixels * 160 / dpi), and how much to scale it to fit the page. */
  function viewportOf(id) {
    const v = profiles.find((p) => p.id === id)?.viewport;
    if (!v) return undefined;
    const width = Math.round((v.pixelWidth * 160) / v.dpi);
    const height = Math.round((v.pixelHeight * 160) / v.dpi);
    return { width, height, round: v.shape === 'ROUND' };
  }

  function drawScreen(directive) {
    const viewport = viewportOf(profile);
    $('no-screen').hidden = Boolean(viewport);
    $('screen').hidden = !viewport;
    if (!viewport) {
      $('screen').textContent = '';
      return;
    }
    if (directive) lastScreen = directive;
    if (!lastScreen) {
      $('screen').textContent = '';
      $('screen').style.width = `${viewport.width * Math.min(1, 640 / viewport.width)}px`;
      $('screen').style.height = `${viewport.height * Math.min(1, 640 / viewport.width)}px`;
      return;
    }
    const scale = Math.min(1, 640 / viewport.width);
    window.APL.renderDirective($('screen'), lastScreen, viewport, scale, touch);
    $('screen').dataset.token = lastScreen.token;
  }

  function showPlayer(player) {
    $('player').textContent = player
      ? `${player.playing ? '▶' : '⏸'} ${player.device} · ${player.title ?? 'nothing'}${player.artists ? ` — ${player.artists}` : ''} · vol ${player.volume ?? '?'}`
      : 'No active device';
    $('player').dataset.playing = player ? String(player.playing) : 'none';
  }

  function speak(text) {
    if (!text || !$('voice').checked || !window.speechSynthesis) return;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new window.SpeechSynthesisUtterance(text));
  }

  function addTurn(you, turn) {
    const li = document.createElement('li');
    const line = (cls, text) => {
      const div = document.createElement('div');
      div.className = cls;
      div.textContent = text;
      li.appendChild(div);
    };
    line('you', you);
    line('alexa', `${turn.speaker === 'alexa' ? 'Alexa' : 'Skill'}: ${turn.speech ?? '(nothing said)'}`);
    if (turn.card) line('card', `Card: ${turn.card.title ?? turn.card.type}`);
    const directives = (turn.directives || []).join(', ');
    line(
      'calls',
      [`→ ${turn.request ?? ''} ${directives ? `[${directives}]` : ''}`]
        .concat((turn.calls || []).map((c) => `${c.method} ${c.path} ${c.status}`))
        .concat(turn.notes || [])
        .join('\n'),
    );
    $('turns').prepend(li);
  }

  function show(you, turn) {
    addTurn(you, turn);
    showPlayer(turn.player);
    // A turn without a document leaves the last screen up, as a device does until it times out.
    drawScreen(turn.screen);
    speak(turn.speech);
    document.body.dataset.turns = String(Number(document.body.dataset.turns || 0) + 1);
  }

  async function say(text) {
    show(`You: ${text}`, await api('/api/say', { text }));
  }

  async function touch(token, args) {
    show(`Touch: ${args.filter(Boolean).join(' ')}`, await api('/api/touch', { token, arguments: args }));
  }

  function showState(state) {
    profiles = state.profiles;
    profile = state.profile;
    $('profile').value = profile;
    $('link-state').textContent = state.linked ? 'Spotify linked' : 'Spotify not linked';
    $('link-state').dataset.linked = String(state.linked);
    $('link').hidden = state.linked;
    showPlayer(state.player);
    drawScreen();
  }

  async function start() {
    const state = await api('/api/state');
    for (const p of state.profiles) {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = p.label;
      $('profile').appendChild(option);
    }
    showState(state);
    $('profile').addEventListener('change', async () => {
      lastScreen = null;
      showState(await api('/api/profile', { id: $('profile').value }));
    });
    $('link').addEventListener('click', async () => showState(await api('/api/link', {})));
    $('say').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('utterance').value.trim();
      if (!text) return;
      $('utterance').value = '';
      say(text).catch((error) => addTurn(`You: ${text}`, { speech: `Error: ${error.message}` }));
    });
    const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    $('mic').hidden = !Recognition;
    if (Recognition)
      $('mic').addEventListener('click', () => {
        const r = new Recognition();
        r.lang = 'en-US';
        r.onresult = (e) => say(e.results[0][0].transcript);
        r.start();
      });
    document.body.dataset.ready = 'true';
  }

  start().catch((error) => {
    document.body.textContent = `The console failed to start: ${error.message}`;
  });
})();
