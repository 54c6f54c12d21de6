/**
 * Ctrl+P on a view with a printable document: prints the page with the print stylesheet
 * (global.css @media print keeps the view's [data-print-doc] area only). In browser mode this
 * is the browser's printing; in Electron the same call prints the window.
 */
import { useEffect } from 'react';

export const PRINT_DOC = { 'data-print-doc': '' } as const;

export function usePrintShortcut(enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.key !== 'p' && e.key !== 'P') return;
      e.preventDefault();
      window.print();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
