// Hash routes (#/cameras/lobby?from=...), so any static host can serve the console and a reload keeps
// the page. A page is render(container, params, query) returning a cleanup function.
export function startRouter(routes, outlet, onChange) {
  let cleanup = null;

  async function show() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, search = ''] = hash.split('?');
    const query = new URLSearchParams(search);
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (match) {
        cleanup?.();
        outlet.replaceChildren();
        onChange(route.name);
        cleanup = route.render(outlet, match.slice(1).map(decodeURIComponent), query) ?? null;
        return;
      }
    }
    location.replace('#/');
  }

  window.addEventListener('hashchange', show);
  show();
  return () => {
    window.removeEventListener('hashchange', show);
    cleanup?.();
  };
}

// Replaces the query part of the current route without a new page render or history entry.
export function replaceQuery(query) {
  const [path] = location.hash.replace(/^#/, '').split('?');
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== null && v !== undefined && v !== '')).toString();
  history.replaceState(null, '', `#${path}${search ? `?${search}` : ''}`);
}
