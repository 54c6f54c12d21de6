/**
 * People in team use: what the user may do with a shared council, from their roles on the
 * server (data/sync/session.ts). 閲覧のみ = the council's reader role without its editor role:
 * the server refuses their writes, so the screens offer none. 確定 of minutes, when
 * 「チームで使う」 requires a 確認者, only for a user with the role shingikai-reviewer.
 */
import { useSyncExternalStore } from 'react';
import { councilDbName, councilRoles, REVIEWER_ROLE } from '../../../../shared/contract/team';
import { subscribeTeamSession, teamSession, type TeamSession } from '../../data/sync/session';

export interface CouncilAccess {
  /** The council is shared with the team (and team use is on). */
  shared: boolean;
  /** The CouchDB user, when known. */
  user: string | null;
  /** Only reads this council (the server refuses their changes). */
  readOnly: boolean;
  /** May approve (確定) the council's minutes. */
  canApprove: boolean;
  /** Why 確定 is not offered, in Japanese (null when it is). */
  approveHint: string | null;
}

const SOLO: CouncilAccess = { shared: false, user: null, readOnly: false, canApprove: true, approveHint: null };

export function councilAccess(session: TeamSession | null, councilId: string): CouncilAccess {
  if (!session || !session.councils.includes(councilId)) return SOLO;
  const { editor, reader } = councilRoles(councilDbName(councilId));
  const has = (r: string) => session.roles.includes(r);
  const admin = has('_admin');
  const readOnly = session.known && !admin && !has(editor) && has(reader);
  let approveHint: string | null = null;
  if (readOnly) approveHint = '閲覧のみの権限のため、会議録を確定できません。';
  else if (session.reviewerRequired && !admin && !has(REVIEWER_ROLE))
    approveHint = session.known
      ? `確定できるのは確認者（役割 ${REVIEWER_ROLE}）だけです。IT 担当者に役割の付与を依頼してください。`
      : (session.error ?? 'サーバーで確認者かどうかを確かめています…');
  return { shared: true, user: session.user, readOnly, canApprove: approveHint === null, approveHint };
}

/** The user's access to a council, following the server's answer. */
export function useCouncilAccess(councilId: string): CouncilAccess {
  const session = useSyncExternalStore(subscribeTeamSession, teamSession);
  return councilAccess(session, councilId);
}
