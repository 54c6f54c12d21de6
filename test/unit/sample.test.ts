import { describe, it, expect } from 'vitest';
import { CouncilBundle } from '../../shared/domain';
import { buildSampleCouncil, SAMPLE_COUNCIL_NAME } from '../../resources/sample/iizuka';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('sample council (飯塚市行政経営戦略推進審議会)', () => {
  const bundle = buildSampleCouncil({ makeId: counter(), now: '2024-01-01T00:00:00.000Z' });
  const meeting = (n: number) => {
    const m = bundle.meetings.find((x) => x.number === n);
    if (!m) throw new Error(`no meeting ${n}`);
    return m;
  };
  const fieldName = (id: string | null) => bundle.council.fields.find((f) => f.id === id)?.name;

  it('validates against CouncilBundle (also with the default id maker)', () => {
    expect(() => CouncilBundle.parse(bundle)).not.toThrow();
    expect(() => CouncilBundle.parse(buildSampleCouncil())).not.toThrow();
  });

  it('has the council header', () => {
    expect(bundle.council.name).toBe(SAMPLE_COUNCIL_NAME);
    expect(bundle.council.municipality).toBe('飯塚市');
    expect(bundle.council.fields.map((f) => f.name)).toEqual([
      '行政施策',
      'DX推進',
      '財務',
      '人材育成',
      '働き方改革',
      '経営',
    ]);
    expect(bundle.council.quorum).toEqual({ kind: 'majority' });
    expect(bundle.council.publication.speakerLabel).toBe('name');
  });

  it('lists the members in roster order', () => {
    expect(bundle.members.map((m) => m.name)).toEqual(['井澤', '大久保', '河', '河﨑', '菅原', '畠中']);
    expect(bundle.members.map((m) => m.role)).toEqual(['会長', '副会長', '委員', '委員', '委員', '委員']);
    expect(bundle.members.map((m) => m.reading)).toEqual([
      'いざわ',
      'おおくぼ',
      'かわ',
      'かわさき',
      'すがわら',
      'はたなか',
    ]);
  });

  it('lists the staff', () => {
    expect(bundle.staff.map((s) => [s.department, s.title, s.name])).toEqual([
      ['行政経営部', '部長', '東'],
      ['業務改善・ＤＸ推進課', '課長', '中嶋'],
      ['業務改善・ＤＸ推進課', '課長補佐', '上田'],
      ['業務改善・ＤＸ推進課', '係長', '野見山'],
      ['業務改善・ＤＸ推進課', '', '伊佐'],
    ]);
  });

  it('has the 第２回 header facts', () => {
    const m2 = meeting(2);
    expect(m2.date).toBe('2023-07-07');
    expect([m2.startTime, m2.endTime]).toEqual(['13:30', '15:30']);
    expect(m2.venues).toEqual(['オンライン（委員）', '飯塚市役所7階委員会室（事務局）']);
    expect(m2.format).toBe('ハイブリッド');
    const byName = (name: string) => bundle.members.find((m) => m.name === name)!.id;
    expect(m2.attendance.find((a) => a.memberId === byName('井澤'))?.status).toBe('欠席');
    expect(m2.attendance.filter((a) => a.status === 'オンライン出席')).toHaveLength(5);
    expect(m2.chairMemberId).toBe(byName('大久保'));
    expect(m2.staffPresent).toEqual(bundle.staff.map((s) => s.id));
    expect(m2.observers).toBe(2);
    expect(m2.disclosure).toBe('公開');
    expect(m2.status).toBe('公開済');
    expect(m2.materials.map((x) => [x.label, x.title, x.file])).toEqual([
      ['資料１', '飯塚市行政経営戦略推進ビジョン骨子案', null],
      ['資料２', '各分野の現状と課題及び想定される解決策', null],
    ]);
    expect(m2.agenda.map((a) => a.kind)).toEqual(['開会', '説明', '議題', '議題', 'その他', '閉会']);
    expect(bundle.minutes.map((x) => x.meetingId)).toEqual([m2.id]);
  });

  it('has the 議題１ opinions per field', () => {
    const m2 = meeting(2);
    const agenda1 = m2.agenda[2]!;
    const remarks = bundle.remarks.filter((r) => r.agendaItemId === agenda1.id);
    expect(remarks.every((r) => r.kind === '意見' && r.speaker.type === 'unknown')).toBe(true);
    const opinions = bundle.opinions.filter((o) => o.meetingId === m2.id && remarks.some((r) => r.id === o.remarkId));
    const count = (name: string) => opinions.filter((o) => fieldName(o.fieldId) === name).length;
    expect(['行政施策', 'DX推進', '財務', '人材育成', '働き方改革', '経営'].map(count)).toEqual([4, 5, 3, 6, 4, 3]);
    expect(
      opinions.find((o) => fieldName(o.fieldId) === '行政施策')?.summary.startsWith('やめることを決めないと'),
    ).toBe(true);
  });

  it('links the 議題２ answer to its question', () => {
    const question = bundle.remarks.find((r) => r.kind === '質問');
    const answer = bundle.remarks.find((r) => r.kind === '回答');
    expect(question?.text).toBe('推進体制のところで市民参画というのは何を想定しているか。');
    expect(answer?.replyToId).toBe(question?.id);
    expect(answer?.speaker).toEqual({ type: 'secretariat' });
    const opinion = bundle.opinions.find((o) => o.remarkId === question?.id);
    expect(opinion?.response).toBe(answer?.text);
    expect(opinion?.status).toBe('質問・その他');
  });

  it('files every remark under an agenda item of its own meeting', () => {
    for (const r of bundle.remarks) {
      const m = bundle.meetings.find((x) => x.id === r.meetingId);
      expect(m, r.text).toBeDefined();
      expect(
        m!.agenda.some((a) => a.id === r.agendaItemId),
        r.text,
      ).toBe(true);
    }
    const orders = bundle.remarks.filter((r) => r.meetingId === meeting(2).id).map((r) => r.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('uses unique ids across the bundle', () => {
    const ids: string[] = [
      bundle.council.id,
      ...bundle.council.fields.map((f) => f.id),
      ...bundle.council.matrixColumns.map((c) => c.id),
      ...bundle.members.map((x) => x.id),
      ...bundle.staff.map((x) => x.id),
      ...bundle.meetings.flatMap((m) => [m.id, ...m.agenda.map((a) => a.id), ...m.materials.map((x) => x.id)]),
      ...bundle.remarks.map((x) => x.id),
      ...bundle.opinions.map((x) => x.id),
      ...bundle.drafts.flatMap((d) => [d.id, ...d.sections.map((s) => s.id)]),
      ...bundle.draftVersions.map((x) => x.id),
      ...bundle.matrixItems.map((x) => x.id),
      ...bundle.planEntries.map((x) => x.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    // Minutes share their meeting's id by design; a version keeps its draft's section ids.
    for (const m of bundle.minutes) expect(m.id).toBe(m.meetingId);
    expect(bundle.draftVersions[1]!.sections.map((s) => s.id)).toEqual(bundle.drafts[0]!.sections.map((s) => s.id));
  });

  it('has the vision outline with 3 top-level sections', () => {
    const draft = bundle.drafts[0]!;
    const top = draft.sections.filter((s) => s.parentId === null);
    expect(top.map((s) => s.heading)).toEqual([
      'これまでの行財政改革の取り組みと現状',
      'これからの行政経営の方向性',
      '行政経営戦略推進の方法',
    ]);
    // The working copy continues from the newest version (素案).
    expect(bundle.draftVersions.map((v) => v.stage)).toEqual(['骨子案', '素案']);
    expect(bundle.draftVersions[1]!.sections).toEqual(draft.sections);
    expect(bundle.draftVersions[1]!.sections).not.toBe(draft.sections);
  });
});
