/** Small helpers around AbortSignal shared by calls, streams and iterators (built on settle-once). */
export { abortReason, raceAbort } from './settle-once.js';
