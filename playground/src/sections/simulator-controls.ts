/** Simulator controls: latency and one-shot faults (simulator mode only). */
import { FAULT_PRESETS } from '../../../src/simulator/index.js';
import { form, h, section } from '../dom.js';
import { logNote, writeLog } from '../log.js';
import { KNOWN_PLUGINS } from '../plugin-names.js';
import type { Section } from '../context.js';

/** The global's own set-up methods: not plugins, a fault on them would never fire. */
const NOT_PLUGINS = new Set(['config', 'ready', 'error', 'pluginReady']);

/**
 * Plugin names a fault can be armed for: what the simulated `upsdk` global
 * has (so a typo such as `payy` is refused instead of arming nothing), or
 * the known names while the global is not there yet.
 */
function pluginNames(): readonly string[] {
  const global = (window as unknown as { upsdk?: Record<string, unknown> }).upsdk;
  if (!global) return KNOWN_PLUGINS;
  return Object.keys(global)
    .filter((name) => typeof global[name] === 'function' && !NOT_PLUGINS.has(name))
    .sort();
}

export const simulatorSection: Section = ({ sim }) => {
  if (!sim) return h('div', { hidden: true });
  const faultError = h('p', { id: 'fault-error', class: 'form-error', role: 'alert', hidden: true });
  const names = h('datalist', { id: 'plugin-names' });
  const faultForm = form(
    'fault-form',
    'arm once',
    [
      { name: 'plugin', label: 'raw plugin name', value: 'pay' },
      { name: 'fault', type: 'select', options: FAULT_PRESETS.map((preset) => preset.name) },
    ],
    ({ plugin = '', fault }) => {
      const known = pluginNames();
      if (!known.includes(plugin)) {
        const msg = `unknown plugin ${JSON.stringify(plugin)}: not a plugin of the simulated bridge`;
        faultError.textContent = msg;
        faultError.hidden = false;
        writeLog({ label: 'sim.fault', ok: false, code: 'invalid_param', msg });
        return;
      }
      faultError.hidden = true;
      const preset = FAULT_PRESETS.find((candidate) => candidate.name === fault) ?? FAULT_PRESETS[0]!;
      sim.fault(plugin, preset.fault, 1);
      // Say what upsdk.js will hand the page, so a pay that ends `unknown` is not a surprise.
      logNote(`next ${plugin} call: ${preset.name} → ${preset.page}`);
    },
  );
  // Suggest the names as the user types; refresh them on focus (the global may load later).
  const input = faultForm.querySelector<HTMLInputElement>('input[name=plugin]');
  input?.setAttribute('list', names.id);
  input?.addEventListener('focus', () =>
    names.replaceChildren(...pluginNames().map((name) => h('option', { value: name }))),
  );
  return section(
    'simulator',
    'Simulator',
    'Outside the app every plugin answers from the simulator. Slow it down or make the next call of a plugin fail.',
    form(
      'latency-form',
      'set latency',
      [{ name: 'latency', label: 'latency (ms)', value: '150', type: 'number' }],
      ({ latency }) => {
        const ms = Math.max(0, Number(latency) || 0);
        sim.setLatency(ms);
        logNote(`simulator latency ${ms} ms`);
      },
    ),
    faultForm,
    faultError,
    names,
  );
};
