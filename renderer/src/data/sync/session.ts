/**
 * Who the user is on the team's server: CouchDB's `_session` (its `userCtx`: name and roles),
 * asked through main's proxy (`<app>/team/_session`, main adds the credentials), with the
 * 確認者 setting of 「チームで使う」. Kept in memory while team use is on; null when it is off.
 * The roles say, per council, whether the user only reads (閲覧のみ) and whether they may
 * approve minutes (確認者).
 */
export interface TeamSession {
  /** The CouchDB user name (null while not known: before the first answer, or offline). */
  user: string | null;
  roles: string[];
  /** 確定 of minutes only by a user with the 確認者 role. */
  reviewerRequired: boolean;
  /** The councils shared. */
  councils: string[];
  /** Why the roles are not known, in Japanese (offline, refused); null when known or still asking. */
  error: string | null;
  /** The server answered (user and roles are the server's). */
  known: boolean;
}

let session: TeamSession | null = null;
const listeners = new Set<() => void>();

export const teamSession = (): TeamSession | null => session;

export function subscribeTeamSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setTeamSession(next: TeamSession | null): void {
  session = next;
  for (const l of listeners) l();
}

/** Asks the server who the user is (through the proxy); the answer (or the reason) is published. */
export async function loadTeamSession(
  base: { reviewerRequired: boolean; councils: string[] },
  fetchSession: () => Promise<Response> = () =>
    fetch(new URL('team/_session', (globalThis as { document?: { baseURI: string } }).document!.baseURI).href, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    }),
): Promise<TeamSession> {
  setTeamSession({ user: null, roles: [], ...base, error: null, known: false });
  let next: TeamSession;
  try {
    const res = await fetchSession();
    const body = (await res.json()) as { userCtx?: { name?: unknown; roles?: unknown } };
    const ctx = body.userCtx;
    if (res.ok && ctx && typeof ctx.name === 'string') {
      const roles = Array.isArray(ctx.roles) ? ctx.roles.filter((r): r is string => typeof r === 'string') : [];
      next = { user: ctx.name, roles, ...base, error: null, known: true };
    } else {
      next = {
        user: null,
        roles: [],
        ...base,
        error: 'サーバーで利用者を確かめられませんでした（ユーザー名とパスワードを確認してください）。',
        known: false,
      };
    }
  } catch {
    next = {
      user: null,
      roles: [],
      ...base,
      error: 'サーバーに接続できないため、利用者の役割を確かめられません。',
      known: false,
    };
  }
  setTeamSession(next);
  return next;
}
