/** Simulated behaviour of the basic payment and page plugins (spec §6.3, §6.5, §6.9, §6.10). */
import { ok, silent, type PluginBehaviours } from '../family.js';

export const coreUiBehaviours: PluginBehaviours = {
  pay: (options) =>
    typeof options.tn === 'string' && options.tn !== '' ? ok() : { fail: { msg: 'TN号不合法 (invalid tn)' } },
  setNavigationBarTitle: () => silent,
  showFlashInfo: () => silent,
  closeWebApp: () => silent,
};
