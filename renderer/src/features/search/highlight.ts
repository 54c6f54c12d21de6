/**
 * Landing on a search hit: the target screen's address carries `?highlight=<id>`. The shell
 * (through SearchLauncher) finds the element of that id on the page, scrolls it into view and
 * marks it; a screen whose list is virtualised also selects the row with `useSelectHighlighted`.
 */
import { useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import type { SearchDoc } from '../../../../shared/search/types';

export const HIGHLIGHT_PARAM = 'highlight';
const MARK_ATTR = 'data-search-highlight';

/** The id a search result asked this screen to show (null: none). */
export function useHighlightId(): string | null {
  const [params] = useSearchParams();
  return params.get(HIGHLIGHT_PARAM);
}

/** Selects the highlighted item once it is in the list (for virtualised lists: the row may not exist yet). */
export function useSelectHighlighted<T extends { id: string }>(
  items: readonly T[] | undefined,
  select: (index: number) => void,
): void {
  const id = useHighlightId();
  const index = id && items ? items.findIndex((item) => item.id === id) : -1;
  useEffect(() => {
    if (index >= 0) select(index);
  }, [id, index, select]);
}

/** Where a doc is shown: a path (with the highlight) and, for a frozen version, the version id to resolve. */
export function targetOf(doc: SearchDoc): { path: string; versionId?: string } {
  const [ref = '', part = ''] = splitKey(doc.key);
  const id = ref.slice(ref.indexOf(':') + 1);
  const council = `/councils/${doc.councilId}`;
  const hl = (value: string) => `?${HIGHLIGHT_PARAM}=${encodeURIComponent(value)}`;
  switch (doc.kind) {
    case 'remark':
      return { path: `/meetings/${doc.meetingId}/live${hl(id)}` };
    case 'minutes':
      return { path: `/meetings/${doc.meetingId}/minutes${hl(part)}` };
    case 'opinion':
      return { path: `${council}/opinions${hl(id)}` };
    case 'draft':
      return { path: `${council}/vision/${id}${hl(part)}` };
    case 'draft-version':
      return { path: `${council}/vision/{draft}/versions/${id}${hl(part)}`, versionId: id };
    case 'member':
    case 'staff':
      return { path: `${council}/members${hl(id)}` };
    default: // meeting, agenda, material
      return { path: `${council}/meetings/${doc.meetingId}${part ? hl(part.slice(part.indexOf('/') + 1)) : ''}` };
  }
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return slash === -1 ? [key, ''] : [key.slice(0, slash), key.slice(slash + 1)];
}

const selectorsFor = (id: string) => {
  const v = CSS.escape(id);
  return [
    `#remark-${v}`,
    `[data-opinion-id="${v}"]`,
    `[data-paragraph="${v}"]`,
    `[data-search-id="${v}"]`,
    `[data-section-id="${v}"]`,
  ].join(', ');
};

/** How long the mark stays on the element a search result landed on. */
export const HIGHLIGHT_MS = 6000;

/**
 * Marks the highlighted element once it appears (up to a few seconds after navigation): it is
 * scrolled into view, marked (`data-search-highlight`, styled by the shell) and, when it takes
 * the keyboard (a row with a tabindex: a member, a draft section), focused. The mark goes after
 * HIGHLIGHT_MS or when the address changes. A remark row is not focusable: the live page keeps
 * its entry line.
 */
export function useHighlightOnPage(): void {
  const { search, pathname } = useLocation();
  useEffect(() => {
    const id = new URLSearchParams(search).get(HIGHLIGHT_PARAM);
    if (!id) return;
    let frames = 0;
    let raf = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let marked: HTMLElement | null = null;
    const find = () => {
      const el = document.querySelector<HTMLElement>(selectorsFor(id));
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.setAttribute(MARK_ATTR, '');
        if (el.hasAttribute('tabindex')) el.focus({ preventScroll: true });
        marked = el;
        timer = setTimeout(() => el.removeAttribute(MARK_ATTR), HIGHLIGHT_MS);
        return;
      }
      if (frames++ < 300) raf = requestAnimationFrame(find);
    };
    raf = requestAnimationFrame(find);
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(timer);
      marked?.removeAttribute(MARK_ATTR);
    };
  }, [search, pathname]);
}
