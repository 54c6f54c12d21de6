/** Types of the search index (see index.ts). */
import type { QueryTerm } from './query';

/** Record kinds, in the order their result groups are shown. */
export const SEARCH_KINDS = [
  'remark',
  'minutes',
  'opinion',
  'draft',
  'draft-version',
  'member',
  'staff',
  'meeting',
  'agenda',
  'material',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  remark: '発言',
  minutes: '会議録',
  opinion: '意見',
  draft: '原案',
  'draft-version': '原案（確定版）',
  member: '委員',
  staff: '事務局職員',
  meeting: '会議',
  agenda: '議題',
  material: '資料',
};

/**
 * One searchable thing. `key` is `${table}:${id}` (e.g. `remarks:<id>`); a part of a record gets
 * `${table}:${id}/${part}` (a draft section: `drafts:<draftId>/<sectionId>`, a minutes paragraph:
 * `minutes:<meetingId>/<sectionKey>`). `texts` holds the ORIGINAL text of each field, in the
 * order snippets prefer them; the index normalises it.
 */
export interface SearchDoc {
  key: string;
  kind: SearchKind;
  councilId: string;
  meetingId?: string | null;
  /** 'YYYY-MM-DD' (the meeting's or the record's date); null = undated. */
  date?: string | null;
  /** memberId / staffId of who spoke or gave the opinion. */
  speakerId?: string | null;
  fieldId?: string | null;
  /** Meeting status, opinion reflection status, draft stage … */
  status?: string | null;
  /** false = 非公開 (a non-public remark or opinion, a 非公開 meeting). */
  isPublic: boolean;
  /** Reading order among records of the same date (remark order …); ties of "newest" follow it. */
  order?: number;
  texts: Record<string, string>;
}

/** Every given filter must hold; a list means "any of these". */
export interface SearchFilters {
  councilIds?: string[];
  meetingIds?: string[];
  /** Inclusive 'YYYY-MM-DD' bounds; undated records are left out when either is set. */
  dateFrom?: string | null;
  dateTo?: string | null;
  speakerIds?: string[];
  fieldIds?: string[];
  kinds?: SearchKind[];
  statuses?: string[];
  /** true = 公開 only, false = 非公開 only. */
  isPublic?: boolean | null;
}

export type SearchSort = 'newest' | 'relevance';

export interface SearchOptions {
  sort?: SearchSort;
  /** Hits kept per kind group (the counts are always complete). Default 20. */
  limit?: number;
  /** Characters of original text around the first match. Default 80. */
  snippetLength?: number;
}

/** A range [start, end) in an original text. */
export type Range = [number, number];

export interface FieldMatch {
  field: string;
  /** Every occurrence of every term in this field, in ORIGINAL text positions, merged. */
  ranges: Range[];
}

export interface Snippet {
  field: string;
  /** A piece of the original text. */
  text: string;
  /** Highlight ranges within `text`. */
  highlights: Range[];
  /** Text was cut before / after the piece (show …). */
  cutStart: boolean;
  cutEnd: boolean;
}

export interface SearchHit {
  key: string;
  kind: SearchKind;
  doc: SearchDoc;
  score: number;
  snippet: Snippet | null;
  matches: FieldMatch[];
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  /** All matches of this kind. */
  count: number;
  /** The first `limit` of them in the requested order. */
  hits: SearchHit[];
}

export interface SearchResult {
  terms: QueryTerm[];
  total: number;
  groups: SearchGroup[];
}
