/**
 * 会議次第 (.docx): the council's name and 第N回, 次第, the date (和暦 with weekday), time
 * and venues, the numbered agenda, and the 配布資料 list.
 */
import { AlignmentType, convertMillimetersToTwip, Paragraph, TextRun } from 'docx';
import type { Council, Meeting } from '../../../shared/domain';
import { agendaOutline, materialLabelFor } from '../../../shared/agenda';
import { meetingOrdinal } from '../../../shared/numbering';
import { applyTextRules, formatDateTime } from '../../../shared/style/format';
import { documentFormat } from '../../../shared/minutes/style';
import { buildDocument, fontAttrs, heading, packDocx, para } from '../exports/docx-common';

export interface AgendaInput {
  council: Council;
  meeting: Meeting;
}

export function agendaFileName(meeting: Pick<Meeting, 'number'>): string {
  return `第${meeting.number}回_会議次第.docx`;
}

export function agendaTitle(input: AgendaInput): string {
  return `${meetingOrdinal(input.meeting.number, input.council.publication.digitWidth)}${input.council.name}`;
}

export async function buildAgendaDocx(input: AgendaInput): Promise<Uint8Array> {
  const { council, meeting } = input;
  const pub = council.publication;
  const headingFont = fontAttrs(pub.headingFont);
  const mm = convertMillimetersToTwip;
  const name = agendaTitle(input);
  // Dates, times and punctuation as the council's minutes style prints them.
  const format = documentFormat(council);
  const styled = (text: string) => applyTextRules(text, format.text);

  // 日時・場所 sit to the right, as typed 次第 do; venues continue under the first one.
  const infoIndent = { left: mm(70), hanging: mm(18) };
  const info: Paragraph[] = [
    para(styled(`日　時　${formatDateTime(meeting.date, meeting.startTime, meeting.endTime, format.date)}`), {
      indent: infoIndent,
    }),
  ];
  const venues = meeting.venues.filter((v) => v.trim());
  info.push(para(styled(`場　所　${venues.length ? venues.join('\n') : '未定'}`), { indent: infoIndent }));

  const agenda: Paragraph[] = [];
  const outline = agendaOutline(meeting.agenda, pub.digitWidth);
  for (const line of outline) {
    agenda.push(
      para(styled(`${line.number}　${line.text}`), {
        indent: { left: mm(8), hanging: mm(8) },
        spacing: { before: 240 },
      }),
    );
    for (const child of line.children) {
      agenda.push(
        para(styled(`${child.number}${child.text}`), {
          indent: { left: mm(20), hanging: mm(12) },
          spacing: { before: 60 },
        }),
      );
    }
  }
  if (outline.length === 0) agenda.push(para('（次第は未定です）'));

  const materials: Paragraph[] = meeting.materials.length
    ? meeting.materials.map((m) =>
        para(styled(`${materialLabelFor(m.label, pub.digitWidth)}　${m.title}`), {
          indent: { left: mm(26), hanging: mm(18) },
        }),
      )
    : [para('なし', { indent: { left: mm(8) } })];

  const doc = buildDocument({
    title: `${name} 次第`,
    subject: '会議次第',
    fonts: { body: pub.bodyFont, heading: pub.headingFont },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [new TextRun({ text: name, font: headingFont, size: 28, bold: true })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 480 },
        children: [new TextRun({ text: '次　　第', font: headingFont, size: 36, bold: true })],
      }),
      ...info,
      new Paragraph({ spacing: { after: 240 }, children: [] }),
      ...agenda,
      new Paragraph({ spacing: { after: 480 }, children: [] }),
      heading('【配布資料】', 3),
      ...materials,
    ],
  });
  return packDocx(doc);
}
