export { installSimulator } from './install.js';
export type { Simulator, SimulatorOptions } from './install.js';
export type { RawCall } from './call-log.js';
export { nativeRoute } from './native-routes.js';
export type { NativeRoute } from './native-routes.js';
export type { FakeCordova, NativeStatus } from './native-layer.js';
export type { Fault, FailureShape } from './faults.js';
export { FAULT_PRESETS } from './fault-presets.js';
export type { FaultPreset } from './fault-presets.js';
export type {
  Outcome,
  PluginBehaviour,
  PluginBehaviours,
  SimulatedPlatform,
  SimulationContext,
} from './family.js';
export { simulatedUserAgent } from './user-agent.js';
export { createSimulatedSigner } from './simulated-signer.js';
export type { SimulatedSignerOptions } from './simulated-signer.js';
export {
  createFakeOpenPlatform,
  SIMULATED_APP_ID,
  SIMULATED_FRONT_TOKEN,
  SIMULATED_SECRET,
} from './open-platform.js';
export type { FakeOpenPlatform, FakeOpenPlatformOptions, TokenKind, UpstreamFault } from './open-platform.js';
export { ListenerRegistry, listenerPair, listensTo } from './listeners.js';
export type { DocumentListenerSpec } from './listeners.js';
export { ok, failWith, silent } from './family.js';
export {
  SIMULATED_SYMMETRIC_KEY,
  SIMULATED_USER,
  APPLET_CODE_PREFIX,
  simulatedAppletCode,
} from './open-platform-user.js';
export type {
  SimulatedUser,
  FakeUserPlatform,
  FakeUserPlatformOptions,
  UserApi,
} from './open-platform-user.js';
export { encrypt3des } from './triple-des.js';
export type {
  FilesController,
  DeviceFileSlot,
  ChunkedSourceName,
  ChunkFault,
  FinishedFlagStyle,
} from './families/files-controller.js';
export type { VirtualFile, VirtualFileInit } from './families/virtual-file.js';
export { BLE_SIM_CODES, DEMO_HEART_RATE_MONITOR } from './families/bluetooth-peripherals.js';
export type {
  BluetoothSimOptions,
  CharacteristicAddress,
  SimulatedBluetooth,
  SimulatedWrite,
  VirtualCharacteristic,
  VirtualPeripheral,
  VirtualService,
} from './families/bluetooth-peripherals.js';
export { HCE_SIM_MESSAGES } from './families/hce-controller.js';
export type { HceCode, HceSimOptions, SimulatedHce } from './families/hce-controller.js';
export type { SimulatedUi, PayOutcome } from './families/ui-state.js';
export { installWeChatBridge, weChatUserAgent } from './wallets/wechat.js';
export type { WeChatOutcome, WeChatSimOptions } from './wallets/wechat.js';
export { installAlipayBridge, ALIPAY_USER_AGENT } from './wallets/alipay.js';
export type { AlipayOutcome, AlipaySimOptions } from './wallets/alipay.js';
export type {
  SimulatedWallet,
  WalletCall,
  WalletFault,
  WalletReadiness,
  WalletSimOptions,
} from './wallets/wallet-bridge.js';
export {
  createFakePreOrderGateway,
  SIMULATED_AGENT_ID,
  SIMULATED_MCH_ID,
  SIMULATED_MCH_KEY,
  SIMULATED_WECHAT_PAY_KEY,
} from './preorder-gateway.js';
export type {
  Delivery as GatewayDelivery,
  FakePreOrderGateway,
  FakePreOrderGatewayOptions,
  GatewayFault,
  GatewayOrder,
  NotificationAttempt,
} from './preorder-gateway.js';
export { SIMULATED_REFUND_CARD } from './open-platform-services.js';
export type {
  FakeServiceOptions,
  FakeServicePlatform,
  PayPasswordVerification,
  ServiceApi,
  SimulatedContract,
} from './open-platform-services.js';
export type { FakeMarketing, MarketingOptions, SimulatedRedPacket } from './open-platform-marketing.js';
export type { Delivery, DeliveryOptions, NotificationMethod } from './notifier.js';
