/**
 * `upsdk-kit/events`: `events(client)`, the page's typed listener events
 * (`rightButtonClick`, `screenshot`), and `NativeEvents`, the emitter that
 * turns a vendor register/cancel pair into typed events and async iterators.
 */
export { events } from './plugins/ui-emitter.js';
export type { UiEvents } from './plugins/ui-events.js';
export { NativeEvents } from './events/native-events.js';
export type {
  NativeEventSpec,
  NativeEventSpecs,
  EventPayloads,
  ListenerMap,
  IterateOptions,
} from './events/native-events.js';
