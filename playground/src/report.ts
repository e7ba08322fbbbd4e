/**
 * The device report: safe probes plus everything the page observed, as JSON
 * to copy or download. This is how we learn from real phones what the public
 * documents do not say (see the end of BRIDGE-FACTS.md).
 */
import type { UpsdkClient } from '../../src/index.js';
import { logEntries, run } from './log.js';

/** Things sections noticed while the user tried plugins (BLE values as seen, HCE payloads, …). */
const observations = new Map<string, unknown[]>();

/** Record one observation under `key` (kept to the first 20 per key). */
export function observe(key: string, value: unknown): void {
  const list = observations.get(key) ?? [];
  if (list.length < 20) list.push(value);
  observations.set(key, list);
}

/** Document events the bridge is said to fire for listener plugins. */
const BRIDGE_EVENTS = [
  'BluetoothDeviceFound',
  'BLEConnectionStateChange',
  'BLECharacteristicValueChange',
  'BluetoothAdapterStateChange',
  'screenShotAction',
  'rightbtnclick',
];

/** Watch the bridge's document events to learn whether callbacks get an Event or a plain object. */
export function watchBridgeEvents(): void {
  for (const type of BRIDGE_EVENTS) {
    document.addEventListener(type, (event) => {
      const own = Object.keys(event).filter((key) => key !== 'isTrusted');
      observe('documentEvents', { type, kind: event.constructor.name, ownFields: own });
    });
  }
}

const tokens = (ua: string): Record<string, string> => {
  const found: Record<string, string> = {};
  for (const match of ua.matchAll(/\(([A-Za-z]+) ([^)]*)\)/g)) found[match[1]!] = match[2]!;
  return found;
};

/** Every raw plugin name we know; the report checks which the bridge has. */
export const KNOWN_PLUGINS: string[] = [];

/** Build the report, running the safe probes. */
export async function buildReport(client: UpsdkClient, mode: 'app' | 'simulator'): Promise<Record<string, unknown>> {
  const ready = await run('report: config', () => client.ready());
  const global = (window as unknown as { upsdk?: Record<string, unknown> }).upsdk;
  const jsApiList = client.jsApiList;
  const plugins = [...new Set([...KNOWN_PLUGINS, ...(jsApiList ?? [])])].sort().map((name) => ({
    name,
    onGlobal: typeof global?.[name] === 'function',
    inJsApiList: jsApiList ? jsApiList.includes(name) : null,
  }));
  const errorCodes = [...new Set(logEntries().filter((e) => !e.ok).map((e) => `${e.label}: ${e.code}`))];
  return {
    generatedAt: new Date().toISOString(),
    mode,
    userAgent: navigator.userAgent,
    userAgentTokens: tokens(navigator.userAgent),
    environment: client.environment(),
    location: location.href.split('#')[0],
    configured: ready !== undefined || logEntries().some((e) => e.label === 'report: config' && e.ok),
    jsApiList: jsApiList ?? null,
    plugins,
    errorCodesMet: errorCodes,
    observations: Object.fromEntries(observations),
    unknowns: {
      eventPayloadKind: observations.get('documentEvents') ?? 'not observed yet: try Bluetooth or a screenshot first',
      bleValueEncoding: observations.get('bleValues') ?? 'not observed yet: read or notify a characteristic first',
      adapterStateValues: observations.get('adapterStates') ?? 'not observed yet',
      hcePayloads: observations.get('hceMessages') ?? 'not observed yet',
    },
  };
}

/** Offer `report` as a JSON download. */
export function downloadJson(report: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
