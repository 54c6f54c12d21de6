import { describe, expect, it } from 'vitest';
import { buildMinutesModel, modelText, paragraphText } from '../../shared/minutes/model';
import { sampleBundle as bundle, sampleInput, withSpeakersAndSecrets as withSpeakers } from './minutes-helpers';

describe('minutes model (要点筆記) from the sample', () => {
  const b = bundle();
  const model = buildMinutesModel(sampleInput(b, 'internal'));

  it('numbers the sections in order, one per agenda item (the seed misnumbers 議題１ as ２)', () => {
    expect(model.sections.map((s) => s.heading)).toEqual([
      '１ 開会',
      '２ 資料の説明',
      '３ 議題１ 各分野の現状と課題及び想定される解決策について',
      '４ 議題２ 行政経営戦略推進ビジョン骨子案について',
      '５ その他（今後の予定について）',
      '６ 閉会',
    ]);
  });

  it('writes the narrative, the opinions by field, the question with its answer and the decision', () => {
    const [open, explain, agenda1, agenda2, other, close] = model.sections.map((s) => s.paragraphs.map(paragraphText));
    expect(open).toEqual(['井澤会長欠席のため、大久保副会長が議事進行を行う。']);
    expect(explain).toEqual([
      '事務局から資料１ 飯塚市行政経営戦略推進ビジョン骨子案、資料２ 各分野の現状と課題及び想定される解決策について説明',
    ]);
    expect(agenda1![0]).toBe('＜各委員から出された主な意見＞');
    expect(agenda1!.filter((t) => t.startsWith('・'))).toHaveLength(25);
    expect(model.sections[2]!.paragraphs.filter((p) => p.kind === 'field').map((p) => p.text)).toEqual([
      '行政施策',
      'DX推進',
      '財務',
      '人材育成',
      '働き方改革',
      '経営',
    ]);
    expect(agenda2).toEqual([
      '＜各委員から出された主な意見＞',
      '・推進体制のところで市民参画というのは何を想定しているか。',
      '⇒素案について市民意見の募集をする予定であり、市民参画の機会を設けたいということである。（市回答）',
      '・第３回審議会においてビジョン素案を提案することで異議なし。',
    ]);
    expect(other![0]).toMatch(/^次回は8月3日（木）13:30から/);
    expect(close).toEqual([]);
  });

  it('knows which remarks feed which paragraph', () => {
    const question = b.remarks.find((r) => r.kind === '質問')!;
    const answer = b.remarks.find((r) => r.kind === '回答')!;
    const q = model.sections[3]!.paragraphs.find((p) => p.key === `r:${question.id}`)!;
    expect(q.sourceIds).toEqual([question.id]);
    const group = model.sections[3]!.paragraphs[0]!;
    expect(group.sourceIds).toContain(answer.id);
    const dxField = model.sections[2]!.paragraphs.find((p) => p.kind === 'field' && p.text === 'DX推進')!;
    expect(dxField.sourceIds).toHaveLength(5);
  });

  it('fills the header from the meeting in seed 004 order', () => {
    expect(model.header.map((h) => h.label)).toEqual([
      '会議の名称',
      '開催日時',
      '開催場所',
      '出席委員',
      '欠席委員',
      '事務局職員',
      '会議内容',
      '会議資料',
      '公開・非公開の別',
      'その他',
    ]);
    expect(model.documentTitle).toBe('第2回 飯塚市行政経営戦略推進審議会 会議録（内部版）');
  });

  it('puts an edited text in place of the generated one, without touching the remark', () => {
    const r = b.remarks.find((x) => x.kind === '説明')!;
    const before = r.text;
    const edited = buildMinutesModel({
      ...sampleInput(b, 'internal'),
      minutes: { ...b.minutes[0]!, edits: { [`r:${r.id}`]: '事務局から資料を説明した。' } },
    });
    const p = edited.sections[1]!.paragraphs[0]!;
    expect(p.text).toBe('事務局から資料を説明した。');
    expect(p.edited).toBe(true);
    expect(r.text).toBe(before);
  });
});

describe('minutes model (発言者別) and the 公開版', () => {
  it('heads each turn with the speaker, names in the 内部版 and stable letters in the 公開版', () => {
    const b = withSpeakers(bundle());
    const internal = buildMinutesModel({ ...sampleInput(b, 'internal'), style: 'speaker' });
    const turns = internal.sections[2]!.paragraphs.map(paragraphText);
    expect(turns.slice(0, 4).map((t) => t.split('　')[0])).toEqual(['○河委員', '○菅原委員', '○河委員', '○畠中委員']);
    const pub = buildMinutesModel({ ...sampleInput(b, 'public', 'letter'), style: 'speaker' });
    expect(pub.sections[2]!.paragraphs.slice(0, 4).map((p) => p.prefix.trim())).toEqual([
      // Letters by roster order among the 委員 (stored once per term): 河 A, 菅原 C, 畠中 D.
      '○A委員',
      '○C委員',
      '○A委員',
      '○D委員',
    ]);
  });

  it('removes non-public remarks and says so, keeps the reason, and hides names in the text', () => {
    const b = withSpeakers(bundle());
    const input = sampleInput(b, 'public', 'role');
    input.meeting = { ...input.meeting, disclosure: '一部公開', disclosureReason: '用地の選定に関する情報を含むため' };
    const pub = buildMinutesModel(input);
    const text = modelText(pub);
    expect(text).not.toContain('用地買収');
    expect(text).not.toContain('推進体制のところで市民参画');
    expect(text).not.toContain('素案について市民意見の募集');
    expect(pub.sections[3]!.paragraphs.map((p) => p.text)).toEqual(['※この項目は非公開のため掲載していません。']);
    expect(pub.sections[2]!.paragraphs.at(-1)!.text).toBe('※この項目の一部は非公開のため掲載していません。');
    expect(pub.header.find((h) => h.key === 'disclosure')!.lines).toEqual([
      '一部公開（理由：用地の選定に関する情報を含むため）',
      '（傍聴者 2人）',
    ]);
    expect(pub.sections[0]!.paragraphs[0]!.text).toBe('会長欠席のため、副会長が議事進行を行う。');
    expect(pub.header.find((h) => h.key === 'present')!.lines).toEqual(['副会長、委員4人（計5人）']);
    expect(pub.header.find((h) => h.key === 'absent')!.lines).toEqual(['会長']);
    for (const name of ['井澤', '大久保', '河﨑', '菅原', '畠中']) expect(text).not.toContain(name);
    expect(text).not.toMatch(/河(委員|会長|副会長)/);
    // The 内部版 keeps everything.
    const internal = modelText(buildMinutesModel({ ...input, mode: 'internal' }));
    expect(internal).toContain('用地買収');
    expect(internal).toContain('大久保副会長');
  });

  it('notes online attendance when some members were in the room', () => {
    const b = bundle();
    const input = sampleInput(b, 'internal');
    const kawa = b.members.find((m) => m.name === '河')!.id;
    input.meeting = {
      ...input.meeting,
      attendance: input.meeting.attendance.map((a) =>
        a.memberId === kawa ? a : { ...a, status: a.status === '欠席' ? '欠席' : '出席' },
      ),
    };
    expect(buildMinutesModel(input).header.find((h) => h.key === 'present')!.lines).toEqual([
      '大久保副会長、河委員（オンライン）、河﨑委員、菅原委員、畠中委員',
    ]);
    const pub = buildMinutesModel({
      ...input,
      mode: 'public',
      council: { ...input.council, publication: { ...input.council.publication, speakerLabel: 'role' } },
    });
    expect(pub.header.find((h) => h.key === 'present')!.lines).toEqual(['副会長、委員4人（計5人、うちオンライン1人）']);
  });

  it('gives remarks without an agenda item a section of their own', () => {
    const input = sampleInput(bundle(), 'internal');
    input.remarks = [
      ...input.remarks,
      { ...input.remarks[0]!, id: 'loose', agendaItemId: null, order: 99, kind: 'メモ', text: '議題外のメモ' },
    ];
    const model = buildMinutesModel(input);
    expect(model.sections.at(-1)!.heading).toBe('７ 議題外の記録');
    expect(model.sections.at(-1)!.paragraphs.map((p) => p.text)).toEqual(['議題外のメモ']);
  });

  it('marks the 確認用 copy as 案', () => {
    const model = buildMinutesModel(sampleInput(bundle(), 'review'));
    expect(model.title).toBe('会議録（案）');
    expect(model.pageMark).toBe('案');
    expect(model.fileName).toBe('第2回_会議録_確認用（案）.docx');
  });
});
