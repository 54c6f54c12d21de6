/**
 * The search entry of the app shell: a button in the title bar, Ctrl+K anywhere, Ctrl+F inside
 * a council (the search starts scoped to it). It also keeps the index following the change log
 * and marks the element a search result landed on.
 */
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Button, Tooltip } from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import type { SearchHit } from '../../../../shared/search/types';
import { useLiveQuery } from '../../data/live';
import { draftOfVersion, latestSeq } from './data';
import { notifySearchChanged, startSearchWorker } from './client';
import { targetOf, useHighlightOnPage } from './highlight';
import { NO_FILTERS, type FilterValues } from './SearchFilters';
import { SearchDialog } from './SearchDialog';

/**
 * The index is loaded or built once start is over: after the first screen is shown, this delay
 * and the next idle moment, so on a large installation it does not compete with the first screen
 * for the database and the CPU (Ctrl+K starts it at once).
 */
const START_DELAY_MS = 5000;
const HIGHLIGHT_CSS =
  '[data-search-highlight]{outline:3px solid #f7b500 !important;outline-offset:-3px;background-color:#fff8d6 !important;}';

export function SearchLauncher({ firstScreenShown }: { firstScreenShown: boolean }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [initial, setInitial] = useState<FilterValues>(NO_FILTERS);
  const seq = useLiveQuery(latestSeq, []);
  useHighlightOnPage();

  // the index is built in the worker after start, then follows every write
  useEffect(() => {
    if (!firstScreenShown) return;
    let idle = 0;
    const timer = setTimeout(() => {
      idle = requestIdleCallback(() => startSearchWorker(), { timeout: 5000 });
    }, START_DELAY_MS);
    return () => {
      clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, [firstScreenShown]);
  useEffect(() => {
    if (seq !== undefined) notifySearchChanged();
  }, [seq]);

  const councilId = /^\/councils\/([^/]+)/.exec(pathname)?.[1] ?? '';
  const show = useCallback((scope: string) => {
    startSearchWorker();
    setInitial({ ...NO_FILTERS, councilId: scope });
    setOpen(true);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 'k') {
        e.preventDefault();
        show('');
      } else if (key === 'f' && councilId) {
        e.preventDefault();
        show(councilId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [councilId, show]);

  const openHit = async (hit: SearchHit) => {
    const target = targetOf(hit.doc);
    let path = target.path;
    if (target.versionId) {
      const draftId = await draftOfVersion(target.versionId);
      path = path.replace('{draft}', draftId ?? '');
    }
    setOpen(false);
    navigate(path);
  };

  return (
    <>
      <style>{HIGHLIGHT_CSS}</style>
      <Tooltip content="検索（Ctrl+K、審議会の中では Ctrl+F でその審議会を検索）" relationship="description">
        <Button
          appearance="transparent"
          icon={<Search20Regular />}
          style={{ color: 'white' }}
          onClick={() => show('')}
          aria-keyshortcuts="Control+K"
        >
          検索
        </Button>
      </Tooltip>
      <SearchDialog open={open} onClose={() => setOpen(false)} initial={initial} onOpenHit={(h) => void openHit(h)} />
    </>
  );
}
