import { getJson } from '../api.js';
import { every, h } from '../dom.js';
import { live } from '../live.js';
import { session } from '../session.js';
import { createCameraCard } from './cameraCard.js';
import { createCameraForm } from './cameraForm.js';

// The home page: every camera as a card. States and counters refresh from GET /cameras every 5 s,
// snapshots every 2 s, and labels arrive live from the SSE feed.
export function renderCameras(container) {
  const stop = new AbortController();
  const cards = new Map();
  const grid = h('div', { class: 'camera-grid' });
  const summary = h('p', { class: 'muted', role: 'status' }, 'Loading cameras…');
  const loadError = h('p', { class: 'error-line', role: 'alert', hidden: true });
  let addButton = null;
  let form = null;
  if (session.canOperate) {
    form = createCameraForm({ onSaved: (view) => { upsert(view); showForm(false); }, onCancel: () => showForm(false) });
    form.element.hidden = true;
    addButton = h('button', { type: 'button', class: 'primary', 'aria-expanded': 'false', 'aria-controls': 'add-camera', onclick: () => showForm(form.element.hidden) }, 'Add camera');
  }
  container.append(h('div', { class: 'page-head' }, h('h1', null, 'Cameras'), addButton), summary, loadError, form?.element, grid);

  function showForm(show) {
    form.element.hidden = !show;
    addButton.setAttribute('aria-expanded', String(show));
    if (show) {
      form.focus();
    } else {
      addButton.focus();
    }
  }

  function upsert(view) {
    const card = cards.get(view.id);
    if (card) {
      card.update(view);
      return card;
    }
    const created = createCameraCard(view, { onRemoved: removeCard });
    cards.set(view.id, created);
    grid.append(created.element);
    created.refreshSnapshot(stop.signal);
    summarise();
    return created;
  }

  function removeCard(id) {
    cards.get(id)?.element.remove();
    cards.get(id)?.dispose();
    cards.delete(id);
    summarise();
  }

  function summarise() {
    summary.textContent = cards.size === 0 ? 'No cameras yet.' : `${cards.size} camera${cards.size === 1 ? '' : 's'}`;
  }

  async function refresh() {
    try {
      const views = await getJson('/cameras', null, stop.signal);
      const seen = new Set(views.map((v) => v.id));
      for (const id of [...cards.keys()].filter((k) => !seen.has(k))) {
        removeCard(id);
      }
      // Reorder in place: re-inserting every card would take the focus away from a card's button.
      views.forEach((view, index) => {
        const element = upsert(view).element;
        if (grid.children[index] !== element) {
          grid.insertBefore(element, grid.children[index] ?? null);
        }
      });
      loadError.hidden = true;
      summarise();
    } catch (error) {
      if (!stop.signal.aborted) {
        loadError.textContent = `Could not load the cameras: ${error.message}`;
        loadError.hidden = false;
      }
    }
  }

  const unsubscribe = live.subscribe((name, event) => {
    if (name === 'label' && event.event) {
      cards.get(event.cameraId)?.showLabel(event.event);
    }
  });
  every(5000, stop.signal, refresh);
  every(2000, stop.signal, async () => {
    if (!document.hidden) {
      await Promise.all([...cards.values()].map((c) => c.refreshSnapshot(stop.signal)));
    }
  });

  return () => {
    stop.abort();
    unsubscribe();
    cards.forEach((c) => c.dispose());
  };
}
