/** Catching an expected error of a given class in login tests (fails the test for anything else). */

type ErrorClass<E> = abstract new (...args: never[]) => E;

const unexpected = (type: ErrorClass<unknown>, got: unknown): Error =>
  new Error(
    `expected a ${type.name}, got ${got instanceof Error ? `${got.name}: ${got.message}` : String(got)}`,
  );

/** The error `run` throws, which must be a `type`. */
export function thrown<E>(type: ErrorClass<E>, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw unexpected(type, error);
  }
  throw unexpected(type, 'no error');
}

/** The rejection of `promise`, which must be a `type`. */
export async function rejected<E>(type: ErrorClass<E>, promise: Promise<unknown>): Promise<E> {
  const outcome = await promise.then(
    () => unexpected(type, 'a fulfilled promise'),
    (error: unknown) => error,
  );
  if (outcome instanceof type) return outcome;
  throw outcome instanceof Error && outcome.message.startsWith('expected a')
    ? outcome
    : unexpected(type, outcome);
}
