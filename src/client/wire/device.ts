/** Wire shapes of the device plugins (§6.4, §6.7, §6.19–§6.21). Type-only: the core's typed `call` reads them without importing the family. */

/** Code kinds the scanner accepts. */
export type ScanType = 'qrCode' | 'barCode';

/** Wire shapes of the device plugins, as `client.call` sends them. */
export interface DevicePluginMap {
  scanQRCode: { params: { scanType?: ScanType[] | undefined }; result: string };
  chooseImage: {
    params: {
      maxWidth?: string | undefined;
      maxHeight?: string | undefined;
      sourceType?: '1' | '2' | '3' | undefined;
    };
    result: { base64: string; type: string };
  };
  getScreenBrightness: { params: Record<string, never>; result: { brightness: string } };
  setScreenBrightness: {
    params: { brightness: string };
    result: { brightness?: string | undefined } | undefined;
  };
  monitorScreenShot: { params: Record<string, never>; result: void };
}
