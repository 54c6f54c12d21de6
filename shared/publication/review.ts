/**
 * The review a public export goes through, for each document family: every name that
 * will be replaced (listed for the user before export), places that stop the export,
 * unknown 「○○さん」. Main calls the assert on every public export path; the renderer
 * calls the review to show the list before the user exports.
 */
import type { Opinion } from '../domain';
import { buildMinutesModel, buildMinutesModelPair, type MinutesInput, type MinutesModel } from '../minutes/model';
import { publishable, type OpinionDocumentData } from '../opinions/publication';
import { publicLetters } from './labels';
import { nameMatcher } from './names';
import {
  assertPublishable,
  hidesNames,
  publicPeople,
  reviewTexts,
  type PublicationReview,
  type TextUnit,
} from './redaction';

/** Every text of the 公開版 of these minutes, names not yet replaced, with its place. */
export function minutesPublicationReview(input: Omit<MinutesInput, 'mode'>): PublicationReview {
  const { council, members, staff, meeting } = input;
  if (!hidesNames(council.publication.speakerLabel)) return { replacements: [], blocked: [], unknown: [] };
  const model = buildMinutesModel({ ...input, mode: 'public' }, { redactNames: false });
  const letters = publicLetters(council, members, meeting.id);
  return reviewTexts(minutesTextUnits(model), nameMatcher(publicPeople({ council, members, staff, letters })));
}

/** The texts of a 公開版 model (names not yet replaced) the review reads, each with its place. */
function minutesTextUnits(model: MinutesModel): TextUnit[] {
  const units: TextUnit[] = [];
  // The roster rows a style prints by name (公開版の氏名) are the one place names may stand.
  const named = new Set<string>(model.namedHeaderRows);
  for (const h of model.header)
    if (h.key !== 'body' && !named.has(h.key)) for (const l of h.lines) units.push({ place: h.label, text: l });
  for (const s of model.sections)
    s.paragraphs.forEach((p, i) => {
      // The printed prefix (○A委員, 会長：) is a label, read apart from the text it heads.
      const place = `${s.heading} 第${i + 1}段落`;
      units.push({ place, text: p.prefix }, { place, text: p.text + p.suffix });
    });
  return units;
}

/**
 * A 公開版 export's model and its review, drawn once: the model before the names are replaced
 * is what the review reads (as minutesPublicationReview does), the same drawing with them
 * replaced is what is printed; one matcher for both, each text looked through once.
 */
export function publicMinutes(input: Omit<MinutesInput, 'mode'>): { model: MinutesModel; review: PublicationReview } {
  const { council, members, staff, meeting } = input;
  const publicInput: MinutesInput = { ...input, mode: 'public' };
  if (!hidesNames(council.publication.speakerLabel))
    return { model: buildMinutesModel(publicInput), review: { replacements: [], blocked: [], unknown: [] } };
  const letters = publicLetters(council, members, meeting.id);
  const names = nameMatcher(publicPeople({ council, members, staff, letters }), { remember: true });
  const { model, unredacted } = buildMinutesModelPair(publicInput, { names });
  return { model, review: reviewTexts(minutesTextUnits(unredacted), names) };
}

export function assertMinutesPublishable(input: Omit<MinutesInput, 'mode'>): void {
  assertPublishable(minutesPublicationReview(input));
}

/** Opinions, responses and matrix items a public opinion document may print. */
export function opinionsPublicationReview(data: OpinionDocumentData): PublicationReview {
  const { council, members } = data;
  if (!hidesNames(council.publication.speakerLabel)) return { replacements: [], blocked: [], unknown: [] };
  const visible = data.opinions.filter((o: Opinion) => publishable(o, data.meetings));
  const units: TextUnit[] = visible.flatMap((o, i) => [
    { place: `意見 ${i + 1}件目（意見）`, text: o.summary },
    { place: `意見 ${i + 1}件目（市の考え方）`, text: o.response },
  ]);
  const field = new Map(council.fields.map((f) => [f.id, f.name]));
  data.matrixItems.forEach((m) => units.push({ place: `現状と課題（${field.get(m.fieldId) ?? ''}）`, text: m.text }));
  return reviewTexts(units, nameMatcher(publicPeople({ council, members, staff: data.staff ?? [] })));
}

export function assertOpinionsPublishable(data: OpinionDocumentData): void {
  assertPublishable(opinionsPublicationReview(data));
}
