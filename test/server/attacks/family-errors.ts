/** Which error class each family answers with, and how to catch it. */
import { expect } from 'vitest';
import { UpstreamError } from '../../../src/server/index.js';
import { OpenApiError } from '../../../src/server/open-platform/index.js';
import { PreOrderError } from '../../../src/server/preorder/index.js';

/** The family's own error class, by the name `familyCalls` gives the call. */
export const errorClassOf = (
  call: string,
): typeof UpstreamError | typeof OpenApiError | typeof PreOrderError =>
  call.startsWith('signer') ? UpstreamError : call.startsWith('pre-order') ? PreOrderError : OpenApiError;

/** The rejection of `promise` (a resolution fails the test), checked to be of the family's class. */
export async function rejection(
  call: string,
  promise: Promise<unknown>,
): Promise<{ code: string; message: string }> {
  const outcome: unknown = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => error,
  );
  expect(outcome, `${call} should fail`).toBeInstanceOf(errorClassOf(call));
  return outcome as { code: string; message: string };
}
