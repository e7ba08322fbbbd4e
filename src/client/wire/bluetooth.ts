/**
 * Raw Bluetooth (BLE) plugins of spec §6.23, as the bridge sends and answers
 * them: flags are `'yes'`/`'no'` (any case), numbers and values are strings,
 * optional fields must be omitted rather than sent empty.
 */

/** A Bluetooth flag on the wire (`'yes'`/`'no'`, any case). */
export type WireFlag = string;

/** A device as `getBluetoothDevices` and `BluetoothDeviceFound` report it. */
export interface WireBluetoothDevice {
  readonly deviceId: string;
  readonly name?: string | undefined;
  readonly localName?: string | undefined;
  /** Signal strength in dBm, often as a string. */
  readonly RSSI?: string | number | undefined;
  readonly manufacturerData?: string | undefined;
  readonly advertisServiceUUIDs?: readonly string[] | undefined;
}

/** Identifies one characteristic of a connected device. */
export interface WireCharacteristicRef {
  readonly deviceId: string;
  readonly serviceId: string;
  readonly characteristicId: string;
}

/** Discovery filters of start/stop discovery. */
export interface WireDiscoveryParams {
  readonly services?: readonly string[] | undefined;
  readonly allowDuplicatesKey?: WireFlag | undefined;
}

/**
 * The §6.23 entries of `UpsdkPluginMap`.
 *
 * @example
 * ```ts
 * const { isSupportBLE } = await client.call('openBluetoothAdapter'); // 'yes' | 'no'
 * ```
 */
export interface BluetoothPluginMap {
  openBluetoothAdapter: { params: Record<string, never>; result: { isSupportBLE: WireFlag } };
  closeBluetoothAdapter: { params: Record<string, never>; result: void };
  getBluetoothAdapterState: {
    params: Record<string, never>;
    result: { available: WireFlag; discovering: WireFlag };
  };
  startBluetoothDevicesDiscovery: { params: WireDiscoveryParams; result: void };
  stopBluetoothDevicesDiscovery: { params: WireDiscoveryParams; result: void };
  getBluetoothDevices: { params: Record<string, never>; result: { devices: WireBluetoothDevice[] } };
  connectBLEDevice: { params: { deviceId: string }; result: void };
  disconnectBLEDevice: { params: { deviceId: string }; result: void };
  getConnectedBluetoothDevices: {
    params: { services?: readonly string[] | undefined };
    result: { devices: WireBluetoothDevice[] };
  };
  getBLEDeviceServices: {
    params: { deviceId: string };
    result: { services: { uuid: string; isPrimary?: WireFlag | boolean | undefined }[] };
  };
  getBLEDeviceCharacteristics: {
    params: { deviceId: string; serviceId: string };
    result: {
      characteristics: {
        uuid: string;
        properties?:
          Partial<Record<'read' | 'write' | 'notify' | 'indicate', WireFlag | boolean>> | undefined;
      }[];
    };
  };
  writeBLECharacteristicValue: { params: WireCharacteristicRef & { value: string }; result: void };
  readBLECharacteristicValue: {
    params: WireCharacteristicRef;
    result: { characteristic: { characteristicId: string; serviceId: string; value: string } };
  };
  notifyBLECharacteristicValueChange: {
    params: WireCharacteristicRef & { state?: WireFlag | undefined };
    result: void;
  };
  registerBluetoothDeviceFound: { params: Record<string, never>; result: void };
  cancelBluetoothDeviceFound: { params: Record<string, never>; result: void };
  registerBLEConnectionStateChange: { params: Record<string, never>; result: void };
  cancelBLEConnectionStateChange: { params: Record<string, never>; result: void };
  registerBLECharacteristicValueChange: { params: Record<string, never>; result: void };
  cancelBLECharacteristicValueChange: { params: Record<string, never>; result: void };
  registerBluetoothAdapterStateChange: { params: Record<string, never>; result: void };
  cancelBluetoothAdapterStateChange: { params: Record<string, never>; result: void };
  openBluetoothSetting: { params: Record<string, never>; result: void };
}
