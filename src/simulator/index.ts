export { installSimulator, SIMULATED_FRONT_TOKEN } from './install.js';
export type { Simulator, SimulatorOptions } from './install.js';
export type { RawCall } from './fake-bridge.js';
export type { Fault, FailureShape } from './faults.js';
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
export { createFakeOpenPlatform, SIMULATED_APP_ID, SIMULATED_SECRET } from './open-platform.js';
export type { FakeOpenPlatform, FakeOpenPlatformOptions, TokenKind, UpstreamFault } from './open-platform.js';
export { ListenerRegistry, listenerPair } from './listeners.js';
export { ok, failWith, silent } from './family.js';
export type {
  FilesController,
  DeviceFileSlot,
  ChunkedSourceName,
  ChunkFault,
  FinishedFlagStyle,
} from './families/files-controller.js';
export type { VirtualFile, VirtualFileInit } from './families/virtual-file.js';
