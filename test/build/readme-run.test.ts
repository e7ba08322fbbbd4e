// @vitest-environment jsdom
/**
 * The README blocks marked `<!-- runnable -->` run, in a page (jsdom) with
 * the simulator installed, against the built package as an app imports it
 * (helpers/run-block.ts), with the app's server answering on the page's
 * origin (helpers/readme-page.ts). Each must settle within a bound without
 * throwing — or, for a loop that runs until the page's `signal`, with exactly
 * that signal's reason — and what it did is checked by its entry in RUNS:
 * a marked block without an entry fails, and so does an entry that matches
 * no marked block. Unmarked blocks are compile-only (readme-samples.test.ts).
 */
import { createHash, generateKeyPairSync, type KeyPairKeyObjectResult } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as PageEntry from '../../src/page.js';
import type { FakeOpenPlatformOptions, SimulatorOptions } from '../../src/simulator/index.js';
import { readmeBlocks, type ReadmeBlock } from './helpers/readme-blocks.js';
import { callsOf, loadBuilt, openPage, type Built, type Page } from './helpers/readme-page.js';
import { compileBlock, runBlock } from './helpers/run-block.js';

const root = path.resolve(__dirname, '../..');
const work = path.join(root, 'test-results', 'readme-run');
/** A block that has not settled by then hangs (the simulator answers within milliseconds). */
const BOUND = 10_000;

/** How one runnable block is run and what it must have done; `block` is a snippet of its code. */
interface Run {
  readonly block: string;
  /** Options of the fake open platform the page's server talks to. */
  readonly platform?: () => FakeOpenPlatformOptions;
  /** Simulator options for the page, or `false` when the block installs its own simulator. */
  readonly simulator?: (built: Built) => SimulatorOptions | false;
  /** Before the block: set up the simulator, and give the reader's values that need a page. */
  readonly before?: (page: Page) => Promise<void> | void;
  /** While the block runs: play the user or the device; may abort `signal` to end the block's loop. */
  readonly during?: (page: Page) => Promise<void>;
  /** The block's loop runs until the page's `signal` aborts, so it ends with the signal's reason. */
  readonly endsBySignal?: true;
  /** What the block must have done. */
  readonly check: (page: Page) => Promise<void> | void;
}

const lastParams = (page: Page, plugin: string) => page.sim.callsOf(plugin).at(-1)?.params;
const servedAt = (page: Page, where: string) =>
  page.served.filter((request) => `${request.method} ${request.path}`.startsWith(where));

/** Wait, event-driven by polling the simulator's state, until `condition` passes. */
const until = (condition: () => void): Promise<void> =>
  vi.waitFor(condition, { timeout: BOUND / 2, interval: 5 });

/** The reader's RSA key pair for the signed interfaces, made once (it takes a while). */
let partnerKeys: KeyPairKeyObjectResult | undefined;
const partner = (): KeyPairKeyObjectResult =>
  (partnerKeys ??= generateKeyPairSync('rsa', { modulusLength: 2048 }));

/** Bytes compared by SHA-256: deep equality of megabytes is slow. */
const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** `pay_info` of a WeChat pre-order, as seed 002's sample prints it. */
const SEED_PAY_INFO =
  '{"appId":"wxc3d2e734ae326831","timeStamp":"1511947589427","status":"0","signType":"MD5","package":"prepay_id=wx2017112917262941a3a33e980001282756","callback_url":"","nonceStr":"1511947589427","paySign":"CD871BCD09B3D0C6339B2D0DE72DE7EE"}';

const RUNS: readonly Run[] = [
  {
    block: 'await pay(client, { tn }); // loads upsdk.js',
    check: (page) => {
      expect(lastParams(page, 'pay')).toEqual({ tn: page.globals.tn });
      expect(servedAt(page, 'POST /upsdk/signature').map((request) => request.status)).toEqual([200]);
      expect(page.logs).toEqual([]); // the catch logs a failure's code
    },
  },
  {
    block: "await client.call('pay', { tn }, { timeout: 600_000",
    check: (page) => expect(lastParams(page, 'pay')).toEqual({ tn: page.globals.tn }),
  },
  {
    block: "const { level } = await client.call('getBatteryInfo');",
    simulator: ({ simulator }) => ({ plugins: { getBatteryInfo: () => simulator.ok({ level: '0.8' }) } }),
    check: (page) => expect(page.sim.callsOf('getBatteryInfo')).toHaveLength(1),
  },
  {
    block: "await verifyPayPwd(client, { transNo, bizType: '01' });",
    check: (page) => {
      expect(lastParams(page, 'pay')).toEqual({ tn: page.globals.tn });
      expect(lastParams(page, 'verifyPayPwd')).toEqual({ transNo: page.globals.transNo, bizType: '01' });
    },
  },
  {
    block: "await setNavigationBarTitle(client, { title: '订单详情' });",
    check: (page) => {
      expect(page.sim.ui.title).toBe('订单详情');
      expect(page.sim.ui.rightButton).toMatchObject({ title: '分享' });
    },
  },
  {
    block: 'const photo = await chooseImage(client, { maxWidth: 800',
    check: (page) => {
      expect(lastParams(page, 'scanQRCode')).toEqual({ scanType: ['qrCode'] });
      const [upload] = servedAt(page, 'POST /upload');
      expect(upload?.type).toMatch(/^image\//);
      expect(upload?.body.length).toBeGreaterThan(0);
      expect(page.sim.callsOf('monitorScreenShot')).toHaveLength(1);
      expect(page.sim.ui.takeScreenshot()).toBe(true);
      expect(page.logs).toEqual([['screenshot']]);
    },
  },
  {
    block: "to: { latitude: 39.917854, longitude: 116.397006, name: '北京故宫' }",
    check: (page) => {
      expect(page.sim.callsOf('getLocationGps')).toHaveLength(1);
      expect(JSON.stringify(lastParams(page, 'navi'))).toContain('北京故宫');
    },
  },
  {
    block: "events(client).iterate('screenshot', { signal })",
    // The app shows the right-hand button only once the page set one.
    before: async (page) => {
      const { setNavigationBarRightButton } = await page.built.load<typeof PageEntry>('upsdk-kit/page');
      await setNavigationBarRightButton(page.client, { title: '…' });
    },
    during: async (page) => {
      await until(() => expect(page.sim.ui.takeScreenshot()).toBe(true));
      await until(() => expect(callsOf(page, 'warnUser')).toHaveLength(1));
      await until(() => expect(page.sim.ui.clickRightButton()).toBe(true));
      await until(() => expect(callsOf(page, 'openMenu')).toHaveLength(1));
      page.controller.abort(new Error('the page leaves'));
    },
    endsBySignal: true,
    check: (page) => {
      // No vendor cancel: native keeps reporting, but the ended loop no longer hears it.
      expect(page.sim.ui.takeScreenshot()).toBe(true);
      expect(callsOf(page, 'warnUser')).toHaveLength(1);
    },
  },
  {
    block: "await applet(client).saveData({ key: 'draft'",
    check: (page) => {
      expect(lastParams(page, 'setTitleStyle')).toMatchObject({ appletStyle: 'white' });
      expect(page.sim.callsOf('appletAuth')).toHaveLength(1);
      expect(page.sim.ui.storage.get('draft')).toBe(JSON.stringify(page.globals.draft));
    },
  },
  {
    block: 'upsdk.ready(() => upsdk.getLocationGps(',
    // upsdk.ready runs its callback once a config succeeded: the page's client made one.
    before: async (page) => void (await page.client.call('getLocationCity')),
    check: async (page) => {
      await until(() => expect(page.logs).toHaveLength(1));
      const { latitude, longitude } = page.sim.ui.position;
      // Android's upsdk.js hands over a JSON string of strings.
      expect(page.logs[0]).toEqual([
        JSON.stringify({ latitude: String(latitude), longitude: String(longitude) }),
      ]);
    },
  },
  {
    block: "sim.ui.scanResult = 'https://qr.95516.com/00010000/42';",
    check: async (page) => {
      expect(await page.client.call('scanQRCode', {})).toBe('https://qr.95516.com/00010000/42');
      await expect(page.client.call('pay', { tn: 't' })).rejects.toMatchObject({ code: 'cancel' });
    },
  },
  {
    block: 'const video = await startVideoRecording(client, { maxTime: 15 });',
    before: (page) => {
      page.globals.clip = page.sim.files.addAlbumFile({ size: 1_300_000, name: 'clip.mp4' });
      page.sim.files.setFile('faceImage', { size: 20_000 });
    },
    check: (page) => {
      const clip = page.globals.clip as Parameters<Page['sim']['files']['contentOf']>[0];
      const sent = callsOf(page, 'send').map(([bytes]) => bytes as Uint8Array);
      expect(sent.length).toBe(3); // 524288-byte chunks
      expect(digest(Buffer.concat(sent))).toBe(digest(page.sim.files.contentOf(clip)));
      expect(callsOf(page, 'show').at(-1)).toEqual([clip.size, clip.size]);
      expect(page.sim.callsOf('stopAudioRecording')).toHaveLength(1);
      expect(page.sim.callsOf('startVideoRecording')).toHaveLength(1);
    },
  },
  {
    block: "from = Number((await fetch(endpoint, { method: 'HEAD' }))",
    before: async (page) => {
      const sink = page.routes.get('/uploads/')!;
      let puts = 0;
      // A proxy hiccup on the second PUT: the block asks the sink how much it has and resumes.
      page.routes.set('/uploads/', (request) =>
        request.method === 'PUT' && ++puts === 2 ? new Response('busy', { status: 503 }) : sink(request),
      );
      const opened = await fetch('/uploads/', { method: 'POST' });
      page.globals.endpoint = new URL(opened.headers.get('location')!, location.href).href;
      page.globals.clip = page.sim.files.addAlbumFile({ size: 1_300_000, name: 'clip.mp4' });
      page.globals.file = await page.built.media.chooseFileFromAlbum(page.client);
    },
    check: async (page) => {
      const clip = page.globals.clip as Parameters<Page['sim']['files']['contentOf']>[0];
      expect(servedAt(page, 'HEAD /uploads/')).toHaveLength(1);
      const stored = servedAt(page, 'PUT /uploads/').filter((request) => request.status < 300);
      expect(digest(Buffer.concat(stored.map((request) => request.body)))).toBe(
        digest(page.sim.files.contentOf(clip)),
      );
      const head = await fetch(page.globals.endpoint as string, { method: 'HEAD' });
      expect(head.headers.get('upload-offset')).toBe(String(clip.size));
    },
  },
  {
    block: "sim.files.failRandomChunks('album', { rate: 0.2, seed: 7 });",
    simulator: () => false,
    check: (page) => expect(page.logs).toEqual([[true]]),
  },
  {
    block: "for await (const device of ble.scan({ services: ['180D']",
    simulator: ({ simulator }) => ({
      // The demo monitor, notifying every 5 ms instead of every second.
      bluetooth: {
        peripherals: [
          {
            ...simulator.DEMO_HEART_RATE_MONITOR,
            services: simulator.DEMO_HEART_RATE_MONITOR.services!.map((service) => ({
              ...service,
              characteristics: service.characteristics?.map((c) => ({
                ...c,
                notifyEvery: c.notifyEvery && 5,
              })),
            })),
          },
        ],
      },
    }),
    check: (page) => {
      const beats = callsOf(page, 'render').map(([beat]) => beat);
      expect(beats).toHaveLength(5);
      for (const beat of beats) expect(beat).toBeGreaterThanOrEqual(60);
      expect(page.sim.bluetooth.writes()).toMatchObject([
        { address: { characteristicId: '2A39' }, raw: '01' },
      ]);
      expect(page.sim.callsOf('disconnectBLEDevice')).toHaveLength(1);
      expect(page.sim.bluetooth.activeTimers()).toBe(0);
    },
  },
  {
    block: "sim.bluetooth.addPeripheral({ deviceId: 'D2', name: 'Scale'",
    simulator: () => false,
    check: () => expect((window as { upsdk?: unknown }).upsdk).toBeUndefined(), // it uninstalled
  },
  {
    block: "await hce(client).start(['A000000010', 'A123456789']);",
    simulator: () => ({ hce: { reader: { commands: ['00A4040005A000000010'], interval: 5 } } }),
    during: async (page) => {
      await until(() => expect(page.sim.callsOf('sendHCEMessage')).toHaveLength(1));
      page.controller.abort(new Error('the reader left'));
    },
    endsBySignal: true,
    check: (page) => {
      expect(callsOf(page, 'respondTo')).toEqual([
        [Uint8Array.of(0x00, 0xa4, 0x04, 0x00, 0x05, 0xa0, 0, 0, 0, 0x10)],
      ]);
      expect(lastParams(page, 'startHCE')).toEqual({ aidList: 'A000000010,A123456789' });
      expect(page.sim.callsOf('stopHCE')).toHaveLength(1);
    },
  },
  {
    block: "await signIn({ via: 'applet', applet: applet(client), endpoint: '/upsdk/login' });",
    check: (page) => {
      // First a redirect to the authorize page (jsdom cannot navigate, and says so) …
      expect(page.errors.splice(0).map(([error]) => String(error))).toEqual([
        expect.stringContaining('Not implemented: navigation'),
      ]);
      expect(sessionStorage.length).toBe(1);
      // … then the mini-program's code exchanged at the login endpoint.
      expect(page.sim.callsOf('appletAuth')).toHaveLength(1);
      expect(servedAt(page, 'POST /upsdk/login').map((request) => request.status)).toEqual([200]);
    },
  },
  {
    block: "await payInWallet(payment, { client: createClient({ signer: '/upsdk/signature' }) });",
    check: (page) => {
      const [order] = servedAt(page, 'POST /orders');
      expect(JSON.parse(new TextDecoder().decode(order?.body))).toEqual({ wallet: 'unionpay' });
      expect(lastParams(page, 'pay')).toEqual({ tn: page.globals.tn });
      expect(callsOf(page, 'showThanks')).toHaveLength(1);
    },
  },
  {
    block: "await payInWallet(payment, { miniProgram: { payPage: '/pages/pay/pay' } });",
    simulator: () => false,
    // The reader's server answers WeChat's pay_info as seed 002 prints it.
    before: (page) => {
      page.routes.set('/orders', () => Response.json({ wechat: SEED_PAY_INFO }));
    },
    check: (page) => {
      expect(callsOf(page, 'pollOrderStatus')).toHaveLength(1);
      expect(page.logs).toEqual([[['requestPayment:ok']]]);
    },
  },
  {
    block: 'await verifyPayPwd(client, { transNo }); // resolves when the user finished',
    platform: () => ({
      partnerPublicKey: partner().publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    }),
    // The reader's server: createOpenPlatform over the page server's signer and fake platform.
    before: (page) => {
      page.globals.platform = page.built.openPlatform.createOpenPlatform({
        tokens: page.signer,
        fetch: page.platform.fetch,
        partnerKey: partner().privateKey,
      });
    },
    check: (page) => {
      const [issued] = page.platform.payPasswordVerifications;
      expect(issued).toMatchObject({ bizOrderId: (page.globals.order as { id: string }).id, bizType: '4h' });
      expect(lastParams(page, 'verifyPayPwd')).toEqual({ transNo: issued?.transNo });
    },
  },
  {
    block: "sim.fault('pay', { fail: 'errcode', code: 'c02' }, 1);",
    simulator: () => false,
    check: (page) => expect(page.logs).toEqual([['c02']]),
  },
];

const BLOCKS = readmeBlocks(root);
const RUNNABLE = BLOCKS.filter((block) => block.runsIn === 'page');
const runOf = (block: ReadmeBlock): Run | undefined => RUNS.find((run) => block.code.includes(run.block));

let built: Built;
let page: Page | undefined;

beforeAll(async () => {
  built = await loadBuilt(root);
});

afterEach(() => {
  page?.close();
  page = undefined;
});

describe('runnable README blocks', () => {
  it('marks blocks runnable, and every run entry names one of them', () => {
    expect(RUNNABLE.length).toBeGreaterThan(0);
    const unmatched = RUNS.filter((run) => !RUNNABLE.some((block) => block.code.includes(run.block)));
    expect(unmatched.map((run) => run.block)).toEqual([]);
  });

  for (const block of RUNNABLE) {
    it(`the \`\`\`ts block at README.md:${block.line} runs against the simulator`, async () => {
      const run = runOf(block);
      if (!run) throw new Error(`README.md:${block.line} is marked runnable but has no entry in RUNS`);
      const file = compileBlock(root, block, work);
      page = openPage(built, run.simulator?.(built) ?? {}, run.platform?.());
      await run.before?.(page);
      const [outcome] = await Promise.all([
        runBlock(file, page.globals, BOUND).then(
          () => undefined,
          (error: unknown) => ({ error }),
        ),
        run.during?.(page),
      ]);
      if (run.endsBySignal) expect(outcome).toEqual({ error: page.controller.signal.reason });
      else if (outcome) throw outcome.error;
      await run.check(page);
      expect(page.errors).toEqual([]);
    });
  }
});
