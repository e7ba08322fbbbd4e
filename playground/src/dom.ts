/**
 * Tiny DOM helpers for the playground. Text goes through `textContent` only:
 * nothing from the bridge or the user is ever parsed as HTML.
 */

export type Child = Node | string | null | undefined | false;

/** Form values by field name. */
export type Values = Readonly<Record<string, string>>;

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

/** One input of a form, described as data. */
export interface FieldSpec {
  readonly name: string;
  /** Shown above the input. Default the name. */
  readonly label?: string;
  readonly value?: string;
  /** `text` (default), `number`, or `select` with `options`. */
  readonly type?: 'text' | 'number' | 'select';
  readonly options?: readonly string[];
}

/** A labelled input or select for `spec`. */
export function field(spec: FieldSpec): HTMLLabelElement {
  const { name, value = '' } = spec;
  const control =
    spec.type === 'select'
      ? h(
          'select',
          { name, 'data-field': name },
          ...(spec.options ?? []).map((option) =>
            h('option', { value: option, selected: option === value }, option),
          ),
        )
      : h('input', {
          name,
          value,
          type: spec.type ?? 'text',
          step: spec.type === 'number' ? 'any' : undefined,
          'data-field': name,
          autocomplete: 'off',
        });
  return h('label', {}, h('span', {}, spec.label ?? name), control);
}

/** A form whose submit runs `onSubmit` with its values and its submit button (the page never reloads). */
export function form(
  id: string,
  submitLabel: string,
  fields: readonly FieldSpec[],
  onSubmit: (values: Values, submit: HTMLButtonElement) => void,
): HTMLFormElement {
  const submit = h('button', { type: 'submit' }, submitLabel);
  const element = h(
    'form',
    { id, class: fields.length > 0 ? 'action' : 'action bare' },
    ...fields.map(field),
    submit,
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const values: Record<string, string> = {};
    new FormData(element).forEach((value, key) => (values[key] = String(value)));
    onSubmit(values, submit);
  });
  return element;
}

/** A section card with a title and an optional one-line note. */
export function section(
  id: string,
  title: string,
  note: string | undefined,
  ...children: Child[]
): HTMLElement {
  return h('section', { id }, h('h2', {}, title), note ? h('p', { class: 'note' }, note) : null, ...children);
}

/** A button that runs `onClick` (given the button, e.g. to show a call it starts as pending). */
export function button(
  id: string,
  label: string,
  onClick: (self: HTMLButtonElement) => void,
  className?: string,
): HTMLButtonElement {
  const element = h('button', { id: id || undefined, type: 'button', class: className }, label);
  element.addEventListener('click', () => onClick(element));
  return element;
}

/** A row of buttons that wraps on narrow screens. */
export const buttons = (...children: Child[]): HTMLDivElement => h('div', { class: 'buttons' }, ...children);

/** A small heading inside a section. */
export const subheading = (text: string): HTMLHeadingElement => h('h3', {}, text);

/** A read-only key/value list, replaced in place by `set`. */
export function facts(id: string): {
  element: HTMLDListElement;
  set(entries: Record<string, unknown>): void;
} {
  const element = h('dl', { id, class: 'facts' });
  return {
    element,
    set(entries) {
      element.replaceChildren(
        ...Object.entries(entries).flatMap(([key, value]) => [
          h('dt', {}, key),
          h('dd', { 'data-key': key }, typeof value === 'string' ? value : JSON.stringify(value)),
        ]),
      );
    },
  };
}

/** Empty string → undefined, else `Number(text)` (NaN is left for the library to reject). */
export const optionalNumber = (text: string | undefined): number | undefined =>
  text === undefined || text.trim() === '' ? undefined : Number(text);

/** Empty string → undefined. */
export const optionalText = (text: string | undefined): string | undefined =>
  text === undefined || text === '' ? undefined : text;

/** Bytes as spaced upper-case hex, e.g. `00 48`. */
export const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(' ');
