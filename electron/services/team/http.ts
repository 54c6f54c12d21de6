/** A small CouchDB client over fetch (Node 20's): JSON in and out, basic auth, a timeout. */

export interface Credentials {
  username: string;
  password: string;
}

export interface CouchResponse {
  status: number;
  /** The body as JSON, or null when it is not JSON (a web server that is not CouchDB). */
  json: Record<string, unknown> | null;
  /** The body as parsed JSON of any shape (arrays from _bulk_docs), or undefined. */
  data: unknown;
}

/** The server could not be reached at all (refused, unknown host, timeout, TLS). */
export class UnreachableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`unreachable: ${String((cause as { cause?: unknown })?.cause ?? cause)}`);
  }
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export async function couch(
  url: string,
  options: { method?: string; auth?: Credentials | null; body?: unknown; timeoutMs?: number } = {},
): Promise<CouchResponse> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.auth)
    headers.authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 8000),
      redirect: 'error',
    });
  } catch (e) {
    throw new UnreachableError(e);
  }
  const text = await res.text().catch(() => '');
  let json: Record<string, unknown> | null = null;
  let data: unknown = undefined;
  try {
    data = JSON.parse(text);
    if (data && typeof data === 'object' && !Array.isArray(data)) json = data as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, data };
}
