/**
 * The simulated NFC side of host card emulation: the device's HCE state, the
 * registered AIDs, and a virtual reader that sends commands after `startHCE`
 * and whose answers come back from `sendHCEMessage`.
 */
import type { ValueCodec, ValueEncoding } from '../../plugins/value-codec.js';
import { WIRE_CODECS } from './wire-codecs.js';
import { SimTimers } from './timers.js';

/** The HCE codes the simulator can answer (spec §6.24). */
export type HceCode =
  '0000' | '1001' | '1002' | '1003' | '1004' | '1101' | '1102' | '1103' | '1301' | '1401' | '1402';

/** The app's own messages for each code, as the spec prints them. */
export const HCE_SIM_MESSAGES: Readonly<Record<HceCode, string>> = {
  '0000': 'ok',
  '1001': '当前设备不支持NFC',
  '1002': '当前设备支持NFC，但系统NFC开关未开启',
  '1003': '当前设备支持NFC，但不支持HCE',
  '1004': '未设置云闪付为默认NFC应用',
  '1101': '注册AID失败',
  '1102': 'AID列表参数格式错误',
  '1103': '输入参数错误',
  '1301': '发送指令失败',
  '1401': '输入参数错误',
  '1402': '注销AID失败',
};

/** `installSimulator({ hce })` options. */
export interface HceSimOptions {
  /** What `getHCEState` answers. Default `'0000'`. */
  readonly state?: HceCode | undefined;
  /**
   * How `onHCEMessage`'s `success` is called: for every message until called
   * again (`'repeat'`, default), or once per `onHCEMessage` call (`'once'`).
   * The real behaviour is not public; the client handles both.
   */
  readonly delivery?: 'repeat' | 'once' | undefined;
  /** `onHCEMessage` answers `{code: '0000', msg: 'ok'}` at once, before any message. Default false. */
  readonly acknowledge?: boolean | undefined;
  /** How `data` travels. Default `'hex'`. */
  readonly encoding?: ValueEncoding | undefined;
  /** The virtual reader. */
  readonly reader?:
    | {
        /** Commands sent after each successful `startHCE`, as bytes or hex. Default none. */
        readonly commands?: readonly (Uint8Array | string)[] | undefined;
        /** Milliseconds between those commands (and before the first). Default 10. */
        readonly interval?: number | undefined;
        /** The chip's answer to data the page sends. Default `90 00`. */
        readonly respond?: ((data: Uint8Array) => Uint8Array) | undefined;
      }
    | undefined;
}

type Callback = (payload?: unknown) => void;

/**
 * Test controls of simulated HCE.
 *
 * @example
 * ```ts
 * sim.hce.setState('1002');          // NFC switched off
 * sim.hce.answer('startHCE', '1101'); // the next startHCE fails to register
 * sim.hce.receive('00A4040007A0000000041010');
 * ```
 */
export interface SimulatedHce {
  /** Set what `getHCEState` answers. */
  setState(code: HceCode): void;
  /** Make the next `times` calls of `plugin` answer `code` inside `success`. */
  answer(
    plugin: 'startHCE' | 'stopHCE' | 'sendHCEMessage' | 'onHCEMessage',
    code: HceCode,
    times?: number,
  ): void;
  /** The reader sends a command now (queued until the page listens). Ignored unless HCE is started. */
  receive(command: Uint8Array | string): boolean;
  readonly started: boolean;
  /** AIDs of the last successful `startHCE`. */
  readonly aids: readonly string[];
  /** Data the page sent, decoded. */
  readonly sent: readonly Uint8Array[];
  /** Timers running (reader commands, deliveries): 0 when idle. */
  activeTimers(): number;
}

const bytesOf = (value: Uint8Array | string): Uint8Array =>
  typeof value === 'string' ? (WIRE_CODECS.hex.decode(value) ?? new Uint8Array(0)) : value;

/** The simulated HCE side; behaviours use its native operations, tests the controller. */
export class HceSimulation implements SimulatedHce {
  readonly codec: ValueCodec;
  readonly sent: Uint8Array[] = [];
  started = false;
  aids: string[] = [];
  private state: HceCode;
  private readonly overrides = new Map<string, HceCode[]>();
  private readonly timers = new SimTimers();
  private readonly backlog: Uint8Array[] = [];
  private callback: Callback | undefined;

  constructor(private readonly options: HceSimOptions = {}) {
    this.codec = WIRE_CODECS[options.encoding ?? 'hex'];
    this.state = options.state ?? '0000';
  }

  // ---- controller ----

  setState(code: HceCode): void {
    this.state = code;
  }

  answer(plugin: string, code: HceCode, times = 1): void {
    const list = this.overrides.get(plugin) ?? [];
    for (let i = 0; i < times; i++) list.push(code);
    this.overrides.set(plugin, list);
  }

  receive(command: Uint8Array | string): boolean {
    if (!this.started) return false;
    this.backlog.push(bytesOf(command));
    this.flush();
    return true;
  }

  activeTimers(): number {
    return this.timers.size;
  }

  dispose(): void {
    this.timers.clearAll();
    this.callback = undefined;
  }

  // ---- native operations ----

  /** `{code, msg}` for `code`, plus fields. */
  reply(code: HceCode, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { code, msg: HCE_SIM_MESSAGES[code], ...extra };
  }

  /** The armed override code of `plugin`, if any (consumed). */
  override(plugin: string): HceCode | undefined {
    return this.overrides.get(plugin)?.shift();
  }

  hceState(): Record<string, unknown> {
    return this.reply(this.state);
  }

  start(aids: string[]): void {
    this.started = true;
    this.aids = aids;
    const interval = this.options.reader?.interval ?? 10;
    (this.options.reader?.commands ?? []).forEach((command, index) =>
      this.timers.once(`reader:${index}`, interval * (index + 1), () => this.receive(command)),
    );
  }

  stop(): void {
    this.started = false;
    this.aids = [];
    this.callback = undefined;
    this.backlog.splice(0);
    this.timers.clearAll();
  }

  /** `onHCEMessage`: arm the page's callback (replacing the previous one). */
  listen(callback: unknown): void {
    this.callback = typeof callback === 'function' ? (callback as Callback) : undefined;
    this.flush();
  }

  respond(data: Uint8Array): Uint8Array {
    this.sent.push(data);
    return this.options.reader?.respond?.(data) ?? Uint8Array.of(0x90, 0x00);
  }

  get acknowledges(): boolean {
    return this.options.acknowledge ?? false;
  }

  // ---- internals ----

  /** Deliver queued commands, asynchronously as the native side would. */
  private flush(): void {
    if (!this.callback || this.backlog.length === 0) return;
    this.timers.once('deliver', 0, () => {
      while (this.callback && this.backlog.length > 0) {
        const callback = this.callback;
        if (this.options.delivery === 'once') this.callback = undefined;
        const command = this.backlog.shift()!;
        const failure = this.override('onHCEMessage'); // an armed failure replaces this command
        callback(failure ? this.reply(failure) : this.reply('0000', { data: this.codec.encode(command) }));
      }
    });
  }
}
