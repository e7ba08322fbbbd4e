// The money loop's server half: `/acp/order`, `/acp/notify`, `/acp/query`, `/acp/timeline`
// (createAcpDemoEndpoint) over a fake ACP gateway in process — or, with ACP_MER_ID and the other
// ACP_* variables set, over UnionPay's test gateway with your own credentials (see README,
// "The money loop"). In simulator mode `POST /__dev/acp/pay` is the simulated app paying a tn:
// the fake gateway settles it and posts its signed notification back to /acp/notify over HTTP.
import { toNodeHandler } from '../dist/server.js';
import { acpSettingsFromEnv, createAcpClient, createAcpDemoEndpoint } from '../dist/server-acp.js';
import { createFakeAcpGateway } from '../dist/simulator-acp.js';

async function readJson(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 4096) break;
  }
  try {
    return JSON.parse(text || '{}');
  } catch {
    return {};
  }
}

/** Build the routes; `handle` resolves false for paths that are not the money loop's. */
export async function createAcpRoutes(env = process.env) {
  const real = acpSettingsFromEnv(env);
  const gateway = real ? undefined : createFakeAcpGateway({ notifySchedule: [0, 1000, 3000] });
  const settings = real ?? {
    merId: gateway.merId,
    signing: { pfx: gateway.ca.merchant.pfx, password: gateway.ca.merchant.password },
    gateway: 'http://fake-acp.invalid/gateway/api/',
    rootCert: gateway.ca.rootPem,
    middleCert: gateway.ca.middlePem,
    // The fake gateway answers in process; its notifications still travel over loopback HTTP.
    fetch: (input, init) => gateway.handle(new globalThis.Request(input, init)),
  };
  const acp = await createAcpClient(settings);
  const demo = createAcpDemoEndpoint({
    ...settings,
    acp,
    checkOwner: real ? settings.gateway !== 'test' : true,
  });
  const node = toNodeHandler(
    async (request) => (await demo.handle(request)) ?? new globalThis.Response('not found', { status: 404 }),
  );

  async function handle(pathname, req, res) {
    if (pathname.startsWith('/acp/')) {
      await node(req, res);
      return true;
    }
    if (gateway && pathname === '/__dev/acp/pay' && req.method === 'POST') {
      const { tn, outcome, lose } = await readJson(req);
      const orderId = demo.orderIdOf(String(tn));
      const send = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (!orderId || !['success', 'fail', 'cancel'].includes(outcome)) {
        send(404, { error: 'unknown tn or outcome' });
        return true;
      }
      demo.record(orderId, 'pay', `app: ${outcome}${lose ? ' (notification lost)' : ''}`);
      // Not awaited: the app answers the page at once; the notification follows on its own.
      gateway
        .pay(String(tn), outcome, { notify: !lose })
        .catch((error) => demo.record(orderId, 'pay', `gateway: ${error.message}`));
      send(200, { orderId });
      return true;
    }
    return false;
  }
  return { handle, close: () => gateway?.close(), gateway };
}
