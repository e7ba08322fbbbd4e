/** Simulated city, GPS and navigation plugins (spec §6.11, §6.13, §6.22). */
import { ok, type PluginBehaviours } from '../family.js';
import type { UiState } from './ui-state.js';

const NAVI_FIELDS = ['sLat', 'sLon', 'sName', 'dLat', 'dLon', 'dName'] as const;

export function locationBehaviours(state: UiState): PluginBehaviours {
  return {
    // Both are UPWalletPlugin.fetchNativeData, told apart by the `type` upsdk.js adds ('0' / '1').
    getLocationCity: () => ok({ cityCd: state.city }), // upsdk.js picks cityCd out
    getLocationGps: (_options, context) => {
      const position = {
        latitude: String(state.position.latitude),
        longitude: String(state.position.longitude),
      };
      // Field reports: Android answers a JSON string, iOS an object.
      return ok(context.platform === 'android' ? JSON.stringify(position) : position);
    },
    navi: (options) => {
      const missing = NAVI_FIELDS.find((name) => typeof options[name] !== 'string' || options[name] === '');
      return missing ? { fail: { msg: `navi: ${missing} is required` } } : ok();
    },
  };
}
