/** `createHce`: the §6.24 family assembled from its table and its message events. */
import type { UpsdkCore } from '../../client/client.js';
import { NativeEvents } from '../../events/native-events.js';
import { bindPlugins } from '../define.js';
import { resolveCodec } from '../value-codec.js';
import type { Hce, HceOptions } from './api.js';
import { hceEventSpecs, messageCore, type HceEvents } from './messages.js';
import { hcePlugins } from './plugins.js';

/**
 * Create the HCE namespace of a client (`createClient` does this as `client.hce`).
 *
 * @example
 * ```ts
 * const hce = createHce(core, { dataEncoding: 'binary' });
 * ```
 */
export function createHce(core: UpsdkCore, options: HceOptions = {}): Hce {
  const codec = resolveCodec(options.dataEncoding, 'hce.dataEncoding');
  const methods: Omit<Hce, 'events' | 'messages'> = bindPlugins(core, hcePlugins(codec));
  const events: NativeEvents<HceEvents> = new NativeEvents<HceEvents>(
    messageCore(core, () => events),
    hceEventSpecs(codec),
  );
  return { ...methods, events, messages: (iterateOptions) => events.iterate('message', iterateOptions) };
}
