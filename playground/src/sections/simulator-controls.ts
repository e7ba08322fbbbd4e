/** Simulator controls: latency and one-shot faults (simulator mode only). */
import type { Fault } from '../../../src/simulator/index.js';
import { choice, field, form, h, section } from '../dom.js';
import type { Section } from '../context.js';

const FAULTS: Readonly<Record<string, Fault>> = {
  'fail (errcode c02)': { fail: 'errcode', code: 'c02', msg: 'no permission (simulated)' },
  'fail (code 01)': { fail: 'code', code: '01', msg: 'internal error (simulated)' },
  'fail ({msg})': { fail: 'msg', msg: 'user cancelled (simulated)' },
  cancel: 'cancel',
  'drop (never answers)': 'drop',
};

export const simulatorSection: Section = ({ sim }) => {
  if (!sim) return h('div', { hidden: true });
  const status = h('p', { id: 'sim-status' });
  return section(
    'simulator',
    'Simulator',
    form('latency-form', 'set latency', [field('latency (ms)', 'latency', '150', 'number')], ({ latency }) => {
      sim.setLatency(Math.max(0, Number(latency) || 0));
      status.textContent = `latency ${Number(latency) || 0} ms`;
    }),
    form(
      'fault-form',
      'arm once',
      [field('plugin', 'plugin', 'pay'), choice('fault', 'fault', Object.keys(FAULTS))],
      ({ plugin, fault }) => {
        sim.fault(plugin ?? 'pay', FAULTS[fault ?? 'cancel'] ?? 'cancel', 1);
        status.textContent = `next ${plugin} call: ${fault}`;
      },
    ),
    status,
  );
};
