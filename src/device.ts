/** `upsdk-kit/device`: scanner, camera/album image, screen brightness, screenshots (spec §6.4, §6.7, §6.19–§6.21). */
export { scanQRCode, chooseImage, getScreenBrightness, setScreenBrightness } from './plugins/device/index.js';
export type { ChooseImageInput, ImageSource } from './plugins/device/index.js';
export type { ScanType } from './client/wire/device.js';
export { monitorScreenShot } from './plugins/ui-events.js';
export { ChosenImage } from './plugins/device/image.js';
