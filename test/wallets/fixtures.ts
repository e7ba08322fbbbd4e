/** Wallet test fixtures: the seed's WeChat pay_info, and simulators removed after each test. */
import { afterEach, expect } from 'vitest';
import { UpsdkError } from '../../src/index.js';
import {
  installAlipayBridge,
  installWeChatBridge,
  type AlipaySimOptions,
  type WeChatSimOptions,
} from '../../src/simulator/index.js';

/** `pay_info` exactly as seed 002 prints it for `WECHAT_PreOrder` with `trade_type=JSPAY`. */
export const SEED_WECHAT_PAY_INFO =
  '{"appId":"wxc3d2e734ae326831","timeStamp":"1511947589427","status":"0","signType":"MD5","package":"prepay_id=wx2017112917262941a3a33e980001282756","callback_url":"","nonceStr":"1511947589427","paySign":"CD871BCD09B3D0C6339B2D0DE72DE7EE"}';

/** The six fields `getBrandWCPayRequest` must receive for {@link SEED_WECHAT_PAY_INFO}. */
export const SEED_WECHAT_PARAMS = {
  appId: 'wxc3d2e734ae326831',
  timeStamp: '1511947589427',
  nonceStr: '1511947589427',
  package: 'prepay_id=wx2017112917262941a3a33e980001282756',
  signType: 'MD5',
  paySign: 'CD871BCD09B3D0C6339B2D0DE72DE7EE',
} as const;

const uninstallers: (() => void)[] = [];

afterEach(() => {
  for (const uninstall of uninstallers.splice(0)) uninstall();
});

export function weChat(options: WeChatSimOptions = {}): ReturnType<typeof installWeChatBridge> {
  const sim = installWeChatBridge(options);
  uninstallers.push(() => sim.uninstall());
  return sim;
}

export function alipay(options: AlipaySimOptions = {}): ReturnType<typeof installAlipayBridge> {
  const sim = installAlipayBridge(options);
  uninstallers.push(() => sim.uninstall());
  return sim;
}

/** The `UpsdkError` `promise` rejects with (fails the test if it resolves or rejects otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<UpsdkError> {
  const reason: unknown = await promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(UpsdkError);
  return reason as UpsdkError;
}
