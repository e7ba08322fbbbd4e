// `npm start`: one loopback server for everything the playground needs — the page, the signer
// endpoint, the upload sink, the login endpoint, the pay-password story (a verifyPwdSeqId issued
// through createOpenPlatform, the platform's result notification received by
// createNotificationHandler), the "any wallet" routes (pre-orders against an in-process fake
// aggregated-payment gateway, whose notifications come back to /wallets/notify over loopback HTTP)
// and, unless real credentials are given, an embedded fake open platform (token endpoints,
// authorize pages, business interfaces) on the same origin.
// It uses the built package exactly as a user's server would.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSignatureHandler, createSigner, createUploadSink, toNodeHandler } from '../dist/server.js';
import {
  createLoginHandler,
  createLoginService,
  createNotificationHandler,
  createOpenPlatform,
} from '../dist/server-open-platform.js';
import { createPreOrderClient, createPreOrderNotificationHandler } from '../dist/server-preorder.js';
import {
  createFakeOpenPlatform,
  createFakePreOrderGateway,
  SIMULATED_AGENT_ID,
  SIMULATED_MCH_ID,
  SIMULATED_MCH_KEY,
  SIMULATED_APP_ID,
  SIMULATED_FRONT_TOKEN,
  SIMULATED_SECRET,
  SIMULATED_SYMMETRIC_KEY,
} from '../dist/simulator.js';
import { createAcpRoutes } from './acp-routes.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/**
 * `debug.html` is `index.html` with a CSP that also admits the on-device console (eruda injects inline
 * styles and data: fonts), so the default page keeps the strict policy and nothing is written twice.
 */
const DEBUG_PAGE = {
  source: 'index.html',
  transform: (html) =>
    html
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "font-src 'self' data:; connect-src 'self'")
      .replace('<title>upsdk-kit playground</title>', '<title>upsdk-kit playground (debug)</title>'),
};

/** Serve files below playground/ only; false when there is none. */
async function serveStatic(pathname, res) {
  const debug = pathname === '/debug.html';
  const name = pathname === '/' ? 'index.html' : debug ? DEBUG_PAGE.source : pathname;
  const file = path.normalize(path.join(root, name));
  if (!file.startsWith(root + path.sep) || file.endsWith('.mjs')) return false;
  try {
    const raw = await readFile(file);
    const body = debug ? DEBUG_PAGE.transform(raw.toString('utf8')) : raw;
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
    return true;
  } catch {
    return false;
  }
}

/**
 * The settings from the environment. With UPSDK_SECRET the signer talks to the real open platform;
 * without it, to the embedded fake one.
 */
function settingsFrom(env) {
  const secret = env.UPSDK_SECRET || undefined;
  return {
    real: secret !== undefined,
    appId: env.UPSDK_APP_ID ?? SIMULATED_APP_ID,
    secret: secret ?? SIMULATED_SECRET,
    symmetricKey: secret ? env.UPSDK_SYMMETRIC_KEY : SIMULATED_SYMMETRIC_KEY,
    // The pay-password story: your RSA private key (UnionPay holds its public half), UnionPay's
    // public key for notifications, your merchant number. The fake platform needs none of them.
    partnerKey: secret ? env.UPSDK_PARTNER_KEY : undefined,
    upPublicKey: secret ? env.UPSDK_UP_PUBLIC_KEY : undefined,
    merchantId: env.UPSDK_MERCHANT_ID ?? '474919534200503',
    allowedOrigins: (env.UPSDK_ALLOWED_ORIGINS ?? 'localhost,127.0.0.1')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}

/** Read a small JSON request body ({} when empty or not JSON). */
async function readJson(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 16_384) break;
  }
  try {
    return JSON.parse(text || '{}');
  } catch {
    return {};
  }
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const PROBLEM_TITLES = { 400: 'Bad Request', 405: 'Method Not Allowed', 502: 'Bad Gateway' };

/** An error answer as the package's own handlers give it: RFC 9457 problem details with our `code`. */
function sendProblem(res, status, code, detail) {
  res.writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
  res.end(
    JSON.stringify({ type: 'about:blank', title: PROBLEM_TITLES[status] ?? 'Error', status, code, detail }),
  );
}

const WALLETS = ['unionpay', 'wechat', 'alipay'];

/**
 * The pre-order's input, checked: a known wallet and an amount in whole fen (an integer ≥ 1). A bad
 * amount is refused, never rounded or defaulted: a checkout that charges what it was not asked is worse
 * than one that says no.
 */
function preOrderInput(body) {
  const { wallet, totalFee } = body;
  if (!WALLETS.includes(wallet)) {
    return {
      problem: `Expected \`wallet\` to be one of ${WALLETS.join(', ')}, got ${JSON.stringify(wallet)}`,
    };
  }
  if (!Number.isSafeInteger(totalFee) || totalFee < 1) {
    return {
      problem: `Expected \`totalFee\` to be an integer number of fen ≥ 1, got ${JSON.stringify(totalFee) ?? 'nothing'}`,
    };
  }
  return { wallet, totalFee };
}

/**
 * "Any wallet": pre-orders against the fake aggregated-payment gateway (in process), its
 * notifications back to this server over loopback HTTP, and the order query.
 */
function createWalletRoutes() {
  const gateway = createFakePreOrderGateway({ notifySchedule: [0, 2000, 5000] });
  const key = SIMULATED_MCH_KEY;
  const provider = createPreOrderClient({
    baseUrl: 'http://gateway.invalid',
    agentId: SIMULATED_AGENT_ID,
    mchId: SIMULATED_MCH_ID,
    key,
    fetch: gateway.fetch,
  });
  const notified = [];
  const notify = toNodeHandler(
    createPreOrderNotificationHandler({ key, onNotification: (event) => void notified.push(event) }),
  );
  let serial = 0;
  const routes = {
    async '/wallets/preorder'(req, res) {
      const input = preOrderInput(await readJson(req));
      if (input.problem) return sendProblem(res, 400, 'invalid_param', input.problem);
      const { wallet, totalFee } = input;
      const outTradeNo = `P${Date.now()}${++serial}`;
      const order = { outTradeNo, body: 'playground order', totalFee };
      const notifyUrl = `http://${req.headers.host}/wallets/notify`;
      if (wallet === 'unionpay') {
        return sendJson(res, 200, {
          outTradeNo,
          payment: { unionpay: { tn: `2026${outTradeNo.slice(1)}` } },
        });
      }
      const answer =
        wallet === 'alipay'
          ? await provider.alipayPreOrder({
              ...order,
              productId: 'playground',
              buyerId: '2088000000000001',
              notifyUrl,
            })
          : await provider.wechatPreOrder({
              ...order,
              subAppId: 'wx00000000playground',
              openId: 'o-playground-buyer',
              notifyUrl,
            });
      return sendJson(res, 200, {
        outTradeNo,
        payment: { [wallet === 'alipay' ? 'alipay' : 'wechat']: answer.payInfoText },
      });
    },
    async '/wallets/query'(req, res) {
      const { wallet, outTradeNo } = await readJson(req);
      const notifications = notified.filter((event) => event.outTradeNo === outTradeNo).length;
      if (wallet === 'unionpay') return sendJson(res, 200, { status: 'unknown', notifications });
      const status = await provider.queryOrder({ wallet, outTradeNo });
      return sendJson(res, 200, { status: status.status, totalFee: status.totalFee, notifications });
    },
    async '/__dev/wallets/settle'(req, res) {
      // Simulator mode only: the simulated wallet "paid", so the fake gateway settles and notifies.
      const { outTradeNo, outcome = 'paid' } = await readJson(req);
      return sendJson(res, 200, await gateway.settle(outTradeNo, outcome));
    },
    '/wallets/notify': notify,
  };
  return {
    gateway,
    async handle(pathname, req, res) {
      const route = routes[pathname];
      if (!route) return false;
      if (req.method !== 'POST') {
        sendProblem(res, 405, 'method_not_allowed', 'POST only');
        return true;
      }
      try {
        await route(req, res);
      } catch (error) {
        // The provider refused or could not be reached: our validation failures are the caller's (400).
        const code = error.code ?? 'error';
        sendProblem(res, code === 'invalid_param' ? 400 : 502, code, error.msg ?? String(error));
      }
      return true;
    },
  };
}

/** Build the routes; exported for tests. */
export async function createPlaygroundApp(env = process.env) {
  const settings = settingsFrom(env);
  // Simulator mode: a partner key pair made now, its public half given to the fake platform.
  const partner = settings.real ? undefined : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = settings.real
    ? undefined
    : createFakeOpenPlatform({
        apps: { [settings.appId]: settings.secret },
        // The token installSimulator() checks signatures against by default, as `upsdk-kit serve --simulate` does.
        frontToken: SIMULATED_FRONT_TOKEN,
        partnerPublicKey: partner.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      });
  const signer = createSigner({
    appId: settings.appId,
    secret: settings.secret,
    allowedOrigins: settings.allowedOrigins,
    ...(platform ? { fetch: platform.fetch } : {}),
  });
  const login = createLoginService({
    tokens: signer,
    symmetricKey: settings.symmetricKey,
    ...(platform ? { fetch: platform.fetch } : {}),
  });
  const sink = createUploadSink({ maxBytes: 200 * 1024 * 1024, maxTotalBytes: 400 * 1024 * 1024 });
  const wallets = createWalletRoutes();
  const payPassword = createPayPasswordRoutes({ settings, signer, platform, partner });
  const moneyLoop = await createAcpRoutes(env);
  const routes = {
    signature: toNodeHandler(createSignatureHandler(signer)),
    login: toNodeHandler(createLoginHandler(login, { profile: ['mobile', 'realName'] })),
    upload: toNodeHandler(sink.handle, { maxBodyBytes: 600 * 1024 }),
    platform: platform ? toNodeHandler(platform.handle) : undefined,
  };

  const handler = async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/upsdk/signature') return routes.signature(req, res);
    if (pathname === '/upsdk/login') return routes.login(req, res);
    if (pathname.startsWith('/uploads/')) return routes.upload(req, res);
    if (await wallets.handle(pathname, req, res)) return;
    if (await payPassword.handle(pathname, req, res)) return;
    if (await moneyLoop.handle(pathname, req, res)) return;
    if (routes.platform && (pathname.startsWith('/s/open/') || pathname.startsWith('/open/access/'))) {
      return routes.platform(req, res);
    }
    if (req.method === 'GET' && (await serveStatic(pathname, res))) return;
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  return {
    handler,
    settings,
    platform,
    signer,
    sink,
    gateway: wallets.gateway,
    moneyLoop,
    notifications: payPassword.received,
  };
}

/**
 * The pay-password story's routes. `POST /upsdk/pay-password` asks the platform for a
 * verifyPwdSeqId (§5.3.1) through createOpenPlatform, with this server's notification endpoint
 * as `notifyUrl`; the page passes the answered `transNo` to verifyPayPwd; the platform's result
 * (§5.3.2) arrives at `/upsdk/notifications` (createNotificationHandler) and is listed at
 * `GET /__dev/notifications`. With the fake platform, `POST /__dev/pay-password/complete`
 * plays the user entering the password: the platform sends its signed notification.
 */
function createPayPasswordRoutes({ settings, signer, platform, partner }) {
  const received = [];
  const open = createOpenPlatform({
    tokens: signer,
    symmetricKey: settings.symmetricKey,
    partnerKey: partner ? partner.privateKey : settings.partnerKey,
    ...(platform ? { fetch: platform.fetch } : {}),
  });
  const upPublicKey = platform ? platform.upPublicKey() : Promise.resolve(settings.upPublicKey);
  // Made on first use: the fake platform's key pair is generated asynchronously.
  let notifications;
  const notificationRoute = async () =>
    (notifications ??= toNodeHandler(
      createNotificationHandler({
        upPublicKey: await upPublicKey,
        appId: settings.appId,
        onNotification: (event) => void received.push(event),
      }),
    ));

  async function handle(pathname, req, res) {
    if (pathname === '/upsdk/notifications') {
      if (await upPublicKey) (await notificationRoute())(req, res);
      else sendJson(res, 503, { resp: '01', msg: 'set UPSDK_UP_PUBLIC_KEY' });
      return true;
    }
    if (pathname === '/upsdk/pay-password' && req.method === 'POST') {
      const body = await readJson(req);
      const openId =
        typeof body.openId === 'string' ? body.openId : platform?.openIdOf(undefined, settings.appId);
      const bizOrderId = randomUUID().replace(/-/g, '').slice(0, 20);
      try {
        const { transNo } = await open.verifyPwdSeqId({
          openId,
          bizOrderId,
          bizType: '4h',
          merchantId: settings.merchantId,
          notifyUrl: `http://${req.headers.host}/upsdk/notifications`,
        });
        sendJson(res, 200, { transNo, bizOrderId });
      } catch (error) {
        sendJson(res, error.status ?? 500, { code: error.code ?? 'error', msg: error.msg ?? 'failed' });
      }
      return true;
    }
    if (pathname === '/__dev/notifications' && req.method === 'GET') {
      // Only what the page shows: never the user's openId, even on a tunnelled real-mode server.
      sendJson(
        res,
        200,
        received.map(({ kind, transNo, bizOrderId, contractId }) => ({
          kind,
          transNo,
          bizOrderId,
          contractId,
        })),
      );
      return true;
    }
    if (platform && pathname === '/__dev/pay-password/complete' && req.method === 'POST') {
      const { transNo } = await readJson(req);
      try {
        const delivery = await platform.completePayPasswordVerification(String(transNo), {
          retryDelayMs: 200,
        });
        sendJson(res, 200, { delivered: delivery.delivered, attempts: delivery.attempts });
      } catch (error) {
        sendJson(res, 404, { msg: error.message });
      }
      return true;
    }
    return false;
  }
  return { handle, received };
}

/** Start the playground server and resolve once it listens. */
export async function startServer({
  port = Number(process.env.PORT ?? 5173),
  host = process.env.HOST ?? '127.0.0.1',
  env,
} = {}) {
  const app = await createPlaygroundApp(env);
  const server = createServer((req, res) => {
    app.handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });
  server.on('close', () => {
    app.gateway.close();
    app.moneyLoop.close();
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return server;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const server = await startServer();
  const { address, port } = server.address();
  const mode = process.env.UPSDK_SECRET ? 'real open platform' : 'embedded fake open platform';
  console.log(`upsdk-kit playground: http://${address}:${port}/  (signer: ${mode})`);
}
