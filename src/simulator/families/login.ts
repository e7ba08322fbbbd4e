/** Simulated behaviour of the login plugins: `appletAuth` answers a code the fake open platform accepts once. */
import { ok, type PluginBehaviours } from '../family.js';
import { simulatedAppletCode } from '../open-platform-user.js';

export const loginBehaviours: PluginBehaviours = {
  appletAuth: () => ok({ code: simulatedAppletCode() }),
};
