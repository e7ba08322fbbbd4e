/** `upsdk-kit serve` from dist/: runs out of the box on loopback with the embedded fake platform. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { post } from './helpers/serve.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    await new Promise((resolve) => child!.once('exit', resolve).kill('SIGTERM'));
  }
  child = undefined;
});

/** Run the CLI; resolves with the URL it prints, and what it wrote to stderr so far. */
function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; stderr: () => string }> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const cleanEnv = { PATH: process.env.PATH ?? '', ...env };
  child = spawn(process.execPath, [CLI, ...args], { env: cleanEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child!.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ url, stderr: () => stderr });
    });
    child!.once('exit', (code) => reject(new Error(`exited with ${code}: ${stdout}${stderr}`)));
  });
}

it('serves signatures with no configuration, bound to 127.0.0.1', async () => {
  const { url, stderr } = await run(['serve', '--port', '0']);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
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

it('refuses to start with a real secret but no allowed origins', async () => {
  await expect(run(['serve', '--port', '0'], { UPSDK_SECRET: 's3cret' })).rejects.toThrow(
    /exited with 2[\s\S]*allowed-origins/,
  );
});

it('prints its usage for an unknown command', async () => {
  await expect(run(['start'])).rejects.toThrow(/exited with 2[\s\S]*Usage: upsdk-kit serve/);
});
