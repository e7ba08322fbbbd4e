/**
 * Per-client state of a family (a BLE queue and emitter, the HCE emitter, …)
 * hangs off the client in a `WeakMap`, made on first use and dropped with the
 * client: the core needs no slot for any family.
 */
import type { UpsdkClient } from '../client/client.js';
import { invalidParam } from '../client/errors.js';

/**
 * `family(client, options?)` that makes its namespace once per client. A
 * later call with options that would make a different namespace rejects
 * rather than silently keeping the first ones.
 *
 * @param name the family's function name, for error messages.
 * @param create makes the namespace for one client.
 * @param identity what about the options matters (compared with `===`); default: nothing.
 * @example
 * ```ts
 * export const bluetooth = perClient('bluetooth', createBluetooth, (options) => options?.valueEncoding);
 * ```
 */
export function perClient<Options, Namespace>(
  name: string,
  create: (client: UpsdkClient, options: Options | undefined) => Namespace,
  identity: (options: Options | undefined) => unknown = () => undefined,
): (client: UpsdkClient, options?: Options) => Namespace {
  // Per client: its namespace and the identity of the options it was made with.
  const made = new WeakMap<UpsdkClient, [Namespace, unknown]>();
  return (client, options) => {
    let known = made.get(client);
    if (!known) made.set(client, (known = [create(client, options), identity(options)]));
    else if (options !== undefined && identity(options) !== known[1]) {
      throw invalidParam(name, 'options', `the options this client's ${name} was first made with`, options);
    }
    return known[0];
  };
}
