/** A few mini-program extras (`applet(client)`): in an H5 page most answer c02 unless the appId is permitted. */
import { action, actionForms } from '../actions.js';
import { section } from '../dom.js';
import type { Section } from '../context.js';
import { applet } from '../../../src/applet.js';

export const appletSection: Section = ({ client }) =>
  section(
    'applet',
    'Mini-program extras',
    'applet(client) — meant for UnionPay mini-programs; an H5 page usually gets c02 (no permission).',
    ...actionForms([
      action({
        id: 'applet.getSystemInfo',
        label: 'system info',
        run: (_, signal) => applet(client).getSystemInfo({}, { signal }),
      }),
      action({
        id: 'applet.vibrate',
        label: 'vibrate',
        run: (_, signal) => applet(client).vibrate({}, { signal }),
      }),
      action({
        id: 'applet.saveData',
        label: 'save',
        fields: [
          { name: 'key', value: 'playground' },
          { name: 'value', value: 'hello' },
        ],
        run: ({ key, value }, signal) =>
          applet(client).saveData({ key: key ?? '', value: value ?? '' }, { signal }),
      }),
      action({
        id: 'applet.queryData',
        label: 'query',
        fields: [{ name: 'key', value: 'playground' }],
        run: ({ key }, signal) => applet(client).queryData({ key: key ?? '' }, { signal }),
      }),
      action({
        id: 'applet.getUserLogoutDate',
        label: 'last logout',
        run: (_, signal) => applet(client).getUserLogoutDate({ signal }),
      }),
      action({
        id: 'applet.appletAuth',
        label: 'login code',
        run: (_, signal) => applet(client).appletAuth({ signal }),
      }),
    ]),
  );
