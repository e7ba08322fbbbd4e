/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after the
 * default reporter's output, so any CI that reads closing lines can count.
 */
import type { Reporter, RunnerTask, RunnerTestFile } from 'vitest/node';

function count(tasks: readonly RunnerTask[], totals: Record<'passed' | 'failed' | 'skipped', number>): void {
  for (const task of tasks) {
    if (task.type === 'suite') count(task.tasks, totals);
    else if (task.result?.state === 'pass') totals.passed += 1;
    else if (task.result?.state === 'fail') totals.failed += 1;
    else totals.skipped += 1;
  }
}

export default class SummaryReporter implements Reporter {
  onFinished(files: readonly RunnerTestFile[] = []): void {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    count(files, totals);
    console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  }
}
