/**
 * When the first screen has been shown: the main area has content and nothing in it is
 * still loading (no progress spinner). Start-up work that is not needed for that screen
 * (the search index) waits for it, so a large installation's first screen does not compete
 * with it for the database and the CPU (bench/start-big.bench.ts).
 */
import { useEffect, useState, type RefObject } from 'react';

const LOADING = '[role="progressbar"]';

/** Whether `main` shows a screen with nothing loading in it. */
export function screenShown(main: Element): boolean {
  return main.childElementCount > 0 && main.querySelector(LOADING) === null;
}

/** true once the element has shown a screen (and stays true). */
export function useFirstScreenShown(ref: RefObject<Element | null>): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const main = ref.current;
    if (shown || !main) return;
    const done = () => {
      performance.mark('app:first-screen');
      setShown(true);
    };
    if (screenShown(main)) return done();
    const observer = new MutationObserver(() => {
      if (!screenShown(main)) return;
      observer.disconnect();
      done();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref, shown]);
  return shown;
}
