/**
 * A new user's TypeScript app (issue 14): the packed tarball installed under
 * node_modules, `strict` + `exactOptionalPropertyTypes`, under each module
 * resolution an app may use (node10, node16, bundler). The app imports every
 * entry, streams reader chunks (and BLE / HCE bytes) into `fetch` without a cast, and a payment
 * without its `tn` does not compile. One tsc run per resolution.
 */
import { tscDiagnostics } from './helpers/tsc.js';
import { installPacked } from './helpers/packed.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** Every code entry of package.json `exports` (not package.json or the OpenAPI document). */
const ENTRIES = Object.keys(
  (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> })
    .exports,
)
  .filter((key) => !key.endsWith('.json'))
  .map((key) => (key === '.' ? 'upsdk-kit' : `upsdk-kit/${key.slice(2)}`));

/** `upsdk-kit/upsdk` is the vendor global's ambient types, referenced rather than imported. */
const MODULES = ENTRIES.filter((entry) => entry !== 'upsdk-kit/upsdk');

/** Uses every entry; must compile without errors. */
const APP = `${MODULES.map((entry, i) => `import * as entry${i} from '${entry}';`).join('\n')}
/// <reference types="upsdk-kit/upsdk" />
import { createClient } from 'upsdk-kit';
import { chooseFileFromAlbum, readAlbumFile } from 'upsdk-kit/media';
import { chooseImage } from 'upsdk-kit/device';
import { bluetooth } from 'upsdk-kit/bluetooth';
import { hce } from 'upsdk-kit/hce';
import { createSigner } from 'upsdk-kit/server';
import { createLoginService } from 'upsdk-kit/server/open-platform';

export const entries = [${MODULES.map((_, i) => `entry${i}`).join(', ')}];

const client = createClient({ signer: '/sign', timeout: undefined });

export async function upload(): Promise<void> {
  const file = await chooseFileFromAlbum(client, { sourceType: 'video' });
  for await (const bytes of readAlbumFile(client, file)) {
    await fetch('/upload', { method: 'PUT', body: bytes });
  }
  const image = await chooseImage(client, { maxWidth: undefined });
  await fetch('/upload', { method: 'PUT', body: image.bytes() });
}

export async function relay(): Promise<void> {
  const { value } = await bluetooth(client).read({ deviceId: 'D', serviceId: '180D', characteristicId: '2A37' });
  await fetch('/ble', { method: 'POST', body: value });
  for await (const command of hce(client).messages()) {
    const answer = await hce(client).send('9000');
    await fetch('/hce', { method: 'POST', body: new Blob([command.value, answer.value]) });
  }
}

const signer = createSigner({ appId: 'a', secret: 's', allowedOrigins: ['https://shop.example'] });
export const login = createLoginService({ tokens: signer, symmetricKey: process.env.UPSDK_SYMMETRIC_KEY });
`;

/** The one mistake the types must catch. */
const WRONG = `import { createClient } from 'upsdk-kit';
import { pay } from 'upsdk-kit/payment';

void pay(createClient({ signer: '/sign' }), {});
`;

const RESOLUTIONS = {
  node10: { module: 'CommonJS', moduleResolution: 'node10' },
  node16: { module: 'Node16', moduleResolution: 'node16' },
  bundler: { module: 'ESNext', moduleResolution: 'bundler' },
} as const;

let work: string;
let app: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'upsdk-fresh-app-'));
  app = path.join(work, 'app');
  // The tarball a user installs, its dependency and the Node types a server app has.
  installPacked(root, work, app, ['@types/node']);
  writeFileSync(path.join(app, 'app.ts'), APP);
  writeFileSync(path.join(app, 'wrong.ts'), WRONG);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** tsc's error lines for the app under one resolution. */
function compile(resolution: keyof typeof RESOLUTIONS): string[] {
  const config = `tsconfig.${resolution}.json`;
  writeFileSync(
    path.join(app, config),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        ...RESOLUTIONS[resolution],
        strict: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: true,
        noEmit: true,
      },
      files: ['app.ts', 'wrong.ts'],
    }),
  );
  // node16 reads the app's own package.json to tell ESM from CommonJS; node10 ignores it.
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module' }),
  );
  return tscDiagnostics(config, app).map((error) => error.trim());
}

describe('a fresh strict TypeScript app with the packed package', () => {
  it('has entries to import', () => {
    expect(ENTRIES).toEqual(expect.arrayContaining(['upsdk-kit', 'upsdk-kit/server', 'upsdk-kit/simulator']));
  });

  for (const resolution of Object.keys(RESOLUTIONS) as (keyof typeof RESOLUTIONS)[]) {
    it(`under moduleResolution ${resolution}, imports every entry, streams chunks into fetch, and refuses pay without tn`, () => {
      const errors = compile(resolution);
      // Everything in app.ts compiles; the only error is the missing tn in wrong.ts.
      expect(errors).toEqual([
        expect.stringMatching(/^wrong\.ts\(4,\d+\): error TS2345: [^]*Property 'tn' is missing/),
      ]);
    }, 120_000);
  }
});
