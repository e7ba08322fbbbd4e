import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, UpsdkConfigError } from '../../src/index.js';
import { createSimulatedSigner } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A loopback signer endpoint that records request bodies and answers with `status` or a simulated signature. */
async function signerEndpoint(status = 200) {
  const bodies: unknown[] = [];
  const sign = createSimulatedSigner();
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { url: string };
      bodies.push(body);
      if (status !== 200) {
        res.writeHead(status, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ title: 'Forbidden', status, detail: 'origin not allowed' }));
        return;
      }
      void sign(body.url, { retry: false, signal: new AbortController().signal }).then((signature) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ...signature, tokenId: 'tok-1' }));
      });
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/upsdk/signature`, bodies };
}

describe('signer given as a URL', () => {
  it('POSTs {url} as JSON and configures with the answer', async () => {
    const endpoint = await signerEndpoint();
    const { sim } = setup();
    const client = createClient({ signer: endpoint.url });
    await client.call('pay', { tn: 't' });
    expect(endpoint.bodies).toEqual([{ url: 'http://localhost:3000/' }]);
    expect(sim.configCount).toBe(1);
  });

  it('POSTs {url, retry, tokenId} after a rejected config', async () => {
    const endpoint = await signerEndpoint();
    const { sim } = setup();
    sim.setFrontToken('ROTATED');
    const client = createClient({ signer: endpoint.url });
    await expect(client.ready()).rejects.toBeInstanceOf(UpsdkConfigError);
    expect(endpoint.bodies[1]).toEqual({ url: 'http://localhost:3000/', retry: true, tokenId: 'tok-1' });
  });

  it('turns an error status into UpsdkConfigError carrying the problem detail', async () => {
    const endpoint = await signerEndpoint(403);
    setup();
    const client = createClient({ signer: endpoint.url });
    await expect(client.ready()).rejects.toMatchObject({
      code: 'signer_http_403',
      msg: expect.stringContaining('origin not allowed'),
    });
  });

  it('turns an unreachable signer into UpsdkConfigError', async () => {
    const endpoint = await signerEndpoint();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    setup();
    const client = createClient({ signer: endpoint.url });
    await expect(client.ready()).rejects.toMatchObject({ code: 'signer_unreachable' });
  });
});
