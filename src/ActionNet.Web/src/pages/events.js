import { getJson } from '../api.js';
import { field, h, table } from '../dom.js';
import { downloadFile } from '../download.js';
import { replaceQuery } from '../router.js';
import { fromLocalInput, percent, timeElement, toLocalInput } from '../time.js';

// Event search: filters (camera, label, minimum confidence, time range), a paged table that follows
// the API's continuation token, and CSV export of the same search (GET /history/export).
export function renderEvents(container, _, query) {
  const camera = h('select', { name: 'camera' }, h('option', { value: '' }, 'Any camera'));
  const label = h('input', { name: 'label', spellcheck: 'false', autocomplete: 'off' });
  const minConfidence = h('input', { name: 'minConfidence', type: 'number', min: 0, max: 1, step: 'any', inputmode: 'decimal' });
  const from = h('input', { name: 'from', type: 'datetime-local', step: 1 });
  const to = h('input', { name: 'to', type: 'datetime-local', step: 1 });
  const limit = h('select', { name: 'limit' }, [10, 25, 50, 100, 250].map((n) => h('option', { value: n }, String(n))));
  const error = h('p', { class: 'error-line', role: 'alert', hidden: true });
  const results = h('div', { class: 'results', dataset: { state: 'idle' } });
  const pager = h('div', { class: 'pager' });
  const exportButton = h('button', { type: 'button', onclick: exportCsv }, 'Export CSV');
  const form = h('form', { class: 'filters', 'aria-label': 'Event filters' },
    field('Camera', camera), field('Label', label), field('Minimum confidence', minConfidence, '0 to 1'),
    field('From', from, 'Your time zone'), field('To', to, 'Your time zone'), field('Rows per page', limit),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Search'), exportButton));
  container.append(h('div', { class: 'page-head' }, h('h1', null, 'Events')), form, error, results, pager);

  // Filters come from the address, so a search can be bookmarked or reloaded.
  const initial = Object.fromEntries(query);
  label.value = initial.label ?? '';
  minConfidence.value = initial.minConfidence ?? '';
  from.value = initial.from ? toLocalInput(initial.from) : toLocalInput(Date.now() - 24 * 3600 * 1000);
  to.value = initial.to ? toLocalInput(initial.to) : '';
  limit.value = initial.limit ?? '50';
  let tokens = [null];
  let page = 0;
  let searches = 0;

  if (initial.camera) {
    camera.append(h('option', { value: initial.camera }, initial.camera));
    camera.value = initial.camera;
  }
  getJson('/cameras').then((cameras) => {
    camera.append(...cameras.filter((c) => c.id !== initial.camera).map((c) => h('option', { value: c.id }, c.id)));
  }).catch(() => {});

  function filters() {
    return {
      camera: camera.value || undefined,
      label: label.value.trim() || undefined,
      minConfidence: minConfidence.value || undefined,
      from: fromLocalInput(from.value) ?? undefined,
      to: fromLocalInput(to.value) ?? undefined,
    };
  }

  async function search(index) {
    const current = filters();
    const search = ++searches;
    error.hidden = true;
    results.dataset.state = 'loading';
    try {
      const answer = await getJson('/history', { ...current, limit: limit.value, after: tokens[index] });
      if (search !== searches) {
        return;
      }
      page = index;
      tokens = tokens.slice(0, index + 1);
      tokens.push(answer.next);
      replaceQuery({ ...current, limit: limit.value });
      showPage(answer.items);
    } catch (e) {
      if (search === searches) {
        error.textContent = e.message;
        error.hidden = false;
        results.dataset.state = 'failed';
      }
    }
  }

  function showPage(items) {
    results.replaceChildren(table({ text: `Events, page ${page + 1}` }, [
      { title: 'Time', cell: (e) => timeElement(e.end) },
      { title: 'Camera', cell: (e) => h('a', { href: `#/cameras/${encodeURIComponent(e.cameraId)}` }, e.cameraId) },
      { title: 'Label', cell: (e) => e.label },
      { title: 'Confidence', class: 'number', cell: (e) => percent(e.confidence) },
      { title: 'Sequence', class: 'number', cell: (e) => String(e.sequence) },
      { title: 'Silo', cell: (e) => e.silo },
    ], items, (e) => ({ dataset: { camera: e.cameraId, sequence: e.sequence } })));
    if (items.length === 0) {
      results.append(h('p', { class: 'muted' }, 'No events match.'));
    }
    results.dataset.state = 'loaded';
    results.dataset.page = String(page + 1);
    const next = tokens[page + 1];
    pager.replaceChildren(
      h('button', { type: 'button', disabled: page === 0, onclick: () => search(page - 1) }, 'Previous page'),
      h('span', { class: 'muted' }, `Page ${page + 1}`),
      h('button', { type: 'button', disabled: !next, onclick: () => search(page + 1) }, 'Next page'));
  }

  async function exportCsv() {
    error.hidden = true;
    try {
      await downloadFile('/history/export', { ...filters(), format: 'csv' }, 'events.csv');
    } catch (e) {
      error.textContent = `Export failed: ${e.message}`;
      error.hidden = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    tokens = [null];
    search(0);
  });
  search(0);
}
