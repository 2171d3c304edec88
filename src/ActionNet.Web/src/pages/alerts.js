import { getJson, putJson, remove } from '../api.js';
import { field, h, table } from '../dom.js';
import { session } from '../session.js';
import { timeElement } from '../time.js';

const isTime = (value) => typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value);

// A cell for any JSON value: times as <time>, objects as compact JSON.
function cell(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (isTime(value)) {
    return timeElement(value);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// Columns for a list of records: their keys in first-seen order.
function columnsOf(records, skip = []) {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((k) => !skip.includes(k));
  return keys.map((k) => ({ title: k, cell: (r) => cell(r[k]) }));
}

// Alert rules (list, add, edit, remove) and recent deliveries with their outcome. A rule is edited as
// the API's AlertRule JSON (without its id), so every field the API knows can be set.
export function renderAlerts(container) {
  const rulesHolder = h('div');
  const deliveriesHolder = h('div');
  const error = h('p', { class: 'error-line', role: 'alert', hidden: true });
  const ruleId = h('input', { name: 'ruleId', required: true, spellcheck: 'false', autocomplete: 'off' });
  const ruleBody = h('textarea', { name: 'rule', rows: 8, spellcheck: 'false' });
  const formError = h('p', { class: 'error-line', role: 'alert', hidden: true });
  const form = session.canOperate ? h('form', { class: 'rule-form', 'aria-labelledby': 'rule-form-title', hidden: true },
    h('h2', { id: 'rule-form-title' }, 'Alert rule'),
    field('Rule id', ruleId),
    field('Rule (JSON, without its id)', ruleBody, 'The API\'s AlertRule fields; the API explains anything it refuses.'),
    formError,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save rule'), h('button', { type: 'button', onclick: () => { form.hidden = true; } }, 'Cancel'))) : null;
  const addButton = session.canOperate ? h('button', { type: 'button', class: 'primary', onclick: () => edit(null) }, 'Add rule') : null;
  let deliveryTokens = [null];
  let deliveryPage = 0;
  container.append(
    h('div', { class: 'page-head' }, h('h1', null, 'Alerts'), addButton),
    error, form,
    h('h2', null, 'Rules'), rulesHolder,
    h('h2', null, 'Recent deliveries'), deliveriesHolder);

  function edit(rule) {
    const { id, ...body } = rule ?? {};
    ruleId.value = id ?? '';
    ruleId.readOnly = Boolean(rule);
    ruleBody.value = JSON.stringify(body, null, 2);
    formError.hidden = true;
    form.hidden = false;
    (rule ? ruleBody : ruleId).focus();
  }

  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    let body;
    try {
      body = JSON.parse(ruleBody.value || '{}');
    } catch (e) {
      formError.textContent = `The rule is not valid JSON: ${e.message}`;
      formError.hidden = false;
      return;
    }
    try {
      await putJson(`/alerts/rules/${encodeURIComponent(ruleId.value.trim())}`, body);
      form.hidden = true;
      await loadRules();
    } catch (e) {
      formError.textContent = e.message;
      formError.hidden = false;
    }
  });

  async function loadRules() {
    const rules = await getJson('/alerts/rules');
    const actions = session.canOperate ? [{
      title: 'Actions',
      cell: (r) => h('span', { class: 'row-actions' },
        h('button', { type: 'button', class: 'small', onclick: () => edit(r) }, `Edit ${r.id}`),
        h('button', { type: 'button', class: 'small danger', onclick: () => removeRule(r.id) }, `Remove ${r.id}`)),
    }] : [];
    rulesHolder.replaceChildren(rules.length === 0
      ? h('p', { class: 'muted' }, 'No alert rules.')
      : table('Alert rules', [{ title: 'id', cell: (r) => r.id }, ...columnsOf(rules, ['id']), ...actions], rules));
  }

  async function removeRule(id) {
    try {
      await remove(`/alerts/rules/${encodeURIComponent(id)}`);
      await loadRules();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }

  async function loadDeliveries(index) {
    const page = await getJson('/alerts/deliveries', { limit: 50, after: deliveryTokens[index] });
    deliveryPage = index;
    deliveryTokens = [...deliveryTokens.slice(0, index + 1), page.next];
    deliveriesHolder.replaceChildren(
      page.items.length === 0 ? h('p', { class: 'muted' }, 'No deliveries yet.') : table('Alert deliveries, newest first', columnsOf(page.items), page.items),
      h('div', { class: 'pager' },
        h('button', { type: 'button', disabled: index === 0, onclick: () => loadDeliveries(deliveryPage - 1) }, 'Newer'),
        h('button', { type: 'button', disabled: !page.next, onclick: () => loadDeliveries(deliveryPage + 1) }, 'Older')));
  }

  Promise.all([loadRules(), loadDeliveries(0)]).catch((e) => {
    if (e.status === 404) {
      // An API host without alert routes: say so instead of showing an error.
      addButton?.remove();
      rulesHolder.replaceChildren(h('p', { class: 'muted' }, 'This API host does not serve alert rules.'));
      deliveriesHolder.replaceChildren(h('p', { class: 'muted' }, 'No deliveries: this API host does not send alerts.'));
      return;
    }
    error.textContent = `Could not load alerts: ${e.message}`;
    error.hidden = false;
  });
}
