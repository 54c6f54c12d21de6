/**
 * Team use (CouchDB replication, docs/TEAM.md): the channels of the 「チームで使う」 settings,
 * and the names the app, the CLI (`npm run cli -- team setup`) and the server agree on —
 * one database per council, its roles, the document that holds one record.
 *
 * The password stays in main: `team:get:config` answers whether one is stored, never the
 * password itself.
 */
import { z } from 'zod';
import { channel } from './define';
import { STORED_NAME } from '../stored-name';

/** The piece size in which the page reads a stored file for the team's files database. */
export const TEAM_FILE_CHUNK_BYTES = 4 * 1024 * 1024;

// ------------------------------------------------------------ names on the server

/**
 * The CouchDB database of a council. CouchDB names allow only a–z, 0–9 and _$()+-/ and must
 * start with a letter; any other character of the id (capitals too, which would otherwise
 * collide) is written as `$` + its code in hex + `$`, so the name is unique per id.
 */
export function councilDbName(councilId: string): string {
  let out = '';
  for (const ch of councilId) out += /[a-z0-9_-]/.test(ch) ? ch : `$${ch.codePointAt(0)!.toString(16)}$`;
  return `shingikai-${out}`;
}

/**
 * The council's files database (materials, Word templates): its attachments replicate apart
 * from the records, so a large PDF never holds up the records. One document per stored file,
 * id `file:<storedName>`, the bytes as its attachment `file`.
 */
export const filesDbName = (councilId: string) => `${councilDbName(councilId)}-files`;

/** The roles that give a user a council: editors write, readers (閲覧のみ) only read. */
export function councilRoles(dbName: string): { editor: string; reader: string } {
  return { editor: `${dbName}-editor`, reader: `${dbName}-reader` };
}

/** A role that may approve minutes (確認者), for every council of the server. */
export const REVIEWER_ROLE = 'shingikai-reviewer';

/** The design document that holds the council database's validation function. */
export const TEAM_DESIGN_DOC = '_design/shingikai';

/**
 * The server-side rule of a council database (CouchDB `validate_doc_update`, JavaScript as
 * CouchDB runs it): only server admins and the council's editors write; readers get 403 with a
 * Japanese reason; every document is one record `table:id` of the app's shape. Pruning a
 * conflict's losing branch (`_deleted`) is an editor's write too.
 */
export function validateDocUpdateSource(dbName: string): string {
  const { editor } = councilRoles(dbName);
  return `function (newDoc, oldDoc, userCtx) {
  var roles = (userCtx && userCtx.roles) || [];
  if (roles.indexOf('_admin') !== -1) return;
  if (roles.indexOf(${JSON.stringify(editor)}) === -1)
    throw({ forbidden: '閲覧のみの権限のため、この審議会の記録は変更できません。' });
  if (newDoc._deleted) return;
  var colon = newDoc._id.indexOf(':');
  if (colon < 1 || typeof newDoc.table !== 'string' || newDoc._id.slice(0, colon) !== newDoc.table)
    throw({ forbidden: '審議会デスクの記録の形式ではありません。' });
  if (!newDoc.deleted && (typeof newDoc.record !== 'object' || newDoc.record === null))
    throw({ forbidden: '記録の内容がありません。' });
}`;
}

/**
 * The rule of a council's files database: the same writers as the records (the council
 * database's roles), documents `file:<storedName>` only.
 */
export function validateFileUpdateSource(dbName: string): string {
  const { editor } = councilRoles(dbName);
  return `function (newDoc, oldDoc, userCtx) {
  var roles = (userCtx && userCtx.roles) || [];
  if (roles.indexOf('_admin') !== -1) return;
  if (roles.indexOf(${JSON.stringify(editor)}) === -1)
    throw({ forbidden: '閲覧のみの権限のため、この審議会のファイルは変更できません。' });
  if (newDoc._id.indexOf('file:') !== 0) throw({ forbidden: '審議会デスクのファイルの形式ではありません。' });
}`;
}

/** The document that holds one record (a deletion is a tombstone with `deleted: true`, no record). */
export function mirrorDocBody(
  table: string,
  councilId: string,
  record: Record<string, unknown> | null,
  by: string,
  at: string,
): { table: string; councilId: string; record?: Record<string, unknown>; deleted?: true; by: string; at: string } {
  return record ? { table, councilId, record, by, at } : { table, councilId, deleted: true, by, at };
}

// ------------------------------------------------------------ channels

const serverUrl = z
  .string()
  .min(1)
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'サーバーのURLは http:// または https:// で始まる形で、ユーザー名やパスワードを含めずに入力してください。');

export const TeamConnectionCode = z.enum([
  'ok',
  'unreachable',
  'not-couchdb',
  'unauthorized',
  'forbidden',
  'no-database',
]);
export type TeamConnectionCode = z.infer<typeof TeamConnectionCode>;

export const TeamConnectionResult = z.object({
  ok: z.boolean(),
  code: TeamConnectionCode,
  /** What the user reads: why it failed and what to do, in Japanese. */
  message: z.string(),
  /** The server's product and version as it says (CouchDB 3.3.3 …). */
  server: z.string().nullable(),
  /** The user as the server knows them, with their roles. */
  user: z.string().nullable(),
  roles: z.array(z.string()),
});
export type TeamConnectionResult = z.infer<typeof TeamConnectionResult>;

export const TeamConfig = z.object({
  serverUrl: z.string().max(2048),
  username: z.string().max(200),
  /** Whether a password is stored in main (it never crosses to the renderer). */
  hasPassword: z.boolean(),
  /** The councils shared with the team. */
  councils: z.array(z.string().max(64)).max(200),
  /** 確定 (approval) of minutes only by a user with the 確認者 role (REVIEWER_ROLE). */
  reviewerRequired: z.boolean().default(false),
});
export type TeamConfig = z.infer<typeof TeamConfig>;

export const teamChannels = {
  /**
   * Tries the server: reachable, CouchDB, the user and password, and (with a council) the
   * right to its database. Without `password`, the stored one is used.
   */
  'team:test:connection': channel(
    z
      .object({
        serverUrl,
        username: z.string().min(1).max(200),
        password: z.string().max(1024).optional(),
        councilId: z.string().min(1).max(64).optional(),
      })
      .strict(),
    TeamConnectionResult,
  ),
  'team:get:config': channel(z.object({}).strict(), TeamConfig),
  /**
   * A piece of a stored attachment for the files database (the page reads it to send it to
   * the team's server); `size` null = the file is not in the data folder.
   */
  'team:read:attachment': channel(
    z
      .object({
        storedName: z.string().regex(STORED_NAME),
        offset: z.number().int().min(0),
        length: z.number().int().min(0).max(TEAM_FILE_CHUNK_BYTES),
      })
      .strict(),
    z.object({ size: z.number().int().min(0).nullable(), base64: z.string() }),
  ),
  /** Saves the settings; `password` replaces the stored one (null removes it, absent keeps it). */
  'team:save:config': channel(
    z
      .object({
        serverUrl: z.union([serverUrl, z.literal('')]),
        username: z.string().max(200),
        password: z.string().max(1024).nullable().optional(),
        councils: z.array(z.string().min(1).max(64)).max(200),
        /** Absent: kept as stored. */
        reviewerRequired: z.boolean().optional(),
      })
      .strict(),
    TeamConfig,
  ),
} as const;
