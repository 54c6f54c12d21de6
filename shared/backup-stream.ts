/**
 * A backup read as it arrives (a full restore writes each table while the next is still being
 * read: the file's bytes, its parse and the database's writes overlap). The text is fed in
 * chunks; every table's rows are parsed in batches, and a table is handed over complete, with
 * its name, as soon as its object in the file ends. The rest of the file (its head, the tables'
 * names and the schema list: a few KB) is kept as text, its rows arrays left empty, and parsed
 * with the same checks as parseBackup (backup-format.ts): the head before the first table is
 * handed over, so a backup of a newer app or of something else is refused before anything is
 * written.
 *
 * The scanner knows JSON's strings and brackets only; the batches and the rest are parsed by
 * JSON.parse, so a file that is not JSON is refused by it. Rows are the elements of an array
 * under `rows` in an element of the array under `data` of an object under `data` (the dexie
 * export's place, format 1 or 2); a table's name may come before or after its rows.
 */
import { AppError } from './errors';
import { checkBackupHead, checkBackupPacks, checkBackupTable, type BackupHead } from './backup-format';

type Row = Record<string, unknown>;

export interface BackupStreamSink {
  /** The head, checked (before any table). */
  head(head: BackupHead): void;
  /** A table, complete, in the file's order. */
  table(name: string, rows: Row[]): void;
}

/** Characters of rows parsed at once at most (a batch also ends with a chunk: at its last row's end). */
const BATCH_CHARS = 1 << 20;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

interface Frame {
  array: boolean;
  /** The key this container is the value of (null in an array or at the top). */
  key: string | null;
  /** An object's key just read (its value comes next). */
  pendingKey: string | null;
  /** A table's object: where its text starts in `rest` (to read its name at its end). */
  tableStart: number;
}

export class BackupStreamReader {
  /** Text received and not yet consumed (from `keep` on, `at` is where the scan is). */
  private text = '';
  private at = 0;
  private keep = 0;
  /** The file but its rows: kept, parsed at the end (and its head before the first table). */
  private rest = '';
  private readonly stack: Frame[] = [];
  /** In a rows array: the nesting inside it (0: between rows), where the batch starts in `text`. */
  private rows: { depth: number; batchStart: number; lastComma: number; parsed: Row[][] } | null = null;
  /** The rows of the table being read, when its rows array has ended. */
  private finishedRows: Row[][] | null = null;
  /** The last string read outside rows (a key when a colon follows). */
  private lastString: string | null = null;
  private headChecked = false;
  /** Tables read before the head could be checked (its parts came after them). */
  private held: [string, Row[]][] = [];
  private ended = false;
  private readonly tableNames = new Set<string>();
  /** Milliseconds in push and end: scanning and parsing, and the sink's work on the tables handed over. */
  parseMs = 0;

  constructor(
    private readonly name: string,
    private readonly knownSchemaVersion: number | undefined,
    private readonly sink: BackupStreamSink,
  ) {}

  private broken(): AppError {
    return new AppError('INVALID_FILE', `バックアップ「${this.name}」を読み込めません（ファイルが壊れています）。`);
  }

  /** The next chunk of the file's text (decoded with `stream: true`: no character is cut). */
  push(chunk: string): void {
    const t0 = performance.now();
    const drop = this.keep;
    this.text = this.text.slice(drop) + chunk;
    this.at -= drop;
    this.keep = 0;
    if (this.rows) {
      this.rows.batchStart -= drop;
      this.rows.lastComma -= drop;
    }
    this.scan();
    this.parseMs += performance.now() - t0;
  }

  /** The file has ended: the rest is parsed and checked; answers the head. */
  end(): BackupHead {
    const t0 = performance.now();
    if (this.ended) throw new AppError('INTERNAL');
    this.ended = true;
    if (this.rows || this.stack.length || this.text.slice(this.at).trim()) throw this.broken();
    const head = this.checkHead(this.rest, true)!;
    // Every element of the list is a table (one that is not was never handed over).
    for (const table of head.dexieData.data as unknown[]) checkBackupTable(this.name, table);
    this.parseMs += performance.now() - t0;
    return head;
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw this.broken();
    }
  }

  /**
   * Checks the head from `text` (the rest so far, closed where it is open): answers null while
   * the file has not said enough (its database version may come after its tables). Once it is
   * checked, the tables held until then are handed over.
   */
  private checkHead(text: string, complete: boolean): BackupHead | null {
    const raw = this.parse(text);
    const head = complete
      ? checkBackupHead(this.name, raw, this.knownSchemaVersion)
      : checkBackupHead(this.name, raw, this.knownSchemaVersion, true);
    if (!head) return null;
    if (!this.headChecked) {
      this.headChecked = true;
      this.sink.head(head);
      for (const [name, rows] of this.held) this.sink.table(name, rows);
      this.held = [];
    }
    return head;
  }

  /** `rest` so far, closed: what is open is closed empty (`"rows":[` gets `]`). */
  private closedRest(): string {
    let closed = this.rest;
    for (let i = this.stack.length - 1; i >= 0; i--) closed += this.stack[i]!.array ? ']' : '}';
    return closed;
  }

  private scan(): void {
    const s = this.text;
    const n = s.length;
    let i = this.at;
    let from = i; // the text before `from` is in `rest` or in rows
    while (i < n) {
      const rows = this.rows;
      if (rows) {
        // Between and inside rows: only strings and brackets matter.
        for (; i < n; i++) {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            const end = stringEnd(s, i + 1);
            if (end < 0) break;
            i = end;
          } else if (c === OPEN_BRACE || c === OPEN_BRACKET) rows.depth++;
          else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            if (rows.depth === 0) break; // the rows array's end
            rows.depth--;
          } else if (c === COMMA && rows.depth === 0) {
            rows.lastComma = i;
            if (i - rows.batchStart >= BATCH_CHARS) this.parseBatch(rows, s);
          }
        }
        if (i >= n || s.charCodeAt(i) === QUOTE) {
          // The chunk ended (in a string: it is scanned again with what follows). The rows read
          // whole are parsed: only the last one's start is kept for the next chunk.
          if (rows.lastComma > rows.batchStart) this.parseBatch(rows, s);
          this.at = i;
          this.keep = rows.batchStart;
          return;
        }
        if (s.charCodeAt(i) !== CLOSE_BRACKET) throw this.broken();
        const last = s.slice(rows.batchStart, i);
        if (last.trim()) rows.parsed.push(this.parse(`[${last}]`) as Row[]);
        else if (rows.parsed.length) throw this.broken(); // a comma before `]`
        this.finishedRows = rows.parsed;
        this.rows = null;
        from = i; // `]` goes to rest
        i++;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        const end = stringEnd(s, i + 1);
        if (end < 0) break;
        this.lastString = this.parse(s.slice(i, end + 1)) as string;
        i = end + 1;
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      if (c === COLON) {
        if (top && !top.array) top.pendingKey = this.lastString;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        const key = top && !top.array ? top.pendingKey : null;
        const frame: Frame = { array: c === OPEN_BRACKET, key, pendingKey: null, tableStart: -1 };
        if (!frame.array && this.isTableList(this.stack.length - 1)) frame.tableStart = this.rest.length + (i - from);
        this.stack.push(frame);
        if (frame.array && key === 'rows' && this.isTableList(this.stack.length - 3)) {
          // A table's rows: `[` goes to rest, the rows do not.
          this.rest += s.slice(from, i + 1);
          if (!this.headChecked) this.checkHead(this.closedRest(), false);
          this.stack.pop(); // the rows scan reads up to its end
          this.rows = { depth: 0, batchStart: i + 1, lastComma: -1, parsed: [] };
          i++;
          from = i;
          continue;
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        const frame = this.stack.pop();
        if (!frame || frame.array !== (c === CLOSE_BRACKET)) throw this.broken();
        if (frame.tableStart >= 0) {
          this.rest += s.slice(from, i + 1);
          from = i + 1;
          this.endTable(this.rest.slice(frame.tableStart));
        }
      }
      i++;
    }
    // Outside rows (an unfinished string is scanned again with what follows).
    this.rest += s.slice(from, i);
    this.at = i;
    this.keep = i;
  }

  /** Parses the rows from the batch's start to the last comma between rows. */
  private parseBatch(rows: NonNullable<BackupStreamReader['rows']>, s: string): void {
    rows.parsed.push(this.parse(`[${s.slice(rows.batchStart, rows.lastComma)}]`) as Row[]);
    rows.batchStart = rows.lastComma + 1;
  }

  /** The frame at `index` is the array of a dexie export's tables (`data` in `data`). */
  private isTableList(index: number): boolean {
    const frame = this.stack[index];
    const parent = this.stack[index - 1];
    return !!frame?.array && frame.key === 'data' && !!parent && !parent.array && parent.key === 'data';
  }

  private endTable(text: string): void {
    const { tableName } = checkBackupTable(this.name, this.parse(text));
    if (this.tableNames.has(tableName)) throw this.broken(); // a table twice: which one is the backup's?
    this.tableNames.add(tableName);
    const rows = (this.finishedRows ?? []).flat();
    this.finishedRows = null;
    checkBackupPacks(this.name, tableName, rows);
    if (this.headChecked) this.sink.table(tableName, rows);
    else this.held.push([tableName, rows]);
  }
}

/** The index of the quote that ends the string whose text starts at `from`, or -1 if it has not arrived. */
function stringEnd(s: string, from: number): number {
  for (let q = s.indexOf('"', from); q >= 0; q = s.indexOf('"', q + 1)) {
    let backslashes = 0;
    for (let b = q - 1; b >= from && s.charCodeAt(b) === BACKSLASH; b--) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return -1;
}
