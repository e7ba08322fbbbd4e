/**
 * Size probe: a core-only `createClient` + `call` built from the same client
 * modules, as `upsdk-kit` will ship it once families are separate entries
 * (issue 12). Measured by bench/probes/measure.mjs; not shipped.
 */
import { createStartup } from '../../src/client/bootstrap.js';
import { UpsdkError } from '../../src/client/errors.js';
import { invoke } from '../../src/client/invoke.js';
import { resolveOptions, type ClientOptions } from '../../src/client/options.js';
import { CALLBACKLESS_PLUGINS } from '../../src/client/plugin-map.js';
import { raceAbort } from '../../src/shared/abort.js';

interface CallOptions {
  readonly timeout?: number;
  readonly signal?: AbortSignal;
  readonly expectAnswer?: boolean;
  readonly listeners?: Readonly<Record<string, (payload?: unknown) => void>>;
}

/** Plugins that wait on the user get 10 minutes (the core's short list). */
const USER_WAIT = new Set(['pay', 'verifyPayPwd', 'addBankCard', 'scanQRCode', 'chooseImage', 'chooseFileFromAlbum']);

export function createClient(options: ClientOptions) {
  const resolved = resolveOptions(options);
  const startup = createStartup(resolved);
  const ready = (signal?: AbortSignal) => raceAbort(startup.ready(), signal);
  const call = async (plugin: string, params?: object, callOptions: CallOptions = {}): Promise<unknown> => {
    const invokeOptions = {
      timeout: callOptions.timeout ?? (USER_WAIT.has(plugin) ? 600_000 : resolved.timeout),
      signal: callOptions.signal,
      expectAnswer: callOptions.expectAnswer ?? !CALLBACKLESS_PLUGINS.has(plugin),
      listeners: callOptions.listeners,
    };
    try {
      return await invoke(await ready(callOptions.signal), plugin, params, invokeOptions);
    } catch (error) {
      if (!(error instanceof UpsdkError && error.code === 'c05')) throw error;
      startup.invalidate();
      return invoke(await ready(callOptions.signal), plugin, params, invokeOptions);
    }
  };
  return {
    call,
    ready: (o: { signal?: AbortSignal } = {}) => ready(o.signal).then(() => undefined),
    get jsApiList() {
      const list = startup.loaded()?.jsApiList;
      return Array.isArray(list) ? (list as string[]) : undefined;
    },
  };
}
