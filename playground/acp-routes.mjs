// The money loop's server half: `/acp/order`, `/acp/notify`, `/acp/query`, `/acp/timeline`
// (createAcpDemoEndpoint) over a fake ACP gateway in process — or, with ACP_MER_ID and the other
// ACP_* variables set, over UnionPay's test gateway with your own credentials (see README,
// "The money loop"). With the fake, `POST /acp/simulated-pay` is the simulated app paying a tn:
// the fake gateway settles it and posts its signed notification back to /acp/notify over HTTP.
import { toNodeHandler } from '../dist/server.js';
import { acpSettingsFromEnv, createAcpClient, createAcpDemoEndpoint } from '../dist/server-acp.js';
import { createFakeAcpGateway } from '../dist/simulator-acp.js';

/** Build the routes; `handle` resolves false for paths that are not the money loop's. */
export async function createAcpRoutes(env = process.env) {
  const real = acpSettingsFromEnv(env);
  const gateway = real ? undefined : createFakeAcpGateway({ notifySchedule: [0, 1000, 3000] });
  const settings = real ?? gateway.clientOptions();
  const demo = createAcpDemoEndpoint({
    ...settings,
    acp: await createAcpClient(settings),
    checkOwner: settings.gateway !== 'test',
    simulatedPay: gateway && ((tn, outcome, options) => gateway.pay(tn, outcome, options)),
  });
  const node = toNodeHandler(
    async (request) => (await demo.handle(request)) ?? new globalThis.Response('not found', { status: 404 }),
  );
  async function handle(pathname, req, res) {
    if (!pathname.startsWith('/acp/')) return false;
    await node(req, res);
    return true;
  }
  return { handle, close: () => gateway?.close(), gateway };
}
