/**
 * `upsdk-kit serve` from dist/ (rebuilt by the global setup when src/ is newer): runs out of the
 * box on loopback with the embedded fake platform, fails with one line, and rides out a Redis outage.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jsdomWindow } from '../helpers/jsdom-window.js';
import { SIMULATED_APP_ID, SIMULATED_SECRET, installSimulator } from '../../src/simulator/index.js';
import { createClient } from '../../src/index.js';
import { pay } from '../../src/payment.js';
import { startRedis, type RedisServer } from './helpers/redis.js';
import { post, servePlatform, type ServedPlatform } from './helpers/serve.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const children: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(
    children
      .splice(0)
      .map((child) =>
        child.exitCode === null && child.signalCode === null
          ? new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))
          : undefined,
      ),
  );
});

/** A running CLI: the endpoint URL it printed and what it wrote to stderr so far. */
interface Running {
  readonly url: string;
  readonly origin: string;
  stderr(): string;
}

function spawnCli(
  args: string[],
  env: Record<string, string>,
  script = CLI,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Run the CLI until it prints its URL. */
function run(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const { child, output } = spawnCli(args, env);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', () => {
      const url = /listening on (http:\/\/\S+)/.exec(output())?.[1];
      if (url) resolve({ url, origin: new URL(url).origin, stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output()}`)));
  });
}

/** Run the CLI to its exit; resolves with the code and everything it printed. */
function runToExit(
  args: string[],
  env: Record<string, string> = {},
  script = CLI,
): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnCli(args, env, script);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output: output() })));
}

it('serves signatures with no configuration, bound to 127.0.0.1, at /upsdk/signature', async () => {
  const { url, stderr } = await run(['serve', '--port', '0']);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/upsdk\/signature$/);
  const reply = await post(url, { url: 'http://localhost:5173/#/home' });
  expect(reply.status).toBe(200);
  expect(reply.body).toMatchObject({
    appId: expect.any(String),
    signature: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
  expect(stderr()).toContain('"type":"token_refreshed"');
});

it('takes its settings from the environment', async () => {
  const { url } = await run(['serve'], {
    PORT: '0',
    UPSDK_APP_ID: 'envApp',
    UPSDK_ALLOWED_ORIGINS: 'm.example.com',
  });
  expect((await post(url, { url: 'https://m.example.com/' })).body.appId).toBe('envApp');
  expect((await post(url, { url: 'http://localhost/' })).status).toBe(403);
});

/** A page on `pageUrl` with `installSimulator()` at its defaults, signing through the CLI at `signer`: pay's outcome. */
async function payOnSimulatedPage(signer: string, pageUrl = 'http://localhost:5173/shop'): Promise<unknown> {
  const window = jsdomWindow(pageUrl);
  const sim = installSimulator({ window: window });
  try {
    const client = createClient({ window: window, signer });
    return await pay(client, { tn: 'cli-tn' }).then(
      () => 'paid',
      (error: { code?: string }) => error.code,
    );
  } finally {
    sim.uninstall();
    window.close();
  }
}

describe('signing for the simulator (README "Your first page")', () => {
  it('with --simulate, signs what installSimulator() accepts: a page pays', async () => {
    const { url } = await run(['serve', '--simulate', '--port', '0']);
    await expect(payOnSimulatedPage(url)).resolves.toBe('paid');
  });

  it('without a secret, signs for the simulator too (npx upsdk-kit serve)', async () => {
    const { url } = await run(['serve', '--port', '0']);
    await expect(payOnSimulatedPage(url)).resolves.toBe('paid');
  });

  it('refuses --simulate with UPSDK_SECRET set, in one line', async () => {
    const { code, output } = await runToExit(['serve', '--simulate', '--port', '0'], {
      UPSDK_SECRET: 's3cret',
      UPSDK_ALLOWED_ORIGINS: 'localhost',
    });
    expect(code).toBe(2);
    expect(output.split('\n')[0]).toBe(
      'upsdk-kit: --simulate signs with the fake open platform: unset UPSDK_SECRET and UPSDK_PLATFORM_URL',
    );
  });
});

describe('paths', () => {
  it('answers 404 problem+json off its path', async () => {
    const { origin } = await run(['serve', '--port', '0']);
    for (const path of ['/', '/anything', '/upsdk/signature/x']) {
      const reply = await post(`${origin}${path}`, { url: 'http://localhost/' });
      expect(reply).toMatchObject({
        status: 404,
        type: 'application/problem+json',
        body: { code: 'not_found' },
      });
    }
  });

  it('serves another path with --path', async () => {
    const { url, origin } = await run(['serve', '--port', '0', '--path', '/sign']);
    expect(url).toBe(`${origin}/sign`);
    expect((await post(url, { url: 'http://localhost/' })).status).toBe(200);
    expect((await post(`${origin}/upsdk/signature`, { url: 'http://localhost/' })).status).toBe(404);
  });
});

describe('a platform URL', () => {
  let platform: ServedPlatform;
  beforeAll(async () => {
    platform = await servePlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  it.each([
    ['--platform-url', (url: string) => [['--platform-url', url], {}] as const],
    ['UPSDK_PLATFORM_URL', (url: string) => [[], { UPSDK_PLATFORM_URL: url }] as const],
  ])('is taken from %s', async (_name, settings) => {
    const [flags, env] = settings(platform.url);
    const before = platform.platform.requests.frontToken;
    const { url } = await run(['serve', '--port', '0', ...flags], {
      ...env,
      UPSDK_APP_ID: SIMULATED_APP_ID,
      UPSDK_SECRET: SIMULATED_SECRET,
      UPSDK_ALLOWED_ORIGINS: 'm.example.com',
    });
    expect((await post(url, { url: 'https://m.example.com/' })).status).toBe(200);
    expect(platform.platform.requests.frontToken).toBe(before + 1);
  });
});

describe('failing with one line', () => {
  it('exits 1 with one line when the port is in use', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((busy.address() as { port: number }).port);
      const { code, output } = await runToExit(['serve', '--port', port]);
      expect(code).toBe(1);
      expect(output.trim()).toMatch(
        /^upsdk-kit: cannot listen on 127\.0\.0\.1:\d+: the port is in use \(EADDRINUSE\)$/,
      );
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('exits 1 with one line for a host that does not resolve', async () => {
    const { code, output } = await runToExit(['serve', '--port', '0', '--host', 'no-such-host.invalid']);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/^upsdk-kit: cannot listen on no-such-host\.invalid:0: /);
  });

  it.each([
    [['start'], /unknown command "start": the only command is "serve"/],
    [['serve', '--secret', 'x'], /the secret is read from UPSDK_SECRET only/],
    [['serve', '--secret=x'], /the secret is read from UPSDK_SECRET only/],
    [['serve', '--prot', '1'], /Unknown option '--prot'/],
    [['serve', '--path', 'sign'], /Expected `--path` to be a path/],
  ])('exits 2 saying what was wrong for %j', async (args, message) => {
    const { code, output } = await runToExit(args);
    expect(code).toBe(2);
    expect(output).toMatch(message);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it("exits 1 with one line saying to install 'redis' when REDIS_URL is set without it", async () => {
    // The CLI installed where no node_modules holds 'redis': dist/cli.js is one file but for that import.
    const installed = mkdtempSync(path.join(tmpdir(), 'upsdk-kit-cli-'));
    try {
      writeFileSync(path.join(installed, 'package.json'), JSON.stringify({ type: 'module' }));
      copyFileSync(CLI, path.join(installed, 'cli.js'));
      const { code, output } = await runToExit(
        ['serve', '--port', '0'],
        { REDIS_URL: 'redis://127.0.0.1:6379' },
        path.join(installed, 'cli.js'),
      );
      expect(code).toBe(1);
      expect(output.trim()).toBe("upsdk-kit: REDIS_URL needs the 'redis' package: npm install redis");
    } finally {
      rmSync(installed, { recursive: true, force: true });
    }
  });

  it('refuses to start with a real secret but no allowed origins', async () => {
    const { code, output } = await runToExit(['serve', '--port', '0'], { UPSDK_SECRET: 's3cret' });
    expect(code).toBe(2);
    expect(output).toMatch(/allowed-origins/);
  });
});

describe('with REDIS_URL', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('listens while Redis is unreachable, answers 503 with Retry-After, and signs once it is back', async () => {
    await redis.down();
    let up = false;
    try {
      const { url, stderr } = await run(['serve', '--port', '0'], { REDIS_URL: redis.url });
      const refused = await post(url, { url: 'http://localhost/' });
      expect(refused).toMatchObject({
        status: 503,
        type: 'application/problem+json',
        body: { code: 'store_unavailable' },
      });
      expect(refused.headers.get('retry-after')).toBe('1');
      // It never fetched a token of its own while it could not share it.
      expect(stderr()).not.toContain('token_refreshed');
      await redis.up();
      up = true;
      await expect
        .poll(async () => (await post(url, { url: 'http://localhost/' })).status, { timeout: 15_000 })
        .toBe(200);
      expect(stderr().match(/"type":"redis_unreachable"/g)).toHaveLength(1);
    } finally {
      if (!up) await redis.up();
    }
  });
});

it('prints its usage with --help', async () => {
  const { code, output } = await runToExit(['serve', '--help']);
  expect(code).toBe(0);
  expect(output).toContain('Usage: upsdk-kit serve');
});

it('serves the ACP money-loop demo under /acp/ with --acp-demo (fake gateway), and not without it', async () => {
  const { origin } = await run(['serve', '--port', '0', '--acp-demo']);
  const order = (await post(`${origin}/acp/order`, { txnAmt: 300 })).body as {
    orderId: string;
    txnTime: string;
    tn: string;
  };
  expect(order.tn).toMatch(/^\d{21}$/);
  expect((await post(`${origin}/acp/simulated-pay`, { tn: order.tn, outcome: 'success' })).status).toBe(200);
  await expect
    .poll(async () => {
      const timeline = (await (await fetch(`${origin}/acp/timeline?orderId=${order.orderId}`)).json()) as {
        step: string;
      }[];
      return timeline.map((entry) => entry.step);
    })
    .toEqual(['order', 'pay', 'notification']);
  expect(
    (await post(`${origin}/acp/query`, { orderId: order.orderId, txnTime: order.txnTime })).body,
  ).toMatchObject({
    verdict: 'paid',
  });
  const plain = await run(['serve', '--port', '0']);
  expect((await post(`${plain.origin}/acp/order`, { txnAmt: 1 })).status).toBe(404);
});
