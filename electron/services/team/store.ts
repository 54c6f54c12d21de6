/**
 * The team settings in main: server URL, user name, password and the shared councils, in
 * `team.json` in the data folder (written atomically, readable only by the user). The
 * password never goes to the renderer (`TeamConfig.hasPassword` says whether one is kept).
 * With a `SecretBox` (Electron's `safeStorage`, the OS keychain) the file holds only the
 * encrypted password (`passwordEnc`); without one (browser mode) the password is kept as is
 * in the user-only file.
 */
import { chmod, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { TeamConfig } from '../../../shared/contract/team';
import type { SecretBox } from '../../core/context';
import { writeFileAtomic } from '../files';

const Stored = z.object({
  serverUrl: z.string().max(2048).default(''),
  username: z.string().max(200).default(''),
  password: z.string().max(1024).nullable().default(null),
  /** The password encrypted by the SecretBox (base64), when one is available. */
  passwordEnc: z.string().max(8192).nullable().default(null),
  councils: z.array(z.string().max(64)).max(200).default([]),
  /** 確定 of minutes only by a 確認者 (the server role shingikai-reviewer). */
  reviewerRequired: z.boolean().default(false),
});
type Stored = z.infer<typeof Stored>;

export const teamFile = (dataDir: string) => path.join(dataDir, 'team.json');

/** The settings with the password in clear (decrypted); never sent to the renderer. */
export async function readTeam(dataDir: string, secrets?: SecretBox | null): Promise<Stored> {
  try {
    const parsed = Stored.safeParse(JSON.parse(await readFile(teamFile(dataDir), 'utf8')));
    if (parsed.success) {
      const s = parsed.data;
      if (s.passwordEnc && secrets) {
        try {
          return { ...s, password: secrets.decrypt(s.passwordEnc) };
        } catch {
          return { ...s, password: null }; // another user's or another machine's keychain: ask again
        }
      }
      return s;
    }
  } catch {
    /* none yet, or unreadable: not set up */
  }
  return Stored.parse({});
}

export function publicConfig(s: Stored): TeamConfig {
  return {
    serverUrl: s.serverUrl,
    username: s.username,
    hasPassword: !!s.password,
    councils: s.councils,
    reviewerRequired: s.reviewerRequired,
  };
}

/** True when team use is configured far enough to replicate (server, user, password, a council). */
export const teamEnabled = (s: Stored) => !!(s.serverUrl && s.username && s.password && s.councils.length);

export async function saveTeam(
  dataDir: string,
  patch: {
    serverUrl: string;
    username: string;
    password?: string | null;
    councils: string[];
    reviewerRequired?: boolean;
  },
  secrets?: SecretBox | null,
): Promise<Stored> {
  const current = await readTeam(dataDir, secrets);
  const password = patch.password === undefined ? current.password : patch.password;
  const next: Stored = {
    serverUrl: patch.serverUrl,
    username: patch.username,
    password,
    passwordEnc: null,
    councils: [...new Set(patch.councils)],
    reviewerRequired: patch.reviewerRequired ?? current.reviewerRequired,
  };
  const onDisk: Stored =
    password && secrets ? { ...next, password: null, passwordEnc: secrets.encrypt(password) } : next;
  const file = teamFile(dataDir);
  await writeFileAtomic(file, JSON.stringify(onDisk, null, 2));
  await chmod(file, 0o600).catch(() => undefined);
  return next;
}
