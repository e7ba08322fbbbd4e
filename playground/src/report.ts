/**
 * The device report: safe probes plus everything the page observed, as JSON
 * to copy or download. This is how we learn from real phones what the public
 * documents do not say (see the end of BRIDGE-FACTS.md).
 */
import { detectEnvironment, type UpsdkClient } from '../../src/index.js';
import { attempt, logEntries, type LogEntry } from './log.js';
import { KNOWN_PLUGINS } from './plugin-names.js';
import { bluetooth } from '../../src/bluetooth.js';
import { getScreenBrightness } from '../../src/device.js';
import { hce } from '../../src/hce.js';
import { getLocationCity } from '../../src/location.js';

/** Things sections noticed while the user tried plugins (BLE values as seen, HCE payloads, …). */
const observations = new Map<string, unknown[]>();
const MAX_PER_KEY = 20;

/** Record one observation under `key` (kept to the first 20 per key). */
export function observe(key: string, value: unknown): void {
  const list = observations.get(key) ?? [];
  if (list.length < MAX_PER_KEY) list.push(value);
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

/** A probe's outcome without the log's label. */
const outcome = ({ ok, ms, result, code, msg, kind }: LogEntry): Record<string, unknown> =>
  ok ? { ok, ms, result } : { ok, ms, code, msg, kind };

/** Read-only calls that are safe on any phone: no UI, no payment, nothing written. */
async function runProbes(client: UpsdkClient): Promise<Record<string, unknown>> {
  const probes: Record<string, () => Promise<unknown>> = {
    getScreenBrightness: () => getScreenBrightness(client),
    getHCEState: () => hce(client).state(),
    bluetoothAdapter: async () => {
      const opened = await bluetooth(client).open();
      const state = await bluetooth(client).state();
      observe('adapterStates', { via: 'getBluetoothAdapterState after open', ...state });
      return { ...opened, ...state };
    },
    getLocationCity: () => getLocationCity(client),
  };
  const results: Record<string, unknown> = {};
  // One after another: the bridge is not known to like parallel calls.
  for (const [name, probe] of Object.entries(probes))
    results[name] = outcome(await attempt(`probe: ${name}`, probe));
  return results;
}

/** Build the report, running the safe probes. */
export async function buildReport(
  client: UpsdkClient,
  mode: 'app' | 'simulator',
  browserUserAgent: string,
): Promise<Record<string, unknown>> {
  const config = await attempt('report: config', () => client.ready());
  const probes = config.ok ? await runProbes(client) : 'skipped: config failed';
  const global = (window as unknown as { upsdk?: Record<string, unknown> }).upsdk;
  const jsApiList = client.jsApiList;
  const plugins = [...new Set([...KNOWN_PLUGINS, ...(jsApiList ?? [])])].sort().map((name) => ({
    name,
    onGlobal: typeof global?.[name] === 'function',
    inJsApiList: jsApiList ? jsApiList.includes(name) : null,
  }));
  const failures = logEntries().filter((entry) => !entry.ok);
  const errorCodes = [
    ...new Set(failures.map((entry) => `${entry.label}: ${entry.code} (${entry.kind ?? 'error'})`)),
  ];
  return {
    generatedAt: new Date().toISOString(),
    mode,
    // In simulator mode the user agent is the simulator's in-app one: say so, and give the browser's own.
    userAgent: navigator.userAgent,
    userAgentSource:
      mode === 'simulator'
        ? "simulated: the simulator's in-app user agent, not this device's"
        : 'this device (the UnionPay app)',
    ...(mode === 'simulator' ? { browserUserAgent } : {}),
    userAgentTokens: tokens(navigator.userAgent),
    environment: detectEnvironment(navigator.userAgent),
    location: location.href.split('#')[0],
    secureContext: window.isSecureContext,
    configured: config.ok,
    configError: config.ok ? undefined : outcome(config),
    jsApiList: jsApiList ?? null,
    plugins,
    probes,
    errorCodesMet: errorCodes,
    observations: Object.fromEntries(observations),
    unknowns: {
      eventPayloadKind:
        observations.get('documentEvents') ?? 'not observed yet: try Bluetooth or a screenshot first',
      bleValueEncoding:
        observations.get('bleValues') ?? 'not observed yet: read or notify a characteristic first',
      adapterStateValues: observations.get('adapterStates') ?? 'not observed yet',
      hcePayloads:
        observations.get('hceMessages') ?? 'not observed yet: start HCE and hold a reader near the phone',
      bleErrorCodes: failures
        .filter((entry) => entry.label.startsWith('bluetooth.'))
        .map((entry) => entry.code),
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
