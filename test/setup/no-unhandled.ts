import { afterEach, vi } from 'vitest';

// Vitest already fails the run on an unhandled rejection; this names the test that leaked it.
const leaked: unknown[] = [];
const record = (reason: unknown): void => {
  leaked.push(reason);
};
process.on('unhandledRejection', record);

afterEach(async () => {
  vi.useRealTimers();
  // Let rejections that were queued during the test surface before we look.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (leaked.length > 0) {
    const reasons = leaked.splice(0);
    throw new Error(`unhandled rejection during this test: ${reasons.map(String).join('; ')}`);
  }
});
