// The package's naming convention for its internal properties: a letter first, one `_` last
// (`hub_`, `toParams_`). Such a name is never public and never on the wire, so the IIFE build
// (rollup.config.mjs) shortens it; test/build/private-properties.test.ts checks that no public
// declaration uses the convention.
export const PRIVATE_PROPERTY = /^[A-Za-z]\w*[^\W_]_$/;
