/** Payment and page basics. */
import { field, form, section } from '../dom.js';
import { run } from '../log.js';
import type { Section } from '../context.js';

export const basicsSection: Section = ({ client }) =>
  section(
    'basics',
    'Pay',
    form('pay-form', 'pay', [field('tn', 'tn', '201906181234567890')], ({ tn }) => {
      void run('pay', () => client.call('pay', { tn: tn ?? '' }));
    }),
  );
