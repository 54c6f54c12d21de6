/**
 * The stored index in records of bounded size (issue 15). Chromium's IndexedDB refuses one value
 * over 133,169,152 bytes ("The serialized keys and/or value are too large"); the serialized index
 * of the large installation (100,000 remarks, 20,000 opinions) is about 142 MB as one value, so it
 * was never stored and every start built it again. It is stored as:
 *
 * - a header at key 'index' (version, seq, mark, the small fields of the serialized index, and
 *   for each large field its type, length and the keys of its chunks), and
 * - chunks at keys `chunk:<save id>:<field>:<n>`, each a piece of a string (cut by length, so at
 *   most `chunkBytes` even as UTF-16) or of a typed array (cut by byteLength).
 *
 * data.ts writes the header and its chunks in one transaction that also deletes every older
 * chunk: the header is what makes a stored index valid. Reading gives back the index only when
 * every chunk the header names is there with the type and length it says; otherwise nothing
 * (the keeper then builds the index again). Pure functions, no database: data.ts does the IO.
 */
import type { SerializedSearchIndex } from '../../../../shared/search/index';
import type { StoredState } from './keeper';

/** At most this many bytes in one stored chunk (far below Chromium's limit of one value). */
export const CHUNK_BYTES = 32 * 1024 * 1024;
/** The keys of the chunks start with this (the header is 'index'). */
export const CHUNK_PREFIX = 'chunk:';

const TYPED = { Uint8Array, Uint16Array, Uint32Array, Float64Array } as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

/** A large field of the serialized index, stored as chunks. */
export interface ChunkedField {
  field: string;
  type: 'string' | TypedName;
  /** Its whole length (characters, or items). */
  length: number;
  chunks: string[];
}

export interface ChunkedHeader {
  key: 'index';
  layout: 'chunks';
  version: string;
  seq: number;
  mark: string;
  /** The fields of the serialized index small enough to stay in the header. */
  inline: Record<string, unknown>;
  fields: ChunkedField[];
}

export interface ChunkRecord {
  key: string;
  value: string | Typed;
}

/** What the index's own store holds: a header and its chunks, or (before chunks) the whole index. */
export type StoredRecord = ChunkedHeader | ChunkRecord | StoredState;

export const isChunkedHeader = (r: StoredRecord | undefined): r is ChunkedHeader =>
  !!r && (r as ChunkedHeader).layout === 'chunks';

function typedName(value: unknown): TypedName | null {
  for (const name of Object.keys(TYPED) as TypedName[]) if (value instanceof TYPED[name]) return name;
  return null;
}

/** A typed array holding only its own items (a view into a larger buffer would be stored whole). */
const own = <T extends Typed>(a: T): T =>
  a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : (a.slice() as T);

let saves = 0;

/** A save's id: its start time and a count, base 36, fixed width so that ids sort as the saves began. */
const newSaveId = () => `${Date.now().toString(36).padStart(10, '0')}-${(++saves).toString(36).padStart(6, '0')}`;

/** The save id in a chunk key (`chunk:<save id>:<field>:<n>`). */
export const saveIdOfKey = (key: string): string => key.slice(CHUNK_PREFIX.length).split(':')[0] ?? '';

/** The save id of a header (that of its chunks; '' without chunks). */
export const saveIdOf = (header: ChunkedHeader): string => {
  const first = header.fields.find((f) => f.chunks.length)?.chunks[0];
  return first ? saveIdOfKey(first) : '';
};

/**
 * The header and chunks of a stored index. A field larger than `chunkBytes / 64` goes to chunks
 * of at most `chunkBytes` (a string's size counted as 2 bytes a character, as stored at worst).
 */
export function splitStored(
  state: StoredState,
  chunkBytes = CHUNK_BYTES,
  id = newSaveId(),
): { header: ChunkedHeader; chunks: ChunkRecord[] } {
  const inline: Record<string, unknown> = {};
  const fields: ChunkedField[] = [];
  const chunks: ChunkRecord[] = [];
  const inlineBytes = chunkBytes / 64;
  const add = (field: string, value: string | Typed) => {
    const key = `${CHUNK_PREFIX}${id}:${field}:${fields.at(-1)!.chunks.length}`;
    fields.at(-1)!.chunks.push(key);
    chunks.push({ key, value });
  };
  for (const [field, value] of Object.entries(state.data)) {
    if (typeof value === 'string' && value.length * 2 > inlineBytes) {
      fields.push({ field, type: 'string', length: value.length, chunks: [] });
      const per = Math.max(2, Math.floor((chunkBytes - 64) / 2));
      for (let at = 0; at < value.length;) {
        let end = Math.min(value.length, at + per);
        // not between the two halves of a surrogate pair
        const last = value.charCodeAt(end - 1);
        if (end < value.length && last >= 0xd800 && last <= 0xdbff) end--;
        add(field, value.slice(at, end));
        at = end;
      }
      continue;
    }
    const type = typedName(value);
    if (type && (value as Typed).byteLength > inlineBytes) {
      const arr = value as Typed;
      fields.push({ field, type, length: arr.length, chunks: [] });
      const per = Math.max(1, Math.floor(chunkBytes / arr.BYTES_PER_ELEMENT));
      if (arr.length <= per) add(field, own(arr));
      else for (let at = 0; at < arr.length; at += per) add(field, arr.slice(at, at + per));
      continue;
    }
    inline[field] = value;
  }
  const header: ChunkedHeader = {
    key: 'index',
    layout: 'chunks',
    version: state.version,
    seq: state.seq,
    mark: state.mark,
    inline,
    fields,
  };
  return { header, chunks };
}

/**
 * The stored index put together again from its header and its chunks (`read(key)`: the chunk
 * record at that key, undefined when there is none); undefined when any is missing or is not of
 * the type and length the header gives (a damaged store: the index is built again).
 */
export function joinStored(header: ChunkedHeader, read: (key: string) => unknown): StoredState | undefined {
  const data: Record<string, unknown> = { ...header.inline };
  for (const f of header.fields) {
    const pieces: unknown[] = [];
    for (const key of f.chunks) {
      const value = (read(key) as ChunkRecord | undefined)?.value;
      if (value === undefined) return undefined;
      pieces.push(value);
    }
    if (f.type === 'string') {
      if (!pieces.every((p) => typeof p === 'string')) return undefined;
      const text = pieces.length === 1 ? (pieces[0] as string) : (pieces as string[]).join('');
      if (text.length !== f.length) return undefined;
      data[f.field] = text;
      continue;
    }
    const Ctor = TYPED[f.type];
    if (!Ctor || !pieces.every((p) => p instanceof Ctor)) return undefined;
    const arrays = pieces as Typed[];
    if (arrays.reduce((n, a) => n + a.length, 0) !== f.length) return undefined;
    if (arrays.length === 1) data[f.field] = arrays[0];
    else {
      const whole = new Ctor(f.length);
      let at = 0;
      for (const a of arrays) {
        whole.set(a, at);
        at += a.length;
      }
      data[f.field] = whole;
    }
  }
  return {
    key: 'index',
    version: header.version,
    seq: header.seq,
    mark: header.mark,
    data: data as unknown as SerializedSearchIndex,
  };
}

/** The chunk keys a header names (to read them in one go). */
export const chunkKeys = (header: ChunkedHeader): string[] => header.fields.flatMap((f) => f.chunks);
