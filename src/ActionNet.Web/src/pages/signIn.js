import { ApiError, getJson } from '../api.js';
import { field, h } from '../dom.js';
import { session } from '../session.js';

// The sign-in form: one "API key" field. The key is tried with GET /me and kept (session storage
// only) when the API accepts it.
export function renderSignIn(container, onSignedIn, notice) {
  const key = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', required: true, spellcheck: 'false' });
  const error = h('p', { class: 'error-line', role: 'alert', hidden: !notice }, notice ?? '');
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'ActionNet console'),
    h('p', null, 'Sign in with an API key (from ', h('code', null, 'actionnet keys create'), ' or your administrator).'),
    field('API key', key, 'Kept in this tab only; closing the tab signs you out.'),
    error,
    button);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    session.key = key.value.trim();
    try {
      session.me = await getJson('/me');
      onSignedIn();
    } catch (e) {
      session.signOut();
      error.textContent = e instanceof ApiError && e.status === 401
        ? `The API refused this key: ${e.message}`
        : `Could not sign in: ${e.message}`;
      error.hidden = false;
      key.focus();
    } finally {
      button.disabled = false;
    }
  });

  container.replaceChildren(h('main', { id: 'main', class: 'sign-in-page' }, form));
  key.focus();
}
