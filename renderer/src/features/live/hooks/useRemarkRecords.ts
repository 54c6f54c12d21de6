/**
 * The meeting's remarks on the live screen: read once, then kept in step with this screen's own
 * writes (re-reading thousands of remarks after every commit would make the typist wait). Other
 * windows announce their writes on a channel; coming back into view also re-reads.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Remark } from '../../../../../shared/domain';
import { useNotify } from '../../../app/notify';
import { applyChange, remarkStore, type Change } from '../data';

/** Live screens in other windows re-read a meeting's remarks when this announces a write. */
const REMARKS_CHANNEL = 'shingikai-desk:remarks';

export function useRemarkRecords(meetingId: string) {
  const notify = useNotify();
  const [stored, setStored] = useState<Remark[] | undefined>(undefined);
  /** Committed on screen, still being written. */
  const [pending, setPending] = useState<Remark[]>([]);
  const remarks = useMemo(() => {
    const base = stored ?? [];
    if (!pending.length) return base;
    const tail = new Set(base.slice(-Math.max(64, pending.length * 2)).map((r) => r.id));
    const extra = pending.filter((p) => !tail.has(p.id));
    return extra.length ? [...base, ...extra] : base;
  }, [stored, pending]);
  const remarksRef = useRef(remarks);
  remarksRef.current = remarks;
  const nextOrder = useRef(1);
  useEffect(() => {
    const last = stored?.[stored.length - 1];
    if (last && last.order + 1 > nextOrder.current) nextOrder.current = Math.floor(last.order) + 1;
  }, [stored]);
  const channel = useRef<BroadcastChannel | null>(null);
  const applyLocal = useCallback(
    (change: Change) => {
      setStored((list) => (list ? applyChange(list, change) : list));
      channel.current?.postMessage({ meetingId });
    },
    [meetingId],
  );

  useEffect(() => {
    let live = true;
    const load = () =>
      remarkStore.load(meetingId).then(
        (list) => {
          if (live) setStored(list);
        },
        (error: unknown) => notify.error(error, '記録を読み込めませんでした'),
      );
    void load();
    const ch = 'BroadcastChannel' in window ? new BroadcastChannel(REMARKS_CHANNEL) : null;
    channel.current = ch;
    if (ch)
      ch.onmessage = (e: MessageEvent<{ meetingId?: string }>) => {
        if (e.data?.meetingId === meetingId) void load();
      };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      ch?.close();
      if (channel.current === ch) channel.current = null;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [meetingId, notify]);

  return { loaded: stored !== undefined, remarks, remarksRef, nextOrder, setPending, applyLocal };
}
