/**
 * `upsdk-kit serve --acp-demo`: the money loop's demo order endpoint
 * (createAcpDemoEndpoint) under `/acp/`, over the fake ACP gateway — or over
 * UnionPay's gateway when ACP_MER_ID and the other ACP_* variables are set
 * (credentials from the environment only).
 */
import { createFakeAcpGateway } from '../simulator/acp/gateway.js';
import { createAcpClient } from './acp/client.js';
import { acpSettingsFromEnv, createAcpDemoEndpoint } from './acp/demo.js';

/** The `/acp/` route of the demo endpoint, what it runs against, and how to stop it. */
export async function acpDemoRoute(env: NodeJS.ProcessEnv): Promise<{
  readonly handler: (request: Request) => Promise<Response>;
  readonly description: string;
  close(): void;
}> {
  const real = acpSettingsFromEnv(env);
  const gateway = real ? undefined : createFakeAcpGateway();
  const settings = real ?? gateway!.clientOptions();
  const demo = createAcpDemoEndpoint({
    ...settings,
    acp: await createAcpClient(settings),
    checkOwner: settings.gateway !== 'test',
    simulatedPay: gateway && ((tn, outcome, options) => gateway.pay(tn, outcome, options)),
  });
  return {
    handler: async (request) => (await demo.handle(request)) ?? new Response('not found', { status: 404 }),
    description: real
      ? `ACP demo on merId ${real.merId} (${String(real.gateway)} gateway)`
      : 'ACP demo on the fake gateway',
    close: () => gateway?.close(),
  };
}
