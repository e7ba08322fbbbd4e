/**
 * NFC host card emulation: state, start with AIDs, the reader's commands as
 * a live list (`for await` over `hce(client).messages`), and sending answers.
 * Every command is recorded raw for the device report (the `data` format is
 * not public).
 */
import { action, actionForms } from '../actions.js';
import { button, buttons, form, h, hex, section } from '../dom.js';
import { logNote, run } from '../log.js';
import { observe } from '../report.js';
import type { Section } from '../context.js';
import { hce } from '../../../src/hce.js';

const MAX_MESSAGES = 50;

export const hceSection: Section = ({ client, sim }) => {
  const messages = h('ol', { id: 'hce-messages', class: 'messages' });
  let listening: AbortController | undefined;

  /** The reader's commands until "stop" or the pending row's cancel (either ends the loop). */
  const listen = async (cancel: AbortSignal): Promise<{ messages: number }> => {
    listening?.abort();
    const controller = new AbortController();
    listening = controller;
    cancel.addEventListener('abort', () => controller.abort(), { once: true });
    let count = 0;
    try {
      for await (const message of hce(client).messages({ signal: controller.signal })) {
        count += 1;
        observe('hceMessages', { raw: message.raw, decoded: message.decoded });
        messages.prepend(
          h('li', {}, `${message.decoded ? hex(message.value) : '(not decoded)'} · raw "${message.raw}"`),
        );
        while (messages.childElementCount > MAX_MESSAGES) messages.lastElementChild?.remove();
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
    return { messages: count };
  };

  return section(
    'hce',
    'HCE (NFC card emulation)',
    'Check the state, register AIDs and start; commands from the reader appear below as they arrive.',
    ...actionForms([
      action({ id: 'hce.state', label: 'HCE state', run: (_, signal) => hce(client).state({ signal }) }),
      action({
        id: 'hce.start',
        label: 'start',
        fields: [
          { name: 'aids', label: 'AIDs (10–32 hex digits, comma separated)', value: 'A000000333010101' },
        ],
        run: async ({ aids }, signal) => {
          const list = (aids ?? '').split(',').map((aid) => aid.trim());
          await hce(client).start(list, { signal });
          // The loop runs until "stop"; its end is logged as its own line.
          void run('hce.messages', listen);
        },
      }),
      action({
        id: 'hce.send',
        label: 'send',
        fields: [{ name: 'data', label: 'answer (hex)', value: '9000' }],
        run: async ({ data }, signal) => {
          const answer = await hce(client).send((data ?? '').replace(/\s+/g, ''), { signal });
          return { raw: answer.raw, hex: hex(answer.value) };
        },
      }),
    ]),
    buttons(
      button('hce-stop', 'stop', (self) => {
        listening?.abort();
        void run('hce.stop', (signal) => hce(client).stop({ signal }), self);
      }),
      button(
        'hce-settings',
        'NFC settings',
        (self) => void run('hce.openSettings', (signal) => hce(client).openSettings({ signal }), self),
      ),
    ),
    messages,
    sim &&
      form(
        'sim-reader-form',
        'sim: reader sends',
        [{ name: 'command', label: 'command (hex)', value: '00B2010C00' }],
        ({ command }) => {
          if (!sim.hce.receive(command ?? ''))
            logNote('HCE is not started: the simulated reader has no one to talk to');
        },
      ),
  );
};
