/**
 * The team sync status in the title bar (issue 20): 同期済み / 同期中 / オフライン / 競合 n件 and
 * the last sync time, announced politely to screen readers. Shown only while team use is on
 * (solo use shows nothing). With conflicts it is a link to the 競合 list.
 */
import { useSyncExternalStore } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useNavigate } from 'react-router-dom';
import { subscribeTeamSync, teamSyncStatus, type TeamSyncStatus } from '../data/sync/runtime';
import { subscribeTeamSession, teamSession } from '../data/sync/session';
import { councilAccess } from '../features/sync/people';

const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '6px',
    padding: '2px 10px',
    borderRadius: tokens.borderRadiusCircular,
    border: '1px solid currentColor',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: 'transparent',
    whiteSpace: 'nowrap',
  },
  button: {
    cursor: 'pointer',
    font: 'inherit',
    ':focus-visible': { outline: '2px solid white', outlineOffset: '2px' },
  },
  dot: { width: '8px', height: '8px', borderRadius: '50%', flexShrink: 0 },
});

const clock = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

const DOT: Record<Exclude<TeamSyncStatus['state'], 'off'>, string> = {
  synced: '#7fd17f',
  syncing: '#ffd75e',
  offline: '#c8c8c8',
  denied: '#ff8a80',
};

/** The words of the status: what a person reads, and what a screen reader announces. */
export function syncStatusText(s: TeamSyncStatus): string {
  const main =
    s.conflicts > 0
      ? `競合 ${s.conflicts}件`
      : s.state === 'synced'
        ? '同期済み'
        : s.state === 'syncing'
          ? '同期中'
          : s.state === 'denied'
            ? '同期できません'
            : 'オフライン';
  // The server refused changes (閲覧のみ): said on the status itself, not only in its tooltip.
  return s.denied ? `${main}・送れない変更 ${s.denied}件` : main;
}

export function SyncStatus() {
  const s = useStyles();
  const status = useSyncExternalStore(subscribeTeamSync, teamSyncStatus);
  const navigate = useNavigate();
  const session = useSyncExternalStore(subscribeTeamSession, teamSession);
  if (status.state === 'off') return null;
  // Every shared council only read (the server's roles): the whole app is 閲覧のみ for the team's data.
  const readOnly =
    !!session && session.councils.length > 0 && session.councils.every((c) => councilAccess(session, c).readOnly);
  const last = status.lastSyncAt ? `最終同期 ${clock.format(new Date(status.lastSyncAt))}` : '';
  const text = syncStatusText(status);
  const title = [text, last, readOnly ? '閲覧のみ（この審議会の記録は変更できません）' : '', status.error]
    .filter(Boolean)
    .join('　');
  const inner = (
    <>
      <span
        className={s.dot}
        style={{ backgroundColor: status.conflicts ? DOT.denied : DOT[status.state] }}
        aria-hidden
      />
      <span>{text}</span>
      {last ? <span>{last}</span> : null}
      {readOnly ? <strong>閲覧のみ</strong> : null}
    </>
  );
  return (
    <span role="status" aria-live="polite" aria-label={`チームの同期：${title}`}>
      {status.conflicts > 0 ? (
        <button type="button" className={`${s.root} ${s.button}`} title={title} onClick={() => navigate('/conflicts')}>
          {inner}
        </button>
      ) : (
        <span className={s.root} title={title}>
          {inner}
        </span>
      )}
    </span>
  );
}
