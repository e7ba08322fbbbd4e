/**
 * The pre-order client against gateways that decode form bodies either way
 * seed 002 leaves open (src/simulator/WIRE-FACTS.md): `+` as a space, or
 * `+` as a plus.
 */
import { describe, expect, it } from 'vitest';
import { rig, wechatOrder } from './gateway.js';

describe('request body encoding', () => {
  for (const formDecoding of ['form', 'percent-only'] as const) {
    it(`a body with spaces and a plus arrives intact and signed at a gateway decoding ${formDecoding}`, async () => {
      const { provider, gateway } = await rig({}, { formDecoding });
      const body = 'Coffee beans + milk 咖啡';
      const { outTradeNo } = await provider.wechatPreOrder(wechatOrder({ body }));
      expect(gateway.order(outTradeNo)?.request.body).toBe(body);
    });
  }
});
