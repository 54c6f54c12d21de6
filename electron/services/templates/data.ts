/**
 * From records to the data a template is filled with, per kind — always through the same
 * model the built-in export uses (buildMinutesModel applies the 公開版 rules: non-public
 * remarks out, names replaced; prepareOpinions does the same for opinions). The sample
 * council gives the data an uploaded template is tried with before it is kept.
 */
import type { Council, CouncilBundle, Meeting } from '../../../shared/domain';
import { buildMinutesModel, namedHeaderLines, type MinutesInput } from '../../../shared/minutes/model';
import type { OpinionDocumentData } from '../../../shared/opinions/publication';
import { assertMinutesPublishable, assertOpinionsPublishable } from '../../../shared/publication/review';
import {
  agendaTemplateData,
  minutesTemplateData,
  responsesTemplateData,
  type TemplateData,
} from '../../../shared/templates/minutes-data';
import { MINUTES_KIND_MODE, type MinutesTemplateKind, type TemplateKind } from '../../../shared/templates/tags';
import { buildSampleCouncil } from '../../../resources/sample/iizuka';

export type TemplateSource =
  | { kind: MinutesTemplateKind; input: Omit<MinutesInput, 'mode'> }
  | { kind: 'agenda'; council: Council; meeting: Meeting }
  | { kind: 'responses'; data: OpinionDocumentData; publication: boolean };

export interface PreparedData {
  data: TemplateData;
  /** Names the filled document must not contain (a 公開版 under a hiding label rule). */
  hidden: string[];
  /** Lines that may carry them: the named roster rows of a style with 公開版の氏名 (nothing else). */
  allowed?: string[];
}

export function templateData(source: TemplateSource): PreparedData {
  switch (source.kind) {
    case 'agenda':
      return { data: agendaTemplateData(source.council, source.meeting), hidden: [] };
    case 'responses': {
      const { data, publication } = source;
      if (publication) assertOpinionsPublishable(data);
      const hides = publication && data.council.publication.speakerLabel !== 'name';
      return { data: responsesTemplateData(data, publication), hidden: hides ? data.members.map((m) => m.name) : [] };
    }
    default: {
      const input: MinutesInput = { ...source.input, mode: MINUTES_KIND_MODE[source.kind] };
      // The 公開版 redaction happens here, inside buildMinutesModel, as for the built-in 公開版.
      // and, like the built-in 公開版, a name that cannot be replaced so the sentence reads right stops it.
      if (input.mode === 'public') assertMinutesPublishable(input);
      const model = buildMinutesModel(input);
      return { data: minutesTemplateData(model, input), hidden: model.hiddenNames, allowed: namedHeaderLines(model) };
    }
  }
}

/** The source for `kind` from a council bundle: the meeting that has minutes (the sample's 第２回). */
export function bundleSource(bundle: CouncilBundle, kind: TemplateKind): TemplateSource {
  const minutes = bundle.minutes[0] ?? null;
  const meeting = bundle.meetings.find((m) => m.id === minutes?.meetingId) ?? bundle.meetings[0]!;
  if (kind === 'agenda') return { kind, council: bundle.council, meeting };
  if (kind === 'responses')
    return {
      kind,
      publication: false,
      data: {
        council: bundle.council,
        members: bundle.members,
        meetings: bundle.meetings,
        opinions: bundle.opinions,
        matrixItems: bundle.matrixItems,
      },
    };
  return {
    kind,
    input: {
      council: bundle.council,
      members: bundle.members,
      staff: bundle.staff,
      meeting,
      remarks: bundle.remarks.filter((r) => r.meetingId === meeting.id),
      minutes,
    },
  };
}

let sample: CouncilBundle | null = null;
/** The sample council (built once; fixed ids and time so the data is the same every run). */
export function sampleBundle(): CouncilBundle {
  if (!sample) {
    let n = 0;
    sample = buildSampleCouncil({ makeId: () => `sample-${++n}`, now: '2023-07-07T06:30:00.000Z' });
  }
  return sample;
}

export function sampleData(kind: TemplateKind): PreparedData {
  return templateData(bundleSource(sampleBundle(), kind));
}
