/**
 * Where the login's interfaces live. The call itself is the open-platform
 * client's (`../open-platform/transport.ts`); these names stay exported.
 */
import type { OpenApiName } from './errors.js';
import { INTERFACES } from '../open-platform/interfaces.js';

export { OPEN_PLATFORM_ORIGIN } from '../open-platform/transport.js';

/** Path of each interface the login helpers call (spec §4.3, §5.2.1, §5.2.2). */
export const LOGIN_API_PATHS: Readonly<
  Record<Extract<OpenApiName, 'token' | 'user.mobile' | 'user.auth'>, string>
> = {
  token: INTERFACES.token.path,
  'user.mobile': INTERFACES['user.mobile'].path,
  'user.auth': INTERFACES['user.auth'].path,
};
