/**
 * Tiny DOM helpers for the playground. Text goes through `textContent` only:
 * nothing from the bridge or the user is ever parsed as HTML.
 */

type Child = Node | string | null | undefined | false;

/** Create an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A labelled input. */
export function field(label: string, name: string, value = '', type = 'text'): HTMLLabelElement {
  return h('label', {}, `${label} `, h('input', { name, value, type, 'data-field': name }));
}

/** A labelled select. */
export function choice(label: string, name: string, options: readonly string[], selected?: string): HTMLLabelElement {
  const select = h('select', { name, 'data-field': name });
  for (const option of options) select.append(h('option', { value: option, selected: option === selected }, option));
  return h('label', {}, `${label} `, select);
}

/** A form whose submit runs `onSubmit` with its values (the page never reloads). */
export function form(
  id: string,
  submitLabel: string,
  fields: Node[],
  onSubmit: (values: Record<string, string>) => void,
): HTMLFormElement {
  const element = h('form', { id }, ...fields, h('button', { type: 'submit' }, submitLabel));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const values: Record<string, string> = {};
    new FormData(element).forEach((value, key) => (values[key] = String(value)));
    onSubmit(values);
  });
  return element;
}

/** A section card with a title. */
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { id }, h('h2', {}, title), ...children);
}

/** A button that runs `onClick`. */
export function button(id: string, label: string, onClick: () => void): HTMLButtonElement {
  const element = h('button', { id, type: 'button' }, label);
  element.addEventListener('click', onClick);
  return element;
}
