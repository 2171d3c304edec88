import { getJson } from '../api.js';
import { every, h, table } from '../dom.js';
import { showWarnings } from '../shell.js';
import { percent, timeElement } from '../time.js';

const rate = (value) => `${(value ?? 0).toFixed(1)}/s`;

// The cluster: every reporting silo with its accelerator, capacity, demand, utilisation and drops by
// reason, and the totals; the banner under the navigation warns when demand exceeds capacity or storage
// is away. Refreshed every 5 s.
export function renderCluster(container) {
  const stop = new AbortController();
  const totals = h('dl', { class: 'totals' });
  const silos = h('div');
  const error = h('p', { class: 'error-line', role: 'alert', hidden: true });
  const updated = h('p', { class: 'muted' });
  container.append(h('div', { class: 'page-head' }, h('h1', null, 'Cluster')), error, totals, h('h2', null, 'Silos'), silos, updated);

  every(5000, stop.signal, async () => {
    try {
      show(await getJson('/cluster', null, stop.signal));
      error.hidden = true;
    } catch (e) {
      error.textContent = `Could not load the cluster: ${e.message}`;
      error.hidden = false;
    }
  });

  function show(cluster) {
    showWarnings(cluster);
    const drops = cluster.drops ?? {};
    const fact = (name, value) => h('div', null, h('dt', null, name), h('dd', null, value));
    totals.replaceChildren(
      fact('Capacity', rate(cluster.capacity)),
      fact('Demand', rate(cluster.demand)),
      fact('Scored', rate(cluster.windowsPerSecond)),
      fact('Cameras', String(cluster.activeCameras ?? 0)),
      fact('Dropped', `${cluster.windowsDropped ?? 0} (overload ${drops.overload ?? 0}, no accelerator ${drops.noAccelerator ?? 0}, failed ${drops.failed ?? 0}, unrecorded ${drops.unrecorded ?? 0})`),
      fact('Storage', cluster.storage ? (cluster.storage.reachable ? 'reachable' : 'away') : '—'));
    silos.replaceChildren(table('Silos', [
      { title: 'Silo', cell: (s) => h('span', { title: s.silo }, s.host || s.silo, s.draining ? ' (draining)' : '') },
      { title: 'Accelerator', cell: (s) => s.accelerator },
      { title: 'Cameras', class: 'number', cell: (s) => String(s.activeCameras) },
      { title: 'Capacity', class: 'number', cell: (s) => rate(s.capacity) },
      { title: 'Demand', class: 'number', cell: (s) => rate(s.demand) },
      { title: 'Utilisation', class: 'number', cell: (s) => percent(s.utilisation ?? 0) },
      { title: 'Overload', class: 'number', cell: (s) => String(s.drops?.overload ?? 0) },
      { title: 'No accelerator', class: 'number', cell: (s) => String(s.drops?.noAccelerator ?? 0) },
      { title: 'Failed', class: 'number', cell: (s) => String(s.drops?.failed ?? 0) },
      { title: 'Unrecorded', class: 'number', cell: (s) => String(s.drops?.unrecorded ?? 0) },
      { title: 'Reported', cell: (s) => timeElement(s.reportedAt, true) },
    ], cluster.silos ?? [], (s) => ({ dataset: { silo: s.silo, accelerator: s.accelerator } })));
    updated.replaceChildren('Updated ', timeElement(cluster.generatedAt ?? Date.now()));
  }

  return () => stop.abort();
}
