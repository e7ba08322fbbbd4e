/** The device report section. */
import { button, h, section } from '../dom.js';
import { buildReport, downloadJson } from '../report.js';
import type { Section } from '../context.js';

export const reportSection: Section = ({ client, mode }) => {
  const output = h('pre', { id: 'report-output', class: 'report' });
  let latest: Record<string, unknown> | undefined;
  const ensure = async (): Promise<Record<string, unknown>> => {
    latest = await buildReport(client, mode);
    output.textContent = JSON.stringify(latest, null, 2);
    return latest;
  };
  return section(
    'report',
    'Device report',
    h('p', {}, 'Runs safe probes and collects what this page observed, for the upsdk-kit team.'),
    button('report-run', 'run probes', () => void ensure()),
    button('report-copy', 'copy JSON', () => void ensure().then((r) => navigator.clipboard?.writeText(JSON.stringify(r, null, 2)))),
    button('report-download', 'download JSON', () => void ensure().then((r) => downloadJson(r, 'upsdk-device-report.json'))),
    output,
  );
};
