/** `hce(client)`: the §6.24 family assembled from its table and its message events, one per client. */
import type { UpsdkClient } from '../../client/client.js';
import { NativeEvents } from '../../events/native-events.js';
import { bindPlugins } from '../define.js';
import { perClient } from '../per-client.js';
import { resolveCodec } from '../value-codec.js';
import type { Hce, HceOptions } from './api.js';
import { hceEventSpecs, messageCore, type HceEvents } from './messages.js';
import { hcePlugins } from './plugins.js';

/** Make the HCE namespace of a client (see {@link hce}). */
function createHce(core: UpsdkClient, options: HceOptions = {}): Hce {
  const codec = resolveCodec(options.dataEncoding, 'hce.dataEncoding');
  const methods: Omit<Hce, 'events' | 'messages'> = bindPlugins(core, hcePlugins(codec));
  const events: NativeEvents<HceEvents> = new NativeEvents<HceEvents>(
    messageCore(core, () => events),
    hceEventSpecs(codec),
  );
  return { ...methods, events, messages: (iterateOptions) => events.iterate('message', iterateOptions) };
}

/**
 * The NFC host card emulation namespace of `client` (§6.24). Made on the
 * first call and the same object after that; options are read on the first
 * call, and a later call with a different `dataEncoding` throws.
 *
 * @example
 * ```ts
 * import { hce } from 'upsdk-kit/hce';
 * const card = hce(client, { dataEncoding: 'hex' });
 * await card.start(['A000000010']);
 * for await (const { value } of card.messages({ signal })) await card.send(answer(value));
 * ```
 */
export const hce: (client: UpsdkClient, options?: HceOptions) => Hce = /* @__PURE__ */ perClient(
  'hce',
  createHce,
  (options) => options?.dataEncoding ?? 'hex',
);
