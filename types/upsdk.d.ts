/**
 * Ambient types of the vendor's own callback API — the `upsdk` global that
 * https://open.95516.com/s/open/js/upsdk.js installs — for pages that call it
 * directly instead of through upsdk-kit's client:
 *
 * ```ts
 * /// <reference types="upsdk-kit/upsdk" />
 * upsdk.config({ appId, timestamp, nonceStr, signature });
 * upsdk.ready(() => upsdk.pay({ tn, success() {}, fail(err) { alert(err.msg); } }));
 * ```
 *
 * Types follow the vendor spec (§6.1–§6.24) and the behaviour of the newest
 * upsdk.js: everything on the wire is a string ('0'/'1', 'yes'/'no', numbers
 * as strings) unless noted. Mini-program extras whose parameters UnionPay has
 * not published take any object and answer `unknown` — loose on purpose.
 * The extras are declared in upsdk-applet.d.ts.
 */

// An ambient file cannot import without becoming a module, so it references its sibling.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./upsdk-applet.d.ts" />

declare namespace UpsdkRaw {
  /** Options of `upsdk.config` (§6.2). */
  interface ConfigOptions {
    appId: string;
    /** Seconds since the epoch, as a string. */
    timestamp: string;
    /** 16 random characters of [A-Za-z0-9]. */
    nonceStr: string;
    /** sha256 hex of the sorted `appId, frontToken, nonceStr, timestamp, url` (§7.1). */
    signature: string;
    /** The app toasts diagnostics. upsdk.js deletes this field from your object. */
    debug?: boolean;
    /** Must equal `location.href` without `#…` when given. */
    url?: string;
  }

  /**
   * The failure shapes seen from the bridge. SDK codes: c00 bad argument,
   * c01 signature failed, c02 no permission, c03 no such action (or app too
   * old), c04 plugin not implemented, c05 called before config succeeded,
   * c101 must run inside the app, c102 app too old.
   */
  type Failure =
    | { errcode: string; errmsg: string }
    | { code: string; msg: string }
    | { msg: string }
    | string
    | undefined;

  /** A plugin's options: its params plus the callbacks it answers through. */
  type Call<Params, Result = void, Fail = Failure> = Params & {
    success?: (result: Result) => void;
    fail?: (error: Fail) => void;
    /** Some plugins report failure (a user cancel, …) here instead of `fail`. */
    cancel?: (error: Fail) => void;
  };

  /** No params besides the callbacks. */
  type NoParams = Record<never, never>;

  /** Params of an extra UnionPay has not documented: any object, passed to native as is. */
  type UnknownParams = { [param: string]: unknown };

  /** `'0'`/`'1'` flags. */
  type Flag = '0' | '1';

  /** Bluetooth's yes/no flags, in any case. */
  type YesNo = 'yes' | 'no' | 'Yes' | 'No' | 'YES' | 'NO';

  /** Failures of the file and recording plugins (§6.15–§6.18). */
  interface FileFailure {
    /** 00 param error, 01 internal, 02 permission, 03 file too large, 04 other, 07 file missing. */
    code: '00' | '01' | '02' | '03' | '04' | '07';
    msg: string;
  }

  /** One chunk of a file, base64. `isFinished: '1'` on the last one. */
  interface Chunk {
    data: string;
    isFinished: Flag;
  }

  /** Params of the chunked readers: `bufferSize` ≤ '524288', `fromOffset` = k × bufferSize. */
  interface ChunkParams {
    bufferSize: string;
    fromOffset: string;
  }

  /** Failures of the Bluetooth plugins. */
  interface CodeFailure {
    code: string;
    msg: string;
  }

  /** A Bluetooth device. Listener payloads may arrive as an Event carrying these fields. */
  interface BluetoothDevice {
    name: string;
    localName?: string;
    deviceId: string;
    RSSI: string | number;
    /** Encoding not documented. */
    manufacturerData?: string;
  }

  /** Bluetooth service filter: a list of primary service UUIDs. Leave optional fields out, not empty. */
  interface ServiceFilter {
    services?: string[];
  }

  /** The characteristic a read, write, notify or change is about. */
  interface CharacteristicRef {
    deviceId: string;
    serviceId: string;
    characteristicId: string;
  }

  /** HCE answers inside `success`; anything but `'0000'` is a failure. */
  interface HceResult {
    /** getHCEState 1001–1004, startHCE 1101–1103, onHCEMessage 1301, stopHCE 1401–1402. */
    code: string;
    msg: string;
    /** Other fields (e.g. the message data) are not documented. */
    [field: string]: unknown;
  }

  /** A GPS fix (GCJ-02): a JSON string of this on Android, the object on iOS. */
  interface GpsPosition {
    latitude: string | number;
    longitude: string | number;
  }

  /** Spec §6 plugins (the 53 of the §6.1 table plus `readVideoRecordingData`). */
  interface SpecPlugins {
    /** §6.3. Failure is `{msg}` whatever went wrong (a user cancel included); success does not mean settled. */
    pay(options: Call<{ tn: string }, void, { msg: string }>): void;
    /** §6.8. The spec prints `sence`; upsdk.js reads `scene` (default '10007'). */
    addBankCard(options?: Call<{ scene?: string }>): void;
    /** §6.5. Never calls back; a bare string is accepted too. */
    setNavigationBarTitle(options: { title: string } | string): void;
    /**
     * §6.6. `title` wins over `image`. `handler` runs on each tap (on the
     * `rightbtnclick` document event; a new handler replaces the old one and
     * there is no way to remove it).
     */
    setNavigationBarRightButton(
      options: Call<{ title?: string; image?: string; handler?: (event?: Event) => void }>,
    ): void;
    /** §6.10. Never calls back. */
    closeWebApp(options?: NoParams): void;
    /** §6.9. Never calls back; a bare string is accepted; an empty message is dropped. */
    showFlashInfo(options: { msg: string } | string): void;
    /** §6.7. Resolves with the decoded text. */
    scanQRCode(options?: Call<{ scanType?: Array<'qrCode' | 'barCode'> }, string>): void;
    /**
     * §6.4. Unless both sizes are given, upsdk.js sets both to 500 × 1000 on
     * your object; `sourceType` 1 camera, 2 album, 3 either (default).
     */
    chooseImage(
      options?: Call<
        { maxWidth?: string | number; maxHeight?: string | number; sourceType?: '1' | '2' | '3' },
        { base64: string; type: string }
      >,
    ): void;
    /** §6.11. Success: the city's administrative division code, e.g. '440100'. */
    getLocationCity(options?: Call<NoParams, string>): void;
    /** §6.12. `transNo` from the server API verifyPwdSeqId (§5.3.1). */
    verifyPayPwd(options: Call<{ transNo: string; bizType?: string }>): void;
    /** §6.13. A JSON string on Android, an object on iOS. */
    getLocationGps(options?: Call<NoParams, string | GpsPosition>): void;
    /** §6.14. Never calls back. `shareUrl` defaults to the page, `picUrl` to the UnionPay logo. */
    showSharePopup(options: { title?: string; desc?: string; shareUrl?: string; picUrl?: string }): void;
    /** §6.15. `maxSize` in bytes; `sourceType` 00 video, 01 image, 02 both. */
    chooseFileFromAlbum(
      options: Call<
        { maxSize: string; sourceType: '00' | '01' | '02' },
        { url: string; size: string; filename: string },
        FileFailure
      >,
    ): void;
    /** §6.15. `url` from chooseFileFromAlbum. */
    readAlbumData(options: Call<ChunkParams & { url: string }, Chunk, FileFailure>): void;
    /** §6.16. `maxTime` in seconds. */
    startAudioRecording(options: Call<{ maxTime: string }, void, FileFailure>): void;
    stopAudioRecording(options?: Call<NoParams, void, FileFailure>): void;
    readAudioRecordingData(options: Call<ChunkParams, Chunk, FileFailure>): void;
    /** §6.17. Success when the user finished recording. */
    startVideoRecording(options: Call<{ maxTime: string }, void, FileFailure>): void;
    readVideoRecordingData(options: Call<ChunkParams, Chunk, FileFailure>): void;
    /** §6.18. The liveness-check video (mp4); the spec shows no params, demos pass the chunk ones. */
    readFaceVideoData(options?: Call<Partial<ChunkParams>, Chunk, FileFailure>): void;
    /** §6.18. The liveness-check image (jpg). */
    readFaceImageData(options?: Call<Partial<ChunkParams>, Chunk, FileFailure>): void;
    /** §6.19. */
    getScreenBrightness(options?: Call<NoParams, { brightness: string }>): void;
    /** §6.20. '0'…'1', one decimal. */
    setScreenBrightness(options: Call<{ brightness: string }, { brightness: string }>): void;
    /** §6.21, iOS only. `success` runs on each screenshot (the `screenShotAction` document event). */
    monitorScreenShot(options: { success?: (event?: Event) => void; fail?: (error: Failure) => void }): void;
    /** §6.22. Coordinates as strings. */
    navi(
      options: Call<{ sLat: string; sLon: string; sName: string; dLat: string; dLon: string; dName: string }>,
    ): void;
    /** §6.23.1. Everything else Bluetooth needs this first. */
    openBluetoothAdapter(options?: Call<NoParams, { isSupportBLE: YesNo }, CodeFailure>): void;
    closeBluetoothAdapter(options?: Call<NoParams>): void;
    getBluetoothAdapterState(options?: Call<NoParams, { available: YesNo; discovering: YesNo }>): void;
    startBluetoothDevicesDiscovery(
      options?: Call<ServiceFilter & { allowDuplicatesKey?: YesNo }, void, CodeFailure>,
    ): void;
    stopBluetoothDevicesDiscovery(
      options?: Call<ServiceFilter & { allowDuplicatesKey?: YesNo }, void, CodeFailure>,
    ): void;
    getBluetoothDevices(options?: Call<NoParams, { devices: BluetoothDevice[] }>): void;
    connectBLEDevice(options: Call<{ deviceId: string }, void, CodeFailure>): void;
    disconnectBLEDevice(options: Call<{ deviceId: string }, void, CodeFailure>): void;
    /** Lists devices only after a connection event said `connected: 'yes'`. */
    getConnectedBluetoothDevices(options?: Call<ServiceFilter, { devices: BluetoothDevice[] }>): void;
    /** The service fields are a table image in the spec: not typed. */
    getBLEDeviceServices(
      options: Call<{ deviceId: string }, { services: Array<Record<string, unknown>> }, CodeFailure>,
    ): void;
    /** The characteristic fields are a table image in the spec: not typed. */
    getBLEDeviceCharacteristics(
      options: Call<
        { deviceId: string; serviceId: string },
        { characteristics: Array<Record<string, unknown>> },
        CodeFailure
      >,
    ): void;
    /** `value` encoding (hex? base64?) is not documented. */
    writeBLECharacteristicValue(
      options: Call<CharacteristicRef & { value: string }, void, CodeFailure>,
    ): void;
    readBLECharacteristicValue(
      options: Call<
        CharacteristicRef,
        { characteristic: { characteristicId: string; serviceId: string; value: string } },
        CodeFailure
      >,
    ): void;
    /** `state` is reserved and has no effect. */
    notifyBLECharacteristicValueChange(
      options: Call<CharacteristicRef & { state?: string }, void, CodeFailure>,
    ): void;
    /** `callback` on the `BluetoothDeviceFound` document event; registering again replaces it. */
    registerBluetoothDeviceFound(
      options: Call<{ callback: (device: BluetoothDevice) => void }, void, CodeFailure>,
    ): void;
    /** Stops native delivery; the JS listener stays attached. */
    cancelBluetoothDeviceFound(options?: Call<NoParams, void, CodeFailure>): void;
    registerBLEConnectionStateChange(
      options: Call<{ callback: (state: { deviceId: string; connected: YesNo }) => void }, void, CodeFailure>,
    ): void;
    cancelBLEConnectionStateChange(options?: Call<NoParams, void, CodeFailure>): void;
    registerBLECharacteristicValueChange(
      options: Call<{ callback: (change: CharacteristicRef & { value: string }) => void }, void, CodeFailure>,
    ): void;
    cancelBLECharacteristicValueChange(options?: Call<NoParams, void, CodeFailure>): void;
    /** `state` values are a table image in the spec. */
    registerBluetoothAdapterStateChange(
      options: Call<{ callback: (change: { state: string }) => void }, void, CodeFailure>,
    ): void;
    cancelBluetoothAdapterStateChange(options?: Call<NoParams, void, CodeFailure>): void;
    openBluetoothSetting(options?: Call<NoParams>): void;
    /** §6.24.1. code 0000 ok, 1001 no NFC, 1002 NFC off, 1003 no HCE, 1004 not the default NFC app. */
    getHCEState(options?: Call<NoParams, HceResult>): void;
    /** §6.24.2. `aidList`: comma-separated AIDs, each 10–32 chars of 0-9A-F. */
    startHCE(options: Call<{ aidList: string }, HceResult>): void;
    /** §6.24.3 (printed `stoptHCE` in a heading; the plugin is `stopHCE`). */
    stopHCE(options?: Call<NoParams, HceResult>): void;
    /** §6.24.4. Messages from the reader; payload beyond code/msg not documented. */
    onHCEMessage(options?: Call<NoParams, HceResult>): void;
    /** §6.24.5. `data`: "binary made of 0 and 1" per the spec; format not verified. */
    sendHCEMessage(options: Call<{ data: string }, HceResult>): void;
    openNFCSetting(options?: Call<NoParams, unknown>): void;
  }

  /** The `upsdk` global. */
  interface Upsdk extends SpecPlugins, AppletPlugins {
    /** Unlock the plugins for this page URL (§6.2). */
    config(options: ConfigOptions): void;
    /**
     * Runs `callback`, with no argument, at once if any earlier config
     * succeeded (even for another URL, even while a newer one is being
     * verified); otherwise queues it. The queue is never cleared: every later
     * successful config runs every queued callback again.
     */
    ready(callback: () => void): void;
    /**
     * If the last config failed, runs `callback` at once with that failure
     * and does not keep it; otherwise it replaces the one stored handler.
     */
    error(callback: (error: Failure) => void): void;
    /** The plugins the last successful config permitted, flattened from native's answer. */
    readonly jsApiList?: string[];
    /** Mini-programs: runs when the bridge is loaded; no config needed. */
    pluginReady(callback: () => void): void;
    /** Whether the user agent is the UnionPay app's. */
    readonly isInsideWallet: boolean;
    /** Whether the app version supports the SDK (`(version N)` ≥ 422). */
    readonly checkSdkSupport: boolean;
    /** Other plugins of newer upsdk.js versions, untyped. */
    readonly [plugin: string]: unknown;
  }
}

/** The vendor global installed by upsdk.js (or upsdk-kit's simulator). */
declare const upsdk: UpsdkRaw.Upsdk;
