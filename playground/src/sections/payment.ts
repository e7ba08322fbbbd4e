/** Payment plugins: the cashier, the payment password, binding a card. */
import { action, actionForms } from '../actions.js';
import { optionalText, section } from '../dom.js';
import type { Section } from '../context.js';

export const paymentSection: Section = ({ client }) =>
  section(
    'payment',
    'Payment',
    'Resolving means the user finished in the app, not that the order settled.',
    ...actionForms([
      action({
        id: 'pay',
        fields: [{ name: 'tn', label: 'transaction number (tn)', value: '201906181234567890' }],
        run: ({ tn }) => client.pay({ tn: tn ?? '' }),
      }),
      action({
        id: 'verifyPayPwd',
        fields: [
          { name: 'transNo', label: 'transNo (from verifyPwdSeqId)', value: '20190618000001' },
          { name: 'bizType', label: 'bizType (optional)', value: '' },
        ],
        run: ({ transNo, bizType }) =>
          client.verifyPayPwd({ transNo: transNo ?? '', bizType: optionalText(bizType) }),
      }),
      action({
        id: 'addBankCard',
        fields: [{ name: 'scene', label: 'scene (optional)', value: '' }],
        run: ({ scene }) => client.addBankCard({ scene: optionalText(scene) }),
      }),
    ]),
  );
