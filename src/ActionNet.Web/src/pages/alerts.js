import { getJson, putJson, remove } from '../api.js';
import { every, field, h, table } from '../dom.js';
import { session } from '../session.js';
import { timeElement } from '../time.js';

const rulePath = (id) => `/alerts/rules/${encodeURIComponent(id)}`;
const seconds = (value) => `${value} s`;
// The API names phases, targets and outcomes as its enums do (Start, Webhook, Delivered); shown in lower case.
const word = (value) => String(value ?? '').toLowerCase();

// "lobby, dock" or "*" as the API's camera list (an empty field is sent empty: the API names the problem).
function parseCameras(text) {
  return text.split(',').map((c) => c.trim()).filter((c) => c !== '');
}

// Alert rules (GET /alerts/rules; operators add, edit and remove them through a form, PUT and DELETE
// /alerts/rules/{id}) and the deliveries of their firings, newest first, paged with the API's token
// (GET /alerts/deliveries). Values are not checked here: the API's one-line refusal is shown as it is.
export function renderAlerts(container) {
  const stop = new AbortController();
  const rulesHolder = h('div', { class: 'rules', dataset: { state: 'loading' } });
  const deliveriesHolder = h('div', { class: 'deliveries', dataset: { state: 'loading' } });
  const deliveriesPager = h('div', { class: 'pager' });
  const error = h('p', { class: 'error-line', role: 'alert', hidden: true });
  const form = session.canOperate ? createRuleForm({ onSaved: async () => { await loadRules(); addButton?.focus(); }, onCancel: closeForm }) : null;
  const addButton = session.canOperate ? h('button', { type: 'button', class: 'primary', 'aria-controls': 'rule-form', onclick: () => openForm(null) }, 'Add rule') : null;
  let tokens = [null];
  let page = 0;
  let loads = 0;

  container.append(
    h('div', { class: 'page-head' }, h('h1', null, 'Alerts'), addButton),
    error,
    form?.element,
    h('h2', null, 'Rules'), rulesHolder,
    h('div', { class: 'section-head' }, h('h2', null, 'Recent deliveries'), h('button', { type: 'button', onclick: () => loadDeliveries(page) }, 'Refresh deliveries')),
    deliveriesHolder, deliveriesPager);

  function openForm(rule) {
    form.open(rule);
  }

  function closeForm() {
    form.close();
    addButton?.focus();
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  async function loadRules() {
    try {
      const rules = await getJson('/alerts/rules', null, stop.signal);
      showRules(rules);
    } catch (e) {
      if (!stop.signal.aborted) {
        rulesHolder.dataset.state = 'failed';
        showError(`Could not load alert rules: ${e.message}`);
      }
    }
  }

  function showRules(rules) {
    const columns = [
      { title: 'Id', cell: (r) => r.id },
      { title: 'Cameras', class: 'wrap', cell: (r) => (r.cameras.includes('*') ? 'all (*)' : r.cameras.join(', ')) },
      { title: 'Label', cell: (r) => r.label },
      { title: 'Min confidence', class: 'number', cell: (r) => String(r.minConfidence) },
      { title: 'Min duration', class: 'number', cell: (r) => seconds(r.minDurationSeconds) },
      { title: 'Cooldown', class: 'number', cell: (r) => seconds(r.cooldownSeconds) },
      { title: 'Targets', class: 'wrap', cell: targets },
      { title: 'Enabled', cell: (r) => (r.enabled ? 'yes' : 'no') },
    ];
    if (session.canOperate) {
      columns.push({ title: 'Actions', cell: (r) => ruleActions(r) });
    }
    rulesHolder.replaceChildren(rules.length === 0
      ? h('p', { class: 'muted' }, session.canOperate ? 'No alert rules yet: add one.' : 'No alert rules.')
      : table('Alert rules', columns, rules, (r) => ({ dataset: { rule: r.id } })));
    rulesHolder.dataset.state = 'loaded';
  }

  function targets(rule) {
    const parts = [];
    if (rule.webhookUrl) {
      parts.push(h('span', { class: 'target' }, 'webhook ', h('code', null, rule.webhookUrl)));
    }
    if (rule.mqtt) {
      parts.push(h('span', { class: 'target' }, 'MQTT'));
    }
    return parts.length === 0 ? '—' : parts;
  }

  function ruleActions(rule) {
    const actions = h('span', { class: 'row-actions' });
    const show = () => actions.replaceChildren(
      h('button', { type: 'button', class: 'small', 'aria-label': `Edit rule ${rule.id}`, onclick: () => openForm(rule) }, 'Edit'),
      h('button', { type: 'button', class: 'small danger', 'aria-label': `Remove rule ${rule.id}`, onclick: confirmRemove }, 'Remove'));
    function confirmRemove() {
      const keep = h('button', { type: 'button', class: 'small', onclick: () => { show(); actions.firstChild.focus(); } }, 'Keep');
      const yes = h('button', { type: 'button', class: 'small danger', onclick: () => removeRule(rule.id) }, `Remove ${rule.id}`);
      actions.replaceChildren(yes, keep);
      yes.focus();
    }
    show();
    return actions;
  }

  async function removeRule(id) {
    error.hidden = true;
    try {
      await remove(rulePath(id));
      if (form?.editing() === id) {
        form.close();
      }
      await loadRules();
      addButton?.focus();
    } catch (e) {
      showError(`Could not remove rule ${id}: ${e.message}`);
    }
  }

  async function loadDeliveries(index) {
    const load = ++loads;
    try {
      const answer = await getJson('/alerts/deliveries', { limit: 25, after: tokens[index] }, stop.signal);
      if (load !== loads) {
        return;
      }
      page = index;
      tokens = [...tokens.slice(0, index + 1), answer.next];
      showDeliveries(answer.items);
    } catch (e) {
      if (load === loads && !stop.signal.aborted) {
        deliveriesHolder.dataset.state = 'failed';
        showError(`Could not load deliveries: ${e.message}`);
      }
    }
  }

  function showDeliveries(items) {
    deliveriesHolder.replaceChildren(items.length === 0
      ? h('p', { class: 'muted' }, page === 0 ? 'No deliveries yet.' : 'No older deliveries.')
      : table({ text: `Alert deliveries, newest first, page ${page + 1}` }, [
        { title: 'Time', cell: (d) => timeElement(d.createdAt) },
        { title: 'Rule', cell: (d) => d.ruleId },
        { title: 'Camera', cell: (d) => h('a', { href: `#/cameras/${encodeURIComponent(d.cameraId)}` }, d.cameraId) },
        { title: 'Label', cell: (d) => d.label },
        { title: 'Phase', cell: (d) => word(d.phase) },
        { title: 'Target', cell: (d) => (word(d.target) === 'mqtt' ? 'MQTT' : word(d.target)) },
        { title: 'Outcome', cell: (d) => h('span', { class: 'outcome', dataset: { outcome: word(d.outcome) } }, word(d.outcome)) },
        { title: 'Attempts', class: 'number', cell: (d) => String(d.attempts) },
        { title: 'Last error', class: 'wrap', cell: (d) => d.lastError ?? '—' },
      ], items, (d) => ({ dataset: { delivery: d.id, rule: d.ruleId, outcome: word(d.outcome) } })));
    deliveriesHolder.dataset.state = 'loaded';
    deliveriesHolder.dataset.page = String(page + 1);
    deliveriesPager.replaceChildren(
      h('button', { type: 'button', disabled: page === 0, onclick: () => loadDeliveries(page - 1) }, 'Newer'),
      h('span', { class: 'muted' }, `Page ${page + 1}`),
      h('button', { type: 'button', disabled: !tokens[page + 1], onclick: () => loadDeliveries(page + 1) }, 'Older'));
  }

  loadRules();
  // The first page follows new deliveries; an older page stays as it was read.
  every(5000, stop.signal, async () => {
    if (page === 0) {
      await loadDeliveries(0);
    }
  });
  return () => stop.abort();
}

// The rule form (operators): every AlertRule field as its own labelled control. Editing fills it from the
// rule and keeps the id; saving PUTs the rule and shows the API's one-line problem when it is refused.
function createRuleForm({ onSaved, onCancel }) {
  const input = (props) => h('input', { autocomplete: 'off', spellcheck: 'false', ...props });
  const id = input({ name: 'id', required: true, maxlength: 63 });
  const cameras = input({ name: 'cameras' });
  const label = input({ name: 'label', required: true });
  const minConfidence = input({ name: 'minConfidence', type: 'number', min: 0, max: 1, step: 'any', inputmode: 'decimal' });
  const minDuration = input({ name: 'minDurationSeconds', type: 'number', min: 0, step: 'any', inputmode: 'decimal' });
  const cooldown = input({ name: 'cooldownSeconds', type: 'number', min: 0, step: 'any', inputmode: 'decimal' });
  const webhookUrl = input({ name: 'webhookUrl', type: 'url', placeholder: 'https://…' });
  const mqtt = input({ name: 'mqtt', type: 'checkbox' });
  const enabled = input({ name: 'enabled', type: 'checkbox' });
  const title = h('h2', { id: 'rule-form-title' }, 'Add an alert rule');
  const error = h('p', { class: 'error-line', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save rule');
  const element = h('form', { class: 'rule-form', id: 'rule-form', novalidate: true, hidden: true, 'aria-labelledby': 'rule-form-title' },
    title,
    h('div', { class: 'form-grid' },
      field('Rule id', id, '1 to 63 characters of a-z, 0-9 and \'-\''),
      field('Cameras', cameras, 'Camera ids separated by commas, or * for every camera'),
      field('Label', label, 'The model label that fires the rule'),
      field('Min confidence', minConfidence, 'The segment\'s mean confidence, 0 to 1'),
      field('Min duration (s)', minDuration, 'Seconds the segment must last before it fires'),
      field('Cooldown (s)', cooldown, 'Seconds after a firing ends before the camera fires this rule again'),
      field('Webhook URL', webhookUrl, 'An http:// or https:// URL; empty: no webhook'),
      field('Publish to MQTT', mqtt),
      field('Enabled', enabled)),
    error,
    h('div', { class: 'form-actions' }, save, h('button', { type: 'button', onclick: onCancel }, 'Cancel')));
  let editing = null;

  const number = (control) => (control.value.trim() === '' ? undefined : Number(control.value));

  function open(rule) {
    editing = rule?.id ?? null;
    title.textContent = rule ? `Edit alert rule ${rule.id}` : 'Add an alert rule';
    id.value = rule?.id ?? '';
    id.readOnly = Boolean(rule);
    cameras.value = (rule?.cameras ?? ['*']).join(', ');
    label.value = rule?.label ?? '';
    minConfidence.value = rule ? String(rule.minConfidence) : '';
    minDuration.value = rule ? String(rule.minDurationSeconds) : '';
    cooldown.value = rule ? String(rule.cooldownSeconds) : '';
    webhookUrl.value = rule?.webhookUrl ?? '';
    mqtt.checked = rule?.mqtt ?? false;
    enabled.checked = rule?.enabled ?? true;
    error.hidden = true;
    element.hidden = false;
    (rule ? cameras : id).focus();
  }

  function close() {
    editing = null;
    element.hidden = true;
  }

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const ruleId = id.value.trim();
    const body = {
      cameras: parseCameras(cameras.value),
      label: label.value.trim(),
      minConfidence: number(minConfidence),
      minDurationSeconds: number(minDuration),
      cooldownSeconds: number(cooldown),
      webhookUrl: webhookUrl.value.trim() || null,
      mqtt: mqtt.checked,
      enabled: enabled.checked,
    };
    save.disabled = true;
    try {
      // An empty id would PUT the collection; let the API name the problem with a path it can answer.
      await putJson(`/alerts/rules/${encodeURIComponent(ruleId || ' ')}`, body);
      close();
      await onSaved();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    } finally {
      save.disabled = false;
    }
  });

  return { element, open, close, editing: () => editing };
}
