/** Simulated scanner, camera/album, brightness and screenshot plugins (spec §6.4, §6.7, §6.19–§6.21). */
import { ok, silent, type PluginBehaviours } from '../family.js';
import { listensTo, type ListenerRegistry } from '../listeners.js';
import { UI_DOCUMENT_EVENTS, type UiState } from './ui-state.js';

// Typed by what it is asked about: the app's params, unchecked.
const SCAN_TYPES: ReadonlySet<unknown> = new Set(['qrCode', 'barCode']);

export function deviceBehaviours(state: UiState, listeners: ListenerRegistry): PluginBehaviours {
  return {
    scanQRCode: (options) => {
      const types = options.scanType;
      if (types !== undefined && !(Array.isArray(types) && types.every((type) => SCAN_TYPES.has(type)))) {
        return { fail: { code: '00', msg: 'scanType must list qrCode and/or barCode' } };
      }
      return ok({ value: state.scanResult }); // upsdk.js unwraps {value} into the bare string
    },
    // upsdk.js fills in the sizes and sourceType before the call and parses the JSON string answer.
    chooseImage: (options) => {
      if (!['1', '2', '3'].includes(String(options.sourceType))) {
        return { fail: { code: '00', msg: `unknown sourceType ${String(options.sourceType)}` } };
      }
      return ok(JSON.stringify({ base64: state.image.base64, type: state.image.type }));
    },
    getScreenBrightness: () => ok({ brightness: String(state.brightness) }),
    setScreenBrightness: (options) => {
      const level = Number(options.brightness);
      if (typeof options.brightness !== 'string' || !(level >= 0 && level <= 1)) {
        return { fail: { msg: `brightness must be '0'…'1', got ${String(options.brightness)}` } };
      }
      state.brightness = level;
      return ok({ brightness: options.brightness });
    },
    // upsdk.js hangs `success` on the document event; native starts reporting and never answers the call.
    monitorScreenShot: listensTo(
      () => {
        listeners.register(UI_DOCUMENT_EVENTS.screenshot);
        return silent;
      },
      UI_DOCUMENT_EVENTS.screenshot,
      'success',
    ),
  };
}
