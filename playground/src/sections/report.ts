/** The device report section. */
import { button, buttons, h, section } from '../dom.js';
import { attempt, run } from '../log.js';
import { buildReport, downloadJson } from '../report.js';
import type { Section } from '../context.js';

/** How long the button says "copied". */
const COPIED_MS = 2_000;

export const reportSection: Section = ({ client, mode, browserUserAgent }) => {
  const output = h('pre', { id: 'report-output', class: 'report', hidden: true });
  const copied = h('p', { id: 'report-copy-status', class: 'copy-status', role: 'status', hidden: true });
  let copyTimer: ReturnType<typeof setTimeout> | undefined;
  /** Say next to the button what the copy did; the log is far down the page on a phone. */
  const copyFeedback = (self: HTMLButtonElement, text: string, ok: boolean): void => {
    copied.textContent = text;
    copied.className = `copy-status ${ok ? 'ok' : 'error'}`;
    copied.hidden = false;
    self.textContent = ok ? 'copied ✓' : 'copy JSON';
    clearTimeout(copyTimer);
    copyTimer = setTimeout(() => (self.textContent = 'copy JSON'), COPIED_MS);
  };
  /** Copy, or select the text for a manual copy where the clipboard API is missing or refused. */
  const copy = async (text: string): Promise<string> => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard API (it needs https or localhost)');
      await navigator.clipboard.writeText(text);
      return `Copied ${text.length.toLocaleString('en')} characters to the clipboard.`;
    } catch (error) {
      getSelection()?.selectAllChildren(output);
      throw new Error(
        `could not copy (${error instanceof Error ? error.message : String(error)}): the report is selected, copy it with the system menu`,
      );
    }
  };
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
          void attempt('report: copy', async () => copy(await build()), self).then((entry) =>
            copyFeedback(self, entry.ok ? String(entry.result) : (entry.msg ?? 'could not copy'), entry.ok),
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
    copied,
    output,
  );
};
