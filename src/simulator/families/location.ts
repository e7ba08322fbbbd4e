/** Simulated city, GPS and navigation plugins (spec §6.11, §6.13, §6.22). */
import { ok, type PluginBehaviours } from '../family.js';
import type { UiState } from './ui-state.js';

const NAVI_FIELDS = ['sLat', 'sLon', 'sName', 'dLat', 'dLon', 'dName'] as const;

export function locationBehaviours(state: UiState): PluginBehaviours {
  return {
    getLocationCity: (options) => {
      options.type = '0'; // upsdk.js routes both location plugins through one native call, told apart by type
      return ok(state.city);
    },
    getLocationGps: (options, context) => {
      options.type = '1';
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
