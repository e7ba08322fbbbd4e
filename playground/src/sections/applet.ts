/** A few mini-program extras (`client.applet`): in an H5 page most answer c02 unless the appId is permitted. */
import { action, actionForms } from '../actions.js';
import { section } from '../dom.js';
import type { Section } from '../context.js';

export const appletSection: Section = ({ client }) =>
  section(
    'applet',
    'Mini-program extras',
    'client.applet — meant for UnionPay mini-programs; an H5 page usually gets c02 (no permission).',
    ...actionForms([
      action({ id: 'applet.getSystemInfo', label: 'system info', run: () => client.applet.getSystemInfo() }),
      action({ id: 'applet.vibrate', label: 'vibrate', run: () => client.applet.vibrate() }),
      action({
        id: 'applet.saveData',
        label: 'save',
        fields: [
          { name: 'key', value: 'playground' },
          { name: 'value', value: 'hello' },
        ],
        run: ({ key, value }) => client.applet.saveData({ key: key ?? '', value: value ?? '' }),
      }),
      action({
        id: 'applet.queryData',
        label: 'query',
        fields: [{ name: 'key', value: 'playground' }],
        run: ({ key }) => client.applet.queryData({ key: key ?? '' }),
      }),
      action({
        id: 'applet.getUserLogoutDate',
        label: 'last logout',
        run: () => client.applet.getUserLogoutDate(),
      }),
      action({ id: 'applet.appletAuth', label: 'login code', run: () => client.applet.appletAuth() }),
    ]),
  );
