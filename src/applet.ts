/** `upsdk-kit/applet`: `applet(client)`, the UnionPay mini-program extras beyond spec §6. */
export { applet } from './plugins/applet/index.js';
export type { AppletApi } from './plugins/applet/index.js';
export type {
  TitleStyleInput,
  TitleGradient,
  OpenAppletInput,
  CreateWebViewInput,
} from './plugins/applet/plugins.js';
export type { AppletParams } from './client/wire/applet.js';
