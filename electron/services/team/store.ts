/**
 * The team settings in main: server URL, user name, password and the shared councils, in
 * `team.json` in the data folder (written atomically, readable only by the user). The
 * password never goes to the renderer (`TeamConfig.hasPassword` says whether one is kept).
 * Not yet wired: Electron's `safeStorage` (the OS keychain) to encrypt the password at rest —
 * the file is where main would keep the encrypted bytes.
 */
import { chmod, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { TeamConfig } from '../../../shared/contract/team';
import { writeFileAtomic } from '../files';

const Stored = z.object({
  serverUrl: z.string().max(2048).default(''),
  username: z.string().max(200).default(''),
  password: z.string().max(1024).nullable().default(null),
  councils: z.array(z.string().max(64)).max(200).default([]),
});
type Stored = z.infer<typeof Stored>;

export const teamFile = (dataDir: string) => path.join(dataDir, 'team.json');

export async function readTeam(dataDir: string): Promise<Stored> {
  try {
    const parsed = Stored.safeParse(JSON.parse(await readFile(teamFile(dataDir), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    /* none yet, or unreadable: not set up */
  }
  return Stored.parse({});
}

export function publicConfig(s: Stored): TeamConfig {
  return { serverUrl: s.serverUrl, username: s.username, hasPassword: !!s.password, councils: s.councils };
}

export async function saveTeam(
  dataDir: string,
  patch: { serverUrl: string; username: string; password?: string | null; councils: string[] },
): Promise<Stored> {
  const current = await readTeam(dataDir);
  const next: Stored = {
    serverUrl: patch.serverUrl,
    username: patch.username,
    password: patch.password === undefined ? current.password : patch.password,
    councils: [...new Set(patch.councils)],
  };
  const file = teamFile(dataDir);
  await writeFileAtomic(file, JSON.stringify(next, null, 2));
  await chmod(file, 0o600).catch(() => undefined);
  return next;
}
