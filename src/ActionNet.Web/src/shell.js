import { getJson } from './api.js';
import { every, h } from './dom.js';
import { live } from './live.js';
import { session } from './session.js';

const sections = [
  { name: 'cameras', title: 'Cameras', href: '#/' },
  { name: 'events', title: 'Events', href: '#/events' },
  { name: 'alerts', title: 'Alerts', href: '#/alerts' },
  { name: 'cluster', title: 'Cluster', href: '#/cluster' },
];

let banner = null;

// The frame around every page: navigation, who is signed in, the live feed's state, and the cluster
// warning banner (demand above capacity, storage away), checked every 15 s.
export function renderShell(container, onSignOut) {
  const links = sections.map((s) => h('a', { href: s.href, dataset: { section: s.name } }, s.title));
  const liveState = h('span', { class: 'live-state', role: 'status' });
  live.onState((state) => {
    liveState.textContent = state === 'live' ? 'live' : state;
    liveState.dataset.state = state;
  });
  banner = h('div', { class: 'banner', role: 'alert', hidden: true });
  const outlet = h('main', { id: 'main', tabindex: '-1' });
  const signOut = h('button', { type: 'button', class: 'link-button', onclick: onSignOut }, 'Sign out');
  container.replaceChildren(
    h('a', { class: 'skip-link', href: '#main', onclick: (e) => { e.preventDefault(); outlet.focus(); } }, 'Skip to content'),
    h('header', { class: 'top' },
      h('a', { class: 'brand', href: '#/' }, 'ActionNet'),
      h('nav', { 'aria-label': 'Sections' }, links),
      h('div', { class: 'who' }, liveState,
        h('span', { class: 'user', title: `key ${session.me.keyId ?? ''}` }, `${session.me.name} `, h('span', { class: 'role', dataset: { role: String(session.me.role).toLowerCase() } }, String(session.me.role).toLowerCase()),
          // A key limited to cameras says which: everything the console shows is already only those cameras'.
          session.me.cameras?.length ? h('span', { class: 'scope', title: 'This key sees and controls only these cameras' }, `cameras ${session.me.cameras.join(', ')}`) : null),
        signOut)),
    banner,
    outlet);

  const stop = new AbortController();
  every(15000, stop.signal, async () => showWarnings(await getJson('/cluster', null, stop.signal)));

  return {
    outlet,
    select(name) {
      const section = name === 'camera' ? 'cameras' : name;
      for (const link of links) {
        if (link.dataset.section === section) {
          link.setAttribute('aria-current', 'page');
        } else {
          link.removeAttribute('aria-current');
        }
      }
    },
    stop: () => stop.abort(),
  };
}

// Shows the warnings of a ClusterStatus in the banner under the navigation (every page has it).
export function showWarnings(cluster) {
  const warnings = clusterWarnings(cluster);
  banner.replaceChildren(...warnings.map((w) => h('p', null, w)));
  banner.hidden = warnings.length === 0;
}

function clusterWarnings(cluster) {
  const warnings = [];
  if (cluster.demand > cluster.capacity) {
    warnings.push(`Demand exceeds capacity: cameras produce ${cluster.demand.toFixed(1)} windows/s, the cluster scores at most ${cluster.capacity.toFixed(1)}; windows are being dropped.`);
  }
  if (cluster.storage && cluster.storage.reachable === false) {
    warnings.push(`Storage is away: ${cluster.storage.error ?? 'the label history cannot be written or read'}. Labels wait in memory until it returns.`);
  }
  return warnings;
}
