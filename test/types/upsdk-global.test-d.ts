/*
 * The raw global of types/upsdk.d.ts: that folder is part of this project's tsconfig, as
 * `/// <reference types="upsdk-kit/upsdk" />` makes it part of a user's.
 */
import { describe, expectTypeOf, it } from 'vitest';

describe('the raw upsdk global', () => {
  it('types config and the lifecycle callbacks', () => {
    upsdk.config({ appId: 'a', timestamp: '1556096162', nonceStr: 'n', signature: 's', debug: true });
    // @ts-expect-error signature is required
    upsdk.config({ appId: 'a', timestamp: '1', nonceStr: 'n' });
    upsdk.ready((...args) => expectTypeOf(args).toEqualTypeOf<[]>());
    expectTypeOf(upsdk.jsApiList).toEqualTypeOf<string[] | undefined>();
    upsdk.error((error) => expectTypeOf(error).toEqualTypeOf<UpsdkRaw.Failure>());
    upsdk.pluginReady(() => undefined);
  });

  it('types each plugin with its stringly params and callback payloads', () => {
    upsdk.pay({
      tn: 't',
      success: () => undefined,
      fail: (error) => expectTypeOf(error.msg).toEqualTypeOf<string>(),
    });
    // @ts-expect-error tn is required
    upsdk.pay({});
    upsdk.getLocationGps({
      success: (position) => expectTypeOf(position).toEqualTypeOf<string | UpsdkRaw.GpsPosition>(),
    });
    upsdk.chooseImage({
      sourceType: '2',
      success: (image) => expectTypeOf(image).toEqualTypeOf<{ base64: string; type: string }>(),
    });
    // @ts-expect-error sourceType is '1' | '2' | '3'
    upsdk.chooseImage({ sourceType: 'album' });
    // @ts-expect-error brightness travels as a string
    upsdk.setScreenBrightness({ brightness: 0.5 });
    upsdk.readAlbumData({
      url: 'u',
      bufferSize: '524288',
      fromOffset: '0',
      success: (chunk) => expectTypeOf(chunk.isFinished).toEqualTypeOf<'0' | '1'>(),
      fail: (error) => expectTypeOf(error.code).toEqualTypeOf<'00' | '01' | '02' | '03' | '04' | '07'>(),
    });
    upsdk.registerBLEConnectionStateChange({
      callback: (state) => expectTypeOf(state.connected).toEqualTypeOf<UpsdkRaw.YesNo>(),
    });
    upsdk.setNavigationBarTitle('a bare string works too');
    upsdk.openApplet({
      appId: 'a',
      isFinish: '1',
      fail: (code) => expectTypeOf(code).toEqualTypeOf<string>(),
    });
  });

  it('declares all 54 spec plugins', () => {
    expectTypeOf<keyof UpsdkRaw.SpecPlugins>().toEqualTypeOf<
      | 'pay'
      | 'addBankCard'
      | 'setNavigationBarTitle'
      | 'setNavigationBarRightButton'
      | 'closeWebApp'
      | 'showFlashInfo'
      | 'scanQRCode'
      | 'chooseImage'
      | 'getLocationCity'
      | 'verifyPayPwd'
      | 'getLocationGps'
      | 'showSharePopup'
      | 'chooseFileFromAlbum'
      | 'readAlbumData'
      | 'startAudioRecording'
      | 'stopAudioRecording'
      | 'readAudioRecordingData'
      | 'startVideoRecording'
      | 'readVideoRecordingData'
      | 'readFaceVideoData'
      | 'readFaceImageData'
      | 'getScreenBrightness'
      | 'setScreenBrightness'
      | 'monitorScreenShot'
      | 'navi'
      | 'openBluetoothAdapter'
      | 'closeBluetoothAdapter'
      | 'getBluetoothAdapterState'
      | 'startBluetoothDevicesDiscovery'
      | 'stopBluetoothDevicesDiscovery'
      | 'getBluetoothDevices'
      | 'connectBLEDevice'
      | 'disconnectBLEDevice'
      | 'getConnectedBluetoothDevices'
      | 'getBLEDeviceServices'
      | 'getBLEDeviceCharacteristics'
      | 'writeBLECharacteristicValue'
      | 'readBLECharacteristicValue'
      | 'notifyBLECharacteristicValueChange'
      | 'registerBluetoothDeviceFound'
      | 'cancelBluetoothDeviceFound'
      | 'registerBLEConnectionStateChange'
      | 'cancelBLEConnectionStateChange'
      | 'registerBLECharacteristicValueChange'
      | 'cancelBLECharacteristicValueChange'
      | 'registerBluetoothAdapterStateChange'
      | 'cancelBluetoothAdapterStateChange'
      | 'openBluetoothSetting'
      | 'getHCEState'
      | 'startHCE'
      | 'stopHCE'
      | 'onHCEMessage'
      | 'sendHCEMessage'
      | 'openNFCSetting'
    >();
  });

  it('leaves plugins it does not know as unknown', () => {
    expectTypeOf(upsdk['someFuturePlugin']).toEqualTypeOf<unknown>();
  });
});
