/**
 * What a Word template is filled with, built from the documents' own models:
 * - the 会議録 from the MinutesModel (buildMinutesModel), so a 公開版 carries exactly what the
 *   built-in 公開版 carries — non-public remarks removed and names replaced before this runs;
 * - the 次第 from the meeting's agenda outline;
 * - the 意見対応表 from prepareOpinions (the opinions' public filter and name redaction).
 * Pure: the records in, a plain object of strings and lists out (keys are the tag names of
 * shared/templates/tags.ts).
 */
import type { Council, Meeting } from '../domain';
import { agendaOutline, materialLabelFor } from '../agenda';
import { meetingOrdinal, toFullWidthDigits } from '../numbering';
import { memberTitle } from '../people';
import { formatMeetingDateTime, formatWareki, todayInTokyo } from '../wareki';
import { MINUTES_MODE_LABELS, type MinutesInput, type MinutesModel, type MinutesParagraph } from '../minutes/model';
import { prepareOpinions, type OpinionDocumentData } from '../opinions/publication';

type Value = string | Item[];
export interface Item {
  [tag: string]: Value;
}
export type TemplateData = Item;

const headerText = (model: MinutesModel, key: string) =>
  (model.header.find((h) => h.key === key)?.lines ?? []).join('\n');

function commonData(council: Council, meeting: Meeting): Item {
  const ordinal = meetingOrdinal(meeting.number, council.publication.digitWidth);
  return {
    審議会名: council.name,
    会議名: `${ordinal} ${council.name}`,
    回: ordinal,
    日時: formatMeetingDateTime(meeting.date, meeting.startTime, meeting.endTime, council.publication),
    場所: meeting.venues.filter((v) => v.trim()).join('\n'),
  };
}

function materialsData(council: Council, meeting: Meeting): Item {
  const list = meeting.materials.map((m, i) => ({
    番号: m.label ? materialLabelFor(m.label, council.publication.digitWidth) : `${toFullWidthDigits(i + 1)}．`,
    資料名: m.title,
  }));
  return {
    資料: list.map((m) => (m.番号.endsWith('．') ? `${m.番号}${m.資料名}` : `${m.番号}　${m.資料名}`)).join('\n'),
    資料一覧: list,
  };
}

/**
 * The 会議録 tags. `model` must be built by buildMinutesModel from `input` (same mode): every
 * text of the body and the header comes from the model; `input` only says which remark a
 * paragraph came from (its kind and field) and who attended.
 */
export function minutesTemplateData(model: MinutesModel, input: MinutesInput): TemplateData {
  const { council, meeting, members } = input;
  const byId = new Map(input.remarks.map((r) => [r.id, r]));
  const fieldName = new Map(council.fields.map((f) => [f.id, f.name]));
  const hideNames = model.mode === 'public' && council.publication.speakerLabel !== 'name';

  const attendance = new Map(meeting.attendance.map((a) => [a.memberId, a.status]));
  const sorted = [...members].sort((a, b) => a.order - b.order);
  const person = (m: (typeof members)[number]) => (hideNames ? m.role : memberTitle(m));
  const present = sorted.filter((m) => attendance.get(m.id) === '出席' || attendance.get(m.id) === 'オンライン出席');
  const absent = sorted.filter((m) => attendance.get(m.id) === '欠席');
  const staff = [...input.staff]
    .filter((s) => meeting.staffPresent.includes(s.id))
    .sort((a, b) => a.order - b.order)
    // Under a name-hiding rule the 公開版 names staff by title only, as the built-in header does.
    .map((s) => ({ 所属: s.department, 氏名: hideNames ? s.title || '職員' : `${s.name}${s.title}` }));

  const sections = model.sections.map((s) => {
    const fields = new Map<string, Item[]>();
    const questions: Item[] = [];
    let current: { item: Item; answers: Item[] } | null = null;
    for (const p of s.paragraphs) {
      if (p.kind === 'answer' && current) {
        current.answers.push({ 回答: p.text });
        continue;
      }
      current = null;
      if (p.kind !== 'bullet') continue;
      const remark = byId.get(p.sourceIds[0] ?? '');
      if (!remark || remark.kind === '決定') continue;
      const answers: Item[] = [];
      const field = (remark.fieldId && fieldName.get(remark.fieldId)) || '分野なし';
      const list = fields.get(field) ?? [];
      list.push({ 意見: p.text, 回答: answers });
      fields.set(field, list);
      if (remark.kind === '質問') questions.push({ 質問: p.text, 回答: answers });
      current = { item: list[list.length - 1]!, answers };
    }
    // 分野なし comes last, as in the minutes.
    const fieldItems = [...fields].sort(([a], [b]) => Number(a === '分野なし') - Number(b === '分野なし'));
    return {
      番号: s.number,
      題名: s.title,
      見出し: s.heading,
      // As the built-in 会議録 prints them (a field name under ■).
      段落: s.paragraphs.map((p: MinutesParagraph) => ({
        本文: p.kind === 'field' ? `■${p.text}` : `${p.prefix}${p.text}${p.suffix}`,
      })),
      分野: fieldItems.map(([name, items]) => ({ 分野名: name, 意見: items })),
      質問: questions,
    };
  });

  return {
    ...commonData(council, meeting),
    会議名: headerText(model, 'name'),
    日時: headerText(model, 'datetime'),
    場所: headerText(model, 'venue'),
    表題: model.title,
    版: MINUTES_MODE_LABELS[model.mode],
    出席委員: headerText(model, 'present'),
    欠席委員: headerText(model, 'absent'),
    出席者: present.map((m) => ({ 氏名: person(m), 役職: m.role, 出欠: attendance.get(m.id) ?? '' })),
    欠席者: absent.map((m) => ({ 氏名: person(m), 役職: m.role })),
    事務局: headerText(model, 'staff'),
    事務局職員: staff,
    ...materialsData(council, meeting),
    資料: headerText(model, 'materials'),
    公開非公開: headerText(model, 'disclosure'),
    公開区分: meeting.disclosure,
    非公開の理由: meeting.disclosure === '公開' ? '' : meeting.disclosureReason,
    傍聴者: `${meeting.observers}人`,
    その他: headerText(model, 'other'),
    議事: sections,
  };
}

/** The 次第 tags: the numbered outline (議題 with its （１）（２）) and the materials. */
export function agendaTemplateData(council: Council, meeting: Meeting): TemplateData {
  const outline = agendaOutline(meeting.agenda, council.publication.digitWidth);
  return {
    ...commonData(council, meeting),
    次第: outline.map((line) => ({
      番号: line.number,
      項目: line.text,
      細目: line.children.map((c) => ({ 番号: c.number, 項目: c.text })),
    })),
    ...materialsData(council, meeting),
  };
}

/** The 意見対応表 tags, through prepareOpinions (publication: the 公開版 rules). */
export function responsesTemplateData(
  data: OpinionDocumentData,
  publication: boolean,
  today: string = todayInTokyo(),
): TemplateData {
  const { rows, counts } = prepareOpinions(data, publication);
  return {
    審議会名: data.council.name,
    作成日: formatWareki(today),
    版: publication ? '公開版' : '内部用',
    意見総数: `${counts.total}件`,
    委員数: `${counts.members}人`,
    反映数: `${counts.reflected}件`,
    内訳: Object.entries(counts.byStatus)
      .filter(([, c]) => c > 0)
      .map(([s, c]) => `${s} ${c}件`)
      .join('、'),
    意見一覧: rows.map((r) => ({
      番号: String(r.no),
      分野: r.field || '分野未設定',
      意見: r.summary,
      出典: r.source,
      委員: r.member,
      会議日: r.meeting?.date ? formatWareki(r.meeting.date) : '',
      市の考え方: r.response,
      反映状況: r.status,
      該当箇所: r.sections,
    })),
  };
}

/** Every string in the data, for the leak guard. */
export function dataStrings(data: TemplateData): string[] {
  return Object.values(data).flatMap((v) => (typeof v === 'string' ? [v] : v.flatMap(dataStrings)));
}
