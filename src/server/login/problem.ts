/**
 * Error answers of the login endpoint: the signer's RFC 9457 problem
 * details, as a web-standard `Response`.
 */
import { problem as plainProblem, type ProblemInit } from '../problem.js';
import { toWebResponse } from '../plain-http.js';

export type { ProblemInit };

/** A problem+json response with `status`. */
export function problem(status: number, init: ProblemInit): Response {
  return toWebResponse(plainProblem(status, init));
}
