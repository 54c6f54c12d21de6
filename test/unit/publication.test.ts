/**
 * Publication you can trust: names in any written form, stable letters across documents,
 * closed agenda items, the 内部版 marked on every page and inline, 要点筆記 grouping.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import type { CouncilBundle, Remark, SpeakerLabelRule } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { nameMatcher, normalizedText, normalizeWithMap, type Person } from '../../shared/publication/names';
import { completePublicLabels, publicLetters } from '../../shared/publication/labels';
import { minutesPublicationReview, publicMinutes } from '../../shared/publication/review';
import { isPublicForProjector, projectorSpeaker, projectorText } from '../../shared/publication/projector';
import { buildMinutesModel, modelText, OPINIONS_GROUP_TITLE, paragraphText } from '../../shared/minutes/model';
import { buildMinutesExport } from '../../electron/services/minutes/handlers';
import { runChecks } from '../../shared/minutes/checks';
import { buildOpinionDocument } from '../../electron/services/opinions/documents';
import { opinionDocumentData } from '../../electron/services/opinions/samples';
import { memberId, sampleBundle, sampleInput } from './minutes-helpers';

const people: Person[] = [
  { id: 't1', kind: 'member', name: '田中 太郎', reading: 'たなか たろう', label: 'A委員' },
  { id: 't2', kind: 'member', name: '田中　次郎', reading: 'たなか じろう', label: 'B委員' },
  { id: 'y', kind: 'member', name: '山田 花子', reading: 'やまだ はなこ', label: '会長' },
  { id: 'k', kind: 'member', name: '河', reading: 'かわ', label: 'C委員' },
  { id: 'h', kind: 'staff', name: '東', label: '事務局' },
];

describe('names in text', () => {
  const m = nameMatcher(people);
  it.each([
    ['先ほどの田中太郎委員のご意見に賛成です。', '先ほどのA委員のご意見に賛成です。'],
    ['田中 太郎さんの提案', 'A委員の提案'],
    ['太郎先生の提案', 'A委員の提案'],
    ['ﾀﾅｶ ﾀﾛｳ氏の提案', 'A委員の提案'],
    ['タナカタロウ様の提案', 'A委員の提案'],
    ['じろう君の提案', 'B委員の提案'],
    ['山　田　花　子会長から', '会長から'],
    ['やまださんから', '会長から'],
    ['河川の話は河委員から', '河川の話はC委員から'],
    ['東部長の説明。東部地区の話。', '事務局の説明。東部地区の話。'],
  ])('%s → %s', (text, expected) => {
    expect(m.redact(text)).toBe(expected);
    expect(m.find(text).hits.every((h) => h.safe)).toBe(true);
  });

  it('stops on appointments and on a surname two members share, and says why', () => {
    const { hits } = m.find('会長に山田委員、副会長に田中太郎委員が選出された。');
    expect(hits.map((h) => [h.found, h.safe])).toEqual([
      ['山田委員', false],
      ['田中太郎委員', false],
    ]);
    expect(hits[0]!.reason).toContain('選任・選出');
    const same = m.find('田中さんの意見');
    expect(same.hits[0]!.safe).toBe(false);
    expect(same.hits[0]!.reason).toContain('複数');
    // Replaced anyway (nothing hidden leaks), by a label that names neither.
    expect(m.redact('田中さんの意見')).toBe('委員の意見');
  });

  it('flags other people called さん／氏 for review, not common words', () => {
    const { unknown } = m.find('鈴木さんと佐々木氏、皆さん、市民の皆様、学校の先生');
    expect(unknown.map((u) => u.found)).toEqual(['鈴木さん', '佐々木氏']);
  });
});

function withRemark(b: CouncilBundle, text: string, extra: Partial<Remark> = {}): CouncilBundle {
  const m2 = b.meetings.find((m) => m.number === 2)!;
  const base = b.remarks.find((r) => r.meetingId === m2.id && r.kind === '意見')!;
  return { ...b, remarks: [...b.remarks, { ...base, id: 'extra', order: 9999, text, nonPublic: false, ...extra }] };
}

describe('the public minutes export', () => {
  it('under the role rule, an election sentence stops the export with every place listed (no 会長に会長)', async () => {
    const b = withRemark(sampleBundle(), '会長に井澤委員、副会長に大久保委員が選出された。');
    const input = sampleInput(b, 'public', 'role');
    const err = await buildMinutesExport(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('出力を止めました');
    expect((err as AppError).details!.map((d) => d.message).join('\n')).toMatch(/井澤委員[\s\S]*大久保委員/);
    expect((err as AppError).details![0]!.path).toMatch(/議題/);
    // The 内部版 is not stopped.
    await expect(buildMinutesExport({ ...input, mode: 'internal' })).resolves.toBeInstanceOf(Uint8Array);
  });

  it('names no staff member in the header of a 公開版 under a rule that hides names', () => {
    const b = sampleBundle();
    const staffLine = (rule: SpeakerLabelRule) =>
      buildMinutesModel(sampleInput(b, 'public', rule))
        .header.find((h) => h.key === 'staff')!
        .lines.join('\n');
    expect(staffLine('name')).toContain('中嶋課長');
    expect(staffLine('letter')).toBe('【行政経営部】部長\n【業務改善・ＤＸ推進課】課長、課長補佐、係長、職員');
  });

  it('the publication checks find names inside remark text and the sentences to rewrite', () => {
    const b = withRemark(sampleBundle(), '先ほどの畠中さんのご意見に賛成です。会長に井澤委員が選出された。');
    const findings = runChecks(sampleInput(b, 'public', 'letter')).filter((f) => f.rule === 'hiddenName');
    expect(findings.map((f) => (f.fix?.type === 'replace' ? `${f.excerpt}→${f.fix.replacement}` : f.message))).toEqual(
      expect.arrayContaining([expect.stringContaining('畠中さん'), expect.stringContaining('選任・選出')]),
    );
    expect(findings.find((f) => f.message.includes('選任'))!.fix).toBeNull();
  });

  it('lists every replacement before export', () => {
    const b = withRemark(sampleBundle(), '先ほどの菅原さんのご意見と、かわさき委員の提案に賛成です。鈴木さんの話も。');
    const review = minutesPublicationReview(sampleInput(b, 'public', 'letter'));
    expect(review.blocked).toEqual([]);
    expect(review.replacements.map((r) => `${r.found}→${r.label}`)).toEqual(
      expect.arrayContaining(['菅原さん→C委員', 'かわさき委員→B委員']),
    );
    expect(review.unknown.map((u) => u.found)).toContain('鈴木さん');
  });
});

describe('stable letters', () => {
  it('the same member has the same letter in the minutes and in every opinion document; 副会長 uses none', async () => {
    const b = sampleBundle();
    b.council.publication.speakerLabel = 'letter';
    const m2 = b.meetings.find((m) => m.number === 2)!;
    // 副会長 first, then members: the 副会長 must not use up a letter.
    const speakers = ['大久保', '菅原', '河', '畠中', '河﨑'].map((n) => memberId(b, n));
    let i = 0;
    const byRemark = new Map<string, string>();
    b.remarks = b.remarks.map((r) => {
      if (r.meetingId !== m2.id || r.kind !== '意見') return r;
      const id = speakers[i++ % speakers.length]!;
      byRemark.set(r.id, id);
      return { ...r, speaker: { type: 'member', memberId: id } };
    });
    b.opinions = b.opinions.map((o) =>
      o.remarkId && byRemark.has(o.remarkId) ? { ...o, memberId: byRemark.get(o.remarkId)! } : o,
    );
    const expected = new Map(
      b.members.map((m) => [m.id, m.role === '委員' ? `${publicLetters(b.council, b.members).get(m.id)}委員` : m.role]),
    );
    expect(expected.get(memberId(b, '菅原'))).toBe('C委員');

    const seen = new Map<string, Set<string>>(); // memberId → labels seen anywhere
    const see = (id: string, label: string) => seen.set(id, new Set([...(seen.get(id) ?? []), label]));

    const minutes = { ...sampleInput(b, 'public'), minutes: { ...b.minutes[0]!, style: 'speaker' as const } };
    const model = buildMinutesModel(minutes);
    const docXml = strFromU8(unzipSync(await buildMinutesExport(minutes))['word/document.xml']!);
    const docParas = docXml.split('</w:p>').map((p) => p.replace(/<[^>]+>/g, ''));
    for (const s of model.sections)
      for (const p of s.paragraphs) {
        const id = byRemark.get(p.sourceIds[0] ?? '');
        if (!id || p.kind !== 'turn') continue;
        const printed = docParas.find((x) => x.includes(p.text.slice(0, 20)))!;
        see(id, printed.match(/^○(\S+?委員|副会長|会長)/)![1]!);
      }

    const data = opinionDocumentData(b);
    for (const kind of ['list', 'responses'] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        Buffer.from((await buildOpinionDocument(kind, 'xlsx', data, true)).bytes) as unknown as ArrayBuffer,
      );
      const ws = wb.worksheets[0]!;
      const header = Array.from(ws.getRow(1).values as unknown[], (v) => String(v ?? ''));
      const col = header.indexOf('委員');
      const sumCol = header.findIndex((h) => h.startsWith('意見'));
      ws.eachRow((row, n) => {
        if (n === 1) return;
        const o = b.opinions.find((x) => x.summary === String(row.getCell(sumCol).value) && x.memberId);
        if (o && byRemark.has(o.remarkId ?? '')) see(o.memberId!, String(row.getCell(col).value));
      });
      const docx = strFromU8(
        unzipSync((await buildOpinionDocument(kind, 'docx', data, true)).bytes)['word/document.xml']!,
      );
      for (const row of docx.split('</w:tr>').map((r) => r.replace(/<[^>]+>/g, ''))) {
        const o = b.opinions.find((x) => x.memberId && byRemark.has(x.remarkId ?? '') && row.includes(x.summary));
        if (o) see(o.memberId!, row.replace(o.summary, '').match(/([A-Z]+委員|副会長|会長)/)![1]!);
      }
    }
    expect(seen.size).toBe(5);
    for (const [id, labels] of seen) expect([...labels]).toEqual([expected.get(id)]);
    expect([...seen.get(memberId(b, '大久保'))!]).toEqual(['副会長']);
  });

  it('keeps stored letters, fills new members after them, and re-exports the same', () => {
    const b = sampleBundle();
    const sugawara = memberId(b, '菅原');
    const stored = completePublicLabels(
      { publicLabels: { scope: 'term', term: { [sugawara]: 'A' }, meetings: {} } },
      b.members,
    );
    expect(stored.term[sugawara]).toBe('A');
    expect(new Set(Object.values(stored.term)).size).toBe(Object.keys(stored.term).length);
    expect(Object.keys(stored.term)).not.toContain(memberId(b, '大久保'));
    const again = completePublicLabels({ publicLabels: stored }, b.members);
    expect(again).toEqual(stored);
    b.council.publicLabels = stored;
    b.council.publication.speakerLabel = 'letter';
    const m2 = b.meetings.find((m) => m.number === 2)!;
    b.remarks = b.remarks.map((r) =>
      r.meetingId === m2.id && r.kind === '意見' ? { ...r, speaker: { type: 'member', memberId: sugawara } } : r,
    );
    const model = buildMinutesModel({ ...sampleInput(b, 'public'), style: 'speaker' });
    expect(modelText(model)).toContain('○A委員');
    // Per meeting scope: letters of each meeting kept apart.
    const perMeeting = completePublicLabels({ publicLabels: stored }, b.members, [m2.id], 'meeting');
    expect(Object.keys(perMeeting.meetings)).toEqual([m2.id]);
  });
});

describe('closed items and the 内部版', () => {
  function closedInput(mode: 'public' | 'internal', rule: SpeakerLabelRule = 'letter') {
    const b = sampleBundle();
    const m2 = b.meetings.find((m) => m.number === 2)!;
    const item = m2.agenda.find((a) => a.kind === '議題')!;
    b.meetings = b.meetings.map((m) =>
      m.id === m2.id ? { ...m, agenda: m.agenda.map((a) => (a.id === item.id ? { ...a, closed: true } : a)) } : m,
    );
    const texts = b.remarks.filter((r) => r.agendaItemId === item.id).map((r) => r.text);
    return { input: sampleInput(b, mode, rule), item, texts };
  }

  it('the 公開版 prints the item title and the closed-session line only', () => {
    const { input, item, texts } = closedInput('public');
    const model = buildMinutesModel(input);
    const section = model.sections.find((s) => s.agendaItemId === item.id)!;
    expect(section.heading).toContain(item.title);
    expect(section.paragraphs.map(paragraphText)).toEqual(['非公開で審議したため、掲載しません。']);
    const all = modelText(model);
    for (const t of texts) expect(all).not.toContain(t.slice(0, 15));
    input.council.publication.closedSessionText = '非公開事項のため省略';
    expect(buildMinutesModel(input).sections.find((s) => s.agendaItemId === item.id)!.paragraphs[0]!.text).toBe(
      '非公開事項のため省略',
    );
  });

  it('the 内部版 says 内部用 in the header of every page and marks each non-public part inline', async () => {
    const { input, item } = closedInput('internal');
    const files = unzipSync(await buildMinutesExport(input));
    const doc = strFromU8(files['word/document.xml']!);
    const sections = doc.split('<w:sectPr').length - 1;
    const headerRefs = doc.match(/<w:headerReference w:type="default"/g) ?? [];
    expect(headerRefs.length).toBe(sections);
    const headers = Object.entries(files).filter(([n]) => /word\/header\d*\.xml/.test(n));
    expect(headers.map(([, x]) => strFromU8(x).replace(/<[^>]+>/g, ''))).toEqual(['内部用']);
    const model = buildMinutesModel(input);
    const closed = model.sections.find((s) => s.agendaItemId === item.id)!;
    expect(
      closed.paragraphs
        .map(paragraphText)
        .every((t) => t.includes('【非公開】') || t === OPINIONS_GROUP_TITLE || !t.startsWith('・')),
    ).toBe(true);
    expect(paragraphText(closed.paragraphs[0]!)).toContain('【非公開】この議題は非公開で審議');
    // The 公開版 has no such header; the 確認用 keeps 案.
    const pub = unzipSync(await buildMinutesExport({ ...input, mode: 'public' }));
    expect(Object.keys(pub).some((n) => /word\/header/.test(n))).toBe(false);
    expect(buildMinutesModel({ ...input, mode: 'review' }).pageMark).toBe('案');
  });
});

describe('要点筆記 grouping', () => {
  it('files procedure in the narrative, unfielded opinions under その他, the answer under its question', () => {
    const b = sampleBundle();
    const m2 = b.meetings.find((m) => m.number === 2)!;
    const item = m2.agenda.find((a) => a.kind === '議題')!;
    const base = b.remarks.find((r) => r.agendaItemId === item.id && r.kind === '意見' && r.fieldId)!;
    const extra: Remark[] = [
      {
        ...base,
        id: 'p1',
        order: 5000,
        kind: '発言',
        speaker: { type: 'chair' },
        fieldId: null,
        text: 'ほかにご意見はありませんか。',
      },
      {
        ...base,
        id: 'q1',
        order: 5001,
        kind: '質問',
        speaker: { type: 'member', memberId: memberId(b, '菅原') },
        fieldId: null,
        text: '分野のない質問です。',
      },
      {
        ...base,
        id: 'a1',
        order: 5002,
        kind: '回答',
        speaker: { type: 'secretariat' },
        fieldId: null,
        replyToId: null,
        text: '直後に記録した回答です。',
      },
    ];
    b.remarks = [...b.remarks, ...extra];
    const model = buildMinutesModel(sampleInput(b, 'internal'));
    const texts = model.sections.find((s) => s.agendaItemId === item.id)!.paragraphs.map(paragraphText);
    const group = texts.indexOf(OPINIONS_GROUP_TITLE);
    const procedural = texts.findIndex((t) => t.includes('ほかにご意見はありませんか。'));
    expect(procedural).toBeGreaterThanOrEqual(0);
    expect(procedural).toBeLessThan(group);
    const other = texts.indexOf('その他');
    const q = texts.indexOf('・分野のない質問です。');
    expect(other).toBeGreaterThan(group);
    expect(q).toBe(other + 1);
    expect(texts[q + 1]).toBe('⇒直後に記録した回答です。（市回答）');
  });
});

describe('projector', () => {
  it('shows public remarks only: never メモ, 非公開, 要確認 or a closed item', () => {
    const meeting = {
      disclosure: '公開' as const,
      agenda: [
        { id: 'a', kind: '議題' as const, title: '', closed: true },
        { id: 'b', kind: '議題' as const, title: '' },
      ],
    };
    const r = { kind: '意見' as const, nonPublic: false, needsCheck: false, agendaItemId: 'b' };
    expect(isPublicForProjector(r, meeting)).toBe(true);
    expect(isPublicForProjector({ ...r, kind: 'メモ' }, meeting)).toBe(false);
    expect(isPublicForProjector({ ...r, nonPublic: true }, meeting)).toBe(false);
    expect(isPublicForProjector({ ...r, needsCheck: true }, meeting)).toBe(false);
    expect(isPublicForProjector({ ...r, agendaItemId: 'a' }, meeting)).toBe(false);
    const b = sampleBundle();
    b.council.publication.speakerLabel = 'letter';
    const ctx = { council: b.council, members: b.members, staff: b.staff, meeting: b.meetings[1]! };
    expect(projectorText({ text: '菅原委員と中嶋課長の話' }, ctx)).toBe('C委員と事務局の話');
    expect(projectorSpeaker({ speaker: { type: 'member', memberId: memberId(b, '菅原') } }, ctx)).toBe('C委員');
  });
});

describe('one drawing for the 公開版 export and its review', () => {
  it('gives the model and review the separate builds give, a blocked sentence still stops, each text read once', () => {
    const b = withRemark(
      sampleBundle(),
      '先ほどの菅原さんのご意見と、かわさき委員の提案に賛成です。会長に井澤委員が選出された。鈴木さんの話も。',
    );
    for (const rule of ['letter', 'role', 'bracket', 'name'] as SpeakerLabelRule[]) {
      const input = sampleInput(b, 'public', rule);
      const { model, review } = publicMinutes(input);
      expect(model).toEqual(buildMinutesModel(input));
      expect(review).toEqual(minutesPublicationReview(input));
      if (rule !== 'name') {
        expect(modelText(model)).not.toContain('菅原');
        expect(review.replacements.map((x) => x.found)).toContain('菅原さん');
        expect(review.blocked.map((x) => x.found)).toEqual(['井澤委員']);
      }
    }
  });

  it('finds in the normalized text what the offset-mapped normalization finds, and remembers each text', () => {
    const samples = [
      'ﾀﾅｶﾞﾜ　ﾀﾛｳ氏（１）',
      'ゝゞ①㈱㍻Ⅱ',
      'か\u3099が\u309b',
      '𠮷田さん',
      '河川と河委員',
      'ａｂｃ１２３、。',
    ];
    for (const t of samples) expect(normalizedText(t)).toBe(normalizeWithMap(t).norm);
    const m = nameMatcher(people, { remember: true });
    const first = m.find('たなかたろうさんの提案');
    expect(first.hits.map((h) => `${h.found}→${h.label}`)).toEqual(['たなかたろうさん→A委員']);
    expect(m.find('たなかたろうさんの提案')).toBe(first);
    expect(m.redact('たなかたろうさんの提案')).toBe('A委員の提案');
  });
});
