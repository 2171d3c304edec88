// A small element builder: h('button', { type: 'button', onclick }, 'Save'). Strings become text
// nodes (never HTML), so values from the API cannot inject markup.
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false).map((c) => (c instanceof Node ? c : String(c))));
  return element;
}

// A labelled form field: the label wraps nothing, it names the control through for=/id.
let fieldCount = 0;
export function field(label, control, hint) {
  const id = control.id || `field-${++fieldCount}`;
  control.id = id;
  const hintElement = hint ? h('small', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintElement) {
    control.setAttribute('aria-describedby', hintElement.id);
  }
  return h('div', { class: control.type === 'checkbox' ? 'field check' : 'field' }, h('label', { for: id }, label), control, hintElement);
}

// A table from column definitions: [{ title, cell: (row) => node or text, class? }].
export function table(caption, columns, rows, rowProps) {
  return h('div', { class: 'table-wrap' },
    h('table', null,
      h('caption', { class: caption.visible ? null : 'visually-hidden' }, caption.text ?? caption),
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.title)))),
      h('tbody', null, rows.map((row) => h('tr', rowProps?.(row), columns.map((c) => h('td', { class: c.class }, c.cell(row))))))));
}

// Resolves after ms milliseconds, or at once when the signal aborts.
export function delay(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

// Runs task now and then every ms until the signal aborts; a failing run does not stop the next.
export async function every(ms, signal, task) {
  while (!signal.aborted) {
    try {
      await task();
    } catch (error) {
      if (!signal.aborted) {
        console.warn(error);
      }
    }
    await delay(ms, signal);
  }
}
