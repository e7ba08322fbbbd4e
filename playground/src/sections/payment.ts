/** Payment plugins: the cashier, the payment password, binding a card. */
import { action, actionForms } from '../actions.js';
import { optionalText, section } from '../dom.js';
import type { Section } from '../context.js';
import { addBankCard, pay, verifyPayPwd } from '../../../src/payment.js';

export const paymentSection: Section = ({ client }) =>
  section(
    'payment',
    'Payment',
    'Resolving means the user finished in the app, not that the order settled.',
    ...actionForms([
      action({
        id: 'pay',
        fields: [{ name: 'tn', label: 'transaction number (tn)', value: '201906181234567890' }],
        run: ({ tn }, signal) => pay(client, { tn: tn ?? '' }, { signal }),
      }),
      action({
        id: 'verifyPayPwd',
        fields: [
          { name: 'transNo', label: 'transNo (from verifyPwdSeqId)', value: '20190618000001' },
          { name: 'bizType', label: 'bizType (optional)', value: '' },
        ],
        run: ({ transNo, bizType }, signal) =>
          verifyPayPwd(client, { transNo: transNo ?? '', bizType: optionalText(bizType) }, { signal }),
      }),
      action({
        id: 'addBankCard',
        fields: [{ name: 'scene', label: 'scene (optional)', value: '' }],
        run: ({ scene }, signal) => addBankCard(client, { scene: optionalText(scene) }, { signal }),
      }),
    ]),
  );
