/**
 * Plugin forms described as data: each action names its fields and how to
 * call the client with their values; one renderer turns a table of them into
 * forms that log every call.
 */
import { form, h, type FieldSpec, type Values } from './dom.js';
import { run } from './log.js';

/** One plugin call with a small form. */
export interface Action<T = unknown> {
  /** Log label and form id (`<id>-form`, dots as dashes), usually the method name. */
  readonly id: string;
  /** Button text. Default `id`. */
  readonly label?: string;
  readonly fields?: readonly FieldSpec[];
  /** Call the client with the form's values; pass `signal` on (the pending row's cancel aborts it). */
  run(values: Values, signal: AbortSignal): Promise<T>;
  /** Render the result into the section's output area (e.g. a picture). */
  show?(result: T): Node | string;
}

/** Keep `show`'s parameter typed by `run`'s result. */
export const action = <T>(spec: Action<T>): Action => spec;

/**
 * Forms for `actions`; results with a `show` go to `output`; `after` runs
 * once each call has ended, whatever its outcome (e.g. to redraw state the call changed).
 */
export function actionForms(
  actions: readonly Action[],
  output?: HTMLElement,
  after?: () => void,
): HTMLFormElement[] {
  return actions.map((spec) =>
    form(
      `${spec.id.replace(/\W/g, '-')}-form`,
      spec.label ?? spec.id,
      spec.fields ?? [],
      (values, submit) => {
        void run(spec.id, (signal) => spec.run(values, signal), submit).then((result) => {
          after?.();
          if (result === undefined || !spec.show || !output) return;
          const shown = spec.show(result);
          output.replaceChildren(typeof shown === 'string' ? h('span', {}, shown) : shown);
        });
      },
    ),
  );
}

/** An output area for results that are more than a log line. */
export const outputArea = (id: string): HTMLDivElement => h('div', { id, class: 'output' });
