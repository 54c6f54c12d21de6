/** Runs `run` once the page's main thread is idle (after at most `timeoutMs`); where there is no idle callback (a worker), soon. */
export function whenIdle(run: () => void, timeoutMs = 3000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: timeoutMs });
  else setTimeout(run, 200);
}
