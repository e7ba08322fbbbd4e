/** The device report section. */
import { button, buttons, h, section } from '../dom.js';
import { run } from '../log.js';
import { buildReport, downloadJson } from '../report.js';
import type { Section } from '../context.js';

export const reportSection: Section = ({ client, mode, browserUserAgent }) => {
  const output = h('pre', { id: 'report-output', class: 'report', hidden: true });
  const build = async (): Promise<string> => {
    const report = await buildReport(client, mode, browserUserAgent);
    output.textContent = JSON.stringify(report, null, 2);
    output.hidden = false;
    return output.textContent;
  };
  return section(
    'report',
    'Device report',
    'Runs safe probes and collects what this page observed (try the other sections first), for the upsdk-kit team.',
    buttons(
      button(
        'report-run',
        'run probes',
        (self) => void run('report', async () => (await build()).length + ' characters', self),
      ),
      button(
        'report-copy',
        'copy JSON',
        (self) =>
          void run(
            'report: copy',
            async () => {
              const text = await build();
              // The clipboard API needs a secure context; elsewhere the text is selected for a manual copy.
              if (navigator.clipboard) await navigator.clipboard.writeText(text);
              else getSelection()?.selectAllChildren(output);
              return navigator.clipboard ? 'copied' : 'selected: copy it with the system menu';
            },
            self,
          ),
      ),
      button(
        'report-download',
        'download JSON',
        (self) =>
          void run(
            'report: download',
            async () => {
              downloadJson(JSON.parse(await build()), 'upsdk-device-report.json');
              return 'upsdk-device-report.json';
            },
            self,
          ),
      ),
    ),
    output,
  );
};
