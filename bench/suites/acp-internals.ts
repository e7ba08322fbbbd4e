// The internal ACP functions the acp bench measures (bundled by bench/suites/acp.mjs with esbuild).
export { signedRequest } from '../../src/server/acp/round-trip.js';
export { createVerifier } from '../../src/server/acp/trust.js';
export { signingIdentity } from '../../src/server/acp/signing-key.js';
export { TRANSACTIONS } from '../../src/server/acp/fields.js';
