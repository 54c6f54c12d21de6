/** Defaults for new records, shared by the UI, the sample council and the tests. */
import {
  DEFAULT_DRAFT_STAGES,
  DEFAULT_PUBLICATION,
  DEFAULT_RESPONSE_STATUSES,
  type Council,
  type MatrixColumn,
  type Meeting,
} from './domain';

export type IdMaker = () => string;
export const randomId: IdMaker = () => globalThis.crypto.randomUUID();

export function defaultMatrixColumns(makeId: IdMaker = randomId): MatrixColumn[] {
  return [
    { id: makeId(), title: '審議会での主な意見', opinionSource: 'meeting' },
    { id: makeId(), title: '各課インタビューにおける主な意見（現状と課題）', opinionSource: 'interview' },
    { id: makeId(), title: '想定される解決案（他自治体の事例含む）', opinionSource: null },
    { id: makeId(), title: '既に取り組んでいる内容', opinionSource: null },
  ];
}

export function newCouncil(
  init: Pick<Council, 'name'> & Partial<Council>,
  makeId: IdMaker = randomId,
  now = new Date().toISOString(),
): Council {
  return {
    id: init.id ?? makeId(),
    municipality: '',
    department: '',
    termStart: null,
    termEnd: null,
    // A new council starts with no fields: the user adds the ones its opinions are sorted by.
    fields: init.fields ?? [],
    quorum: { kind: 'majority' },
    publication: { ...DEFAULT_PUBLICATION },
    matrixColumns: defaultMatrixColumns(makeId),
    responseStatuses: [...DEFAULT_RESPONSE_STATUSES],
    draftStages: [...DEFAULT_DRAFT_STAGES],
    minutesDueDays: 30,
    archived: false,
    createdAt: now,
    updatedAt: now,
    ...init,
  };
}

export function newMeeting(
  init: Pick<Meeting, 'councilId' | 'number'> & Partial<Meeting>,
  makeId: IdMaker = randomId,
  now = new Date().toISOString(),
): Meeting {
  return {
    id: makeId(),
    date: null,
    startTime: null,
    endTime: null,
    venues: [],
    format: '対面',
    attendance: [],
    staffPresent: [],
    chairMemberId: null,
    agenda: [],
    materials: [],
    disclosure: '公開',
    disclosureReason: '',
    observers: 0,
    status: '予定',
    minutesDue: null,
    note: '',
    createdAt: now,
    updatedAt: now,
    ...init,
  };
}
