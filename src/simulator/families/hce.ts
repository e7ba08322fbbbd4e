/** Simulated behaviour of the HCE plugins (spec §6.24) on top of an {@link HceSimulation}. */
import { failWith, ok, silent, type PluginBehaviours } from '../family.js';
import type { HceSimulation } from './hce-controller.js';

const AID = /^[0-9A-F]{10,32}$/;

/**
 * The §6.24 behaviours. Every answer is `{code, msg}` inside `success`, as documented.
 *
 * @example
 * ```ts
 * new FakeNative({ ...hceBehaviours(new HceSimulation({ state: '1002' })) }, …);
 * ```
 */
export function hceBehaviours(hce: HceSimulation): PluginBehaviours {
  return {
    getHCEState: () => ok(hce.hceState()),
    startHCE: (options) => {
      const forced = hce.override('startHCE');
      if (forced) return ok(hce.reply(forced));
      if (typeof options.aidList !== 'string' || options.aidList === '') return ok(hce.reply('1103'));
      const aids = options.aidList.split(',');
      if (!aids.every((aid) => AID.test(aid))) return ok(hce.reply('1102'));
      hce.start(aids);
      return ok(hce.reply('0000'));
    },
    stopHCE: () => {
      const forced = hce.override('stopHCE');
      if (forced) return ok(hce.reply(forced));
      hce.stop();
      return ok(hce.reply('0000'));
    },
    onHCEMessage: (options) => {
      if (!hce.started) return failWith('1301', 'call startHCE first');
      hce.listen(options.success);
      // success is the message callback; an acknowledgement, if any, goes through it too.
      return hce.acknowledges ? ok(hce.reply('0000')) : silent;
    },
    sendHCEMessage: (options) => {
      const forced = hce.override('sendHCEMessage');
      if (forced) return ok(hce.reply(forced));
      if (!hce.started) return ok(hce.reply('1301'));
      const data = typeof options.data === 'string' ? hce.codec.decode(options.data) : undefined;
      if (!data || data.length === 0) return ok(hce.reply('1301'));
      return ok(hce.reply('0000', { data: hce.codec.encode(hce.respond(data)) }));
    },
    openNFCSetting: () => ok(hce.reply('0000')),
  };
}
