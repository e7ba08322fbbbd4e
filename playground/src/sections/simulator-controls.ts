/** Simulator controls: latency and one-shot faults (simulator mode only). */
import type { Fault } from '../../../src/simulator/index.js';
import { form, h, section } from '../dom.js';
import { logNote } from '../log.js';
import type { Section } from '../context.js';

const FAULTS: Readonly<Record<string, Fault>> = {
  'no permission (c02)': { status: 'ILLEGAL_ACCESS_EXCEPTION' },
  'fail (code 01)': { fail: 'code', code: '01', msg: 'internal error (simulated)' },
  'fail ({msg})': { fail: 'msg', msg: 'user cancelled (simulated)' },
  cancel: 'cancel',
  'drop (never answers)': 'drop',
};

export const simulatorSection: Section = ({ sim }) => {
  if (!sim) return h('div', { hidden: true });
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
    form(
      'fault-form',
      'arm once',
      [
        { name: 'plugin', label: 'raw plugin name', value: 'pay' },
        { name: 'fault', type: 'select', options: Object.keys(FAULTS) },
      ],
      ({ plugin, fault }) => {
        sim.fault(plugin || 'pay', FAULTS[fault ?? 'cancel'] ?? 'cancel', 1);
        logNote(`next ${plugin} call: ${fault}`);
      },
    ),
  );
};
