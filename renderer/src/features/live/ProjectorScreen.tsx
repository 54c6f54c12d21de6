/**
 * The projector view: the council, the agenda item under discussion and its remarks in
 * large type, speakers labelled by the council's publication rule, 非公開 never shown.
 * It follows the live screen through IndexedDB (liveQuery also sees other windows' writes).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useParams } from 'react-router-dom';
import { makeStyles } from '@fluentui/react-components';
import { meetingTitle } from '../../ui/format';
import { isPublicForProjector, projectorSpeaker, projectorText } from '../../../../shared/publication/projector';
import { useProjectorRecords } from './data';

/** The last lines are enough on a wall; older ones scroll off anyway. */
const SHOWN = 40;

const useStyles = makeStyles({
  root: {
    height: '100vh',
    display: 'flex',
    flexDirection: 'column',
    boxSizing: 'border-box',
    padding: '2.5vh 4vw',
    backgroundColor: '#101418',
    color: '#f4f6f8',
    overflow: 'hidden',
    fontSize: 'clamp(22px, 2.6vw, 56px)',
    lineHeight: 1.55,
  },
  council: { fontSize: '0.6em', color: '#aab4be' },
  item: {
    fontSize: '1.25em',
    fontWeight: 700,
    borderBottom: '3px solid #3b8eea',
    paddingBottom: '0.3em',
    marginBottom: '0.4em',
  },
  list: { flex: 1, overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: '0.45em', scrollbarWidth: 'none' },
  remark: { display: 'flex', gap: '0.6em', alignItems: 'baseline' },
  who: { color: '#8fc3ff', fontWeight: 700, whiteSpace: 'nowrap', flexShrink: 0 },
  kind: {
    fontSize: '0.6em',
    color: '#ffd479',
    border: '1px solid #ffd479',
    borderRadius: '4px',
    padding: '0 0.3em',
    whiteSpace: 'nowrap',
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  empty: { color: '#7d8790' },
});

export function ProjectorScreen() {
  const s = useStyles();
  const { meetingId = '' } = useParams();
  const data = useProjectorRecords(meetingId);

  const view = useMemo(() => {
    if (!data) return null;
    const { meeting, council, members, staff, itemId, ofItem } = data;
    const item = meeting.agenda.find((a) => a.id === itemId) ?? null;
    const ctx = { council, members, staff, meeting };
    // Public remarks only (never メモ, 非公開, 要確認 or a closed item), speakers by their stored public label.
    const lines = ofItem
      .filter((r) => isPublicForProjector(r, meeting))
      .slice(-SHOWN)
      .map((r) => ({ id: r.id, kind: r.kind, text: projectorText(r, ctx), who: projectorSpeaker(r, ctx) }));
    return { council, meeting, item, lines };
  }, [data]);

  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [view]);
  useEffect(() => {
    document.title = '審議会デスク — プロジェクター表示';
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') window.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (data === undefined) return <div className={s.root} />;
  if (!view)
    return (
      <div className={s.root}>
        <p>会議が見つかりません。</p>
      </div>
    );
  return (
    <main className={s.root} aria-label="プロジェクター表示">
      <div className={s.council}>
        {view.council.name}　{meetingTitle(view.meeting)}
      </div>
      <h1 className={s.item} style={{ margin: 0 }}>
        {view.item ? view.item.title : '議題'}
      </h1>
      <div className={s.list} ref={listRef} aria-live="polite">
        {view.lines.length === 0 ? <p className={s.empty}>この議題の記録はまだありません。</p> : null}
        {view.lines.map((l) => (
          <div key={l.id} className={s.remark}>
            {l.who ? <span className={s.who}>{l.who}</span> : null}
            {l.kind !== '発言' && l.kind !== 'メモ' ? <span className={s.kind}>{l.kind}</span> : null}
            <span className={s.text}>{l.text}</span>
          </div>
        ))}
      </div>
    </main>
  );
}
