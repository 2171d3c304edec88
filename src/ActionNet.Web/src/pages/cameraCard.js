import { cameraPath, postJson, remove } from '../api.js';
import { cameraState } from '../cameraState.js';
import { h } from '../dom.js';
import { session } from '../session.js';
import { createSnapshot } from '../snapshot.js';
import { percent, timeElement } from '../time.js';

// One camera on the home grid: snapshot, state, current label, input and last error. update() takes a
// CameraView from GET /cameras; showLabel() takes a live ActionEvent. In person mode the snapshot shows each
// tracked person's box and label, and the current label is the most confident person's.
export function createCameraCard(view, { onRemoved }) {
  const id = view.id;
  const titleId = `camera-${id}-title`;
  const snapshot = createSnapshot(id);
  const state = h('span', { class: 'state' });
  const label = h('span', { class: 'label-name' });
  const confidence = h('span', { class: 'confidence' });
  const labelTime = h('span', { class: 'label-time' });
  const fps = h('dd', null);
  const resolution = h('dd', null);
  const reconnects = h('dd', null);
  const lastError = h('p', { class: 'last-error' });
  const actionError = h('p', { class: 'error-line', role: 'alert', hidden: true });
  const actions = session.canOperate ? h('div', { class: 'card-actions' }) : null;
  const element = h('article', { class: 'camera-card', 'aria-labelledby': titleId, dataset: { camera: id } },
    h('header', null, h('h2', { id: titleId }, h('a', { href: `#/cameras/${encodeURIComponent(id)}` }, id)), state),
    snapshot.element,
    h('p', { class: 'current-label' }, label, confidence, labelTime),
    h('dl', { class: 'facts' }, h('dt', null, 'Input'), fps, h('dt', null, 'Resolution'), resolution, h('dt', null, 'Reconnects'), reconnects),
    lastError,
    actions,
    actionError);
  let latestSequence = -1;
  let enabled = view.enabled;
  let frame = { width: 0, height: 0 };
  const tracks = new Map();
  const trackIdleMs = 10000;

  // The newest label of each person in view; a person gone for longer than the idle time is dropped.
  function showTracks() {
    const newest = Math.max(0, ...[...tracks.values()].map((t) => Date.parse(t.end)));
    for (const [track, event] of tracks) {
      if (newest - Date.parse(event.end) > trackIdleMs) {
        tracks.delete(track);
      }
    }
    snapshot.setTracks([...tracks.values()], frame.width, frame.height);
    element.dataset.people = String(tracks.size);
  }

  function showLabel(event) {
    if (!event || event.sequence < latestSequence) {
      return;
    }
    latestSequence = event.sequence;
    if (event.trackId) {
      tracks.set(event.trackId, event);
      showTracks();
      const shown = [...tracks.values()].reduce((best, t) => (t.confidence > best.confidence ? t : best), event);
      label.textContent = `person ${shown.trackId}: ${shown.label}`;
      confidence.textContent = percent(shown.confidence);
      labelTime.replaceChildren(timeElement(shown.end, true));
      element.dataset.label = shown.label;
      element.dataset.sequence = String(event.sequence);
      return;
    }
    label.textContent = event.label;
    confidence.textContent = percent(event.confidence);
    labelTime.replaceChildren(timeElement(event.end, true));
    element.dataset.label = event.label;
    element.dataset.sequence = String(event.sequence);
  }

  function update(next) {
    const status = next.status ?? {};
    const shown = cameraState(next);
    enabled = next.enabled;
    state.textContent = shown.text;
    state.dataset.state = shown.key;
    element.dataset.state = shown.key;
    fps.textContent = status.inputFps ? `${status.inputFps.toFixed(1)} fps` : '—';
    resolution.textContent = status.frameWidth ? `${status.frameWidth}×${status.frameHeight}` : '—';
    reconnects.textContent = String(status.reconnectCount ?? 0);
    lastError.textContent = status.lastError ? `Last error: ${status.lastError}` : '';
    lastError.title = status.lastError ?? '';
    lastError.hidden = !status.lastError;
    frame = { width: status.frameWidth ?? 0, height: status.frameHeight ?? 0 };
    for (const track of next.tracks ?? []) {
      if (!tracks.has(track.trackId) || tracks.get(track.trackId).sequence < track.sequence) {
        tracks.set(track.trackId, track);
      }
    }
    showTracks();
    if (next.latest) {
      showLabel(next.latest);
    } else if (latestSequence < 0) {
      label.textContent = 'no label yet';
    }
    renderActions();
  }

  async function act(work) {
    actionError.hidden = true;
    try {
      await work();
    } catch (error) {
      actionError.textContent = error.message;
      actionError.hidden = false;
    }
  }

  function renderActions() {
    if (!actions || actions.dataset.confirming) {
      return;
    }
    const toggle = enabled
      ? h('button', { type: 'button', onclick: () => act(async () => update(await postJson(`${cameraPath(id)}/disable`))) }, 'Disable')
      : h('button', { type: 'button', onclick: () => act(async () => update(await postJson(`${cameraPath(id)}/enable`))) }, 'Enable');
    actions.replaceChildren(toggle, h('button', { type: 'button', class: 'danger', onclick: confirmRemove }, 'Remove'));
  }

  function confirmRemove() {
    actions.dataset.confirming = 'true';
    const cancel = h('button', { type: 'button', onclick: () => { delete actions.dataset.confirming; renderActions(); } }, 'Keep');
    const confirm = h('button', { type: 'button', class: 'danger', onclick: () => act(async () => { await remove(cameraPath(id)); onRemoved(id); }) }, `Remove ${id}`);
    actions.replaceChildren(h('span', null, 'Remove this camera? Its history is kept.'), confirm, cancel);
    confirm.focus();
  }

  update(view);
  return { element, update, showLabel, refreshSnapshot: snapshot.refresh, dispose: snapshot.dispose };
}
