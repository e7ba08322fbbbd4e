/** The log panel: every call with its normalized result or typed error and its duration. */
import { UpsdkError } from '../../src/index.js';
import { raceAbort } from '../../src/shared/abort.js';
import { h } from './dom.js';
import { startPending, type CancelControl } from './pending.js';
import { ServerProblem } from './server-api.js';
import { showStatus } from './status-bar.js';

/** One logged outcome, also kept for the device report. */
export interface LogEntry {
  readonly label: string;
  readonly ok: boolean;
  /** Duration; undefined for events, which have none. */
  readonly ms?: number;
  readonly result?: unknown;
  readonly code?: string;
  readonly msg?: string;
  /** The error's class name (`UpsdkError`, `HceError`, …). */
  readonly kind?: string;
}

const entries: LogEntry[] = [];
const MAX_LINES = 200;

/** Everything logged so far. */
export const logEntries = (): readonly LogEntry[] => entries;

/** Long runs of base64 (a picture, a chunk): their size says more than their first 300 characters. */
const BASE64_RUN = /^[A-Za-z0-9+/\r\n]{120,}={0,2}$/;

/** A value as it reads in a log line: bytes and base64 by their size. */
const brief = (_key: string, value: unknown): unknown => {
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  if (typeof value === 'string' && BASE64_RUN.test(value))
    return `‹base64, ${value.length.toLocaleString('en')} chars›`;
  return value;
};

/** A result as one short line. */
export const preview = (value: unknown): string => {
  if (value === undefined) return 'done';
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  const text = JSON.stringify(value, brief);
  if (text === undefined) return String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

const describe = (entry: LogEntry): string => {
  const body = entry.ok
    ? `${entry.label} → ${preview(entry.result)}`
    : `${entry.label} ✗ ${entry.code ?? 'error'}: ${entry.msg ?? ''}`;
  return entry.ms === undefined ? body : `${body} (${entry.ms} ms)`;
};

/** Append a line (newest first) and mirror it in the sticky status bar. */
export function writeLog(entry: LogEntry): void {
  entries.push(entry);
  const text = describe(entry);
  const log = document.getElementById('log');
  if (log) {
    log.prepend(h('li', { class: entry.ok ? 'ok' : 'error', 'data-code': entry.code }, text));
    while (log.childElementCount > MAX_LINES) log.lastElementChild?.remove();
  }
  showStatus(text, entry.ok ? 'ok' : 'error');
}

/** Log something the bridge pushed (an event), without a duration. */
export function logEvent(label: string, payload?: unknown): void {
  writeLog({ label: `⚡ ${label}`, ok: true, result: payload ?? 'fired' });
}

/** Log a remark of the playground itself (not a call). */
export function logNote(text: string): void {
  writeLog({ label: 'note', ok: true, result: text });
}

/**
 * What a call stopped with an AbortSignal (a pending row's cancel, "stop", "cancel read") is
 * logged as: the same code as a user cancel in the app, so a cancel reads the same on every path.
 */
const CANCELLED_HERE = { code: 'cancel', msg: 'cancelled on this page (AbortSignal)', kind: 'AbortError' };

/** The code, message and class of anything thrown. */
export function failureOf(error: unknown): Pick<LogEntry, 'code' | 'msg' | 'kind'> {
  if (error instanceof UpsdkError) return { code: error.code, msg: error.msg, kind: error.name };
  if (error instanceof DOMException && error.name === 'AbortError') return CANCELLED_HERE;
  if (error instanceof DOMException) return { code: error.name, msg: error.message, kind: 'DOMException' };
  if (error instanceof ServerProblem) return { code: error.code, msg: error.message, kind: error.name };
  if (error instanceof Error) return { code: 'error', msg: error.message, kind: error.name };
  return { code: 'error', msg: String(error), kind: typeof error };
}

/**
 * Run one action with a pending row (elapsed time, cancel) and log its
 * outcome and duration; resolves with the entry (never rejects). The action
 * gets the row's AbortSignal; cancelling settles at once even if the action
 * ignores it (a `stops` control instead waits for the action to end).
 */
export async function attempt<T>(
  label: string,
  action: (signal: AbortSignal) => Promise<T>,
  trigger?: HTMLButtonElement,
  control?: CancelControl,
): Promise<LogEntry & { result?: T }> {
  const started = performance.now();
  const ms = (): number => Math.round(performance.now() - started);
  const pending = startPending(label, trigger, control);
  let entry: LogEntry & { result?: T };
  try {
    const call = action(pending.signal);
    // A stop is awaited (the action ends on its own and says what it got); a cancel settles at once.
    const result = await (control?.stops ? call : raceAbort(call, pending.signal));
    entry = { label, ok: true, ms: ms(), result };
  } catch (error) {
    entry = { label, ok: false, ms: ms(), ...failureOf(error) };
  } finally {
    pending.finish();
  }
  writeLog(entry);
  return entry;
}

/** {@link attempt}, returning the action's result (undefined on failure). */
export async function run<T>(
  label: string,
  action: (signal: AbortSignal) => Promise<T>,
  trigger?: HTMLButtonElement,
  control?: CancelControl,
): Promise<T | undefined> {
  return (await attempt(label, action, trigger, control)).result;
}
