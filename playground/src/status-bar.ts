/**
 * The sticky status bar at the bottom of the screen: what the page is doing
 * now. A call that starts replaces the previous outcome at once (so an old
 * success never stands for a call still running), and its outcome replaces
 * it when it ends.
 */

type Tone = 'ok' | 'error' | 'pending';

/** Show `text` in the status bar in `tone`. */
export function showStatus(text: string, tone: Tone): void {
  const latest = document.getElementById('latest');
  if (!latest) return;
  latest.textContent = text;
  latest.className = `latest ${tone}`;
  latest.title = text; // the whole line, where the bar clamps it
  latest.hidden = false;
}

/** The status bar says `label` is running. */
export const showRunning = (label: string): void => showStatus(`${label} … running`, 'pending');
