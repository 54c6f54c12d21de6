import { describe, expect, it } from 'vitest';
import type { Section } from '../../shared/domain';
import {
  addChild,
  addSibling,
  compareLines,
  compareVersions,
  diffText,
  indent,
  moveDown,
  moveUp,
  newSection,
  outdent,
  outline,
  removeSection,
  sides,
  graphemes,
  opinionPlacements,
  opinionPlacementsInDrafts,
  placementsText,
  reflectionList,
} from '../../shared/drafts';

const sec = (id: string, parentId: string | null, order: number, heading = id): Section => ({
  id,
  parentId,
  order,
  heading,
  blocks: [],
});
/** Seed 004's 目次: Ⅰ(1,2) Ⅱ(1,2,3(人(①②))) Ⅲ(1,2,3). */
const seed = (): Section[] => [
  sec('I', null, 1, 'これまでの行財政改革の取り組みと現状'),
  sec('I1', 'I', 1, 'これまでの取り組みと成果'),
  sec('I2', 'I', 2, '取り巻く環境'),
  sec('II', null, 2, 'これからの行政経営の方向性'),
  sec('II1', 'II', 1, '目指す姿'),
  sec('II2', 'II', 2, '大事にする価値'),
  sec('II3', 'II', 3, '取り組みの方向性'),
  sec('II3a', 'II3', 1, '人'),
  sec('II3a1', 'II3a', 1, '働き方改革の推進'),
  sec('II3a2', 'II3a', 2, '人材の確保・育成'),
  sec('III', null, 3, '行政経営戦略推進の方法'),
  sec('III1', 'III', 1, '期間'),
  sec('III2', 'III', 2, '推進体制'),
  sec('III3', 'III', 3, '進行管理'),
];
const labels = (s: readonly Section[], style: 'roman' | 'dai' = 'roman') =>
  outline(s, style).map((e) => `${e.path} ${e.section.heading}`);
const ids = (s: readonly Section[]) => outline(s, 'roman').map((e) => `${'  '.repeat(e.level)}${e.section.id}`);

describe('numbering', () => {
  it('numbers every level in the roman style (Ⅰ．/１．/（１）/①)', () => {
    expect(labels(seed())).toEqual([
      'Ⅰ． これまでの行財政改革の取り組みと現状',
      'Ⅰ．１． これまでの取り組みと成果',
      'Ⅰ．２． 取り巻く環境',
      'Ⅱ． これからの行政経営の方向性',
      'Ⅱ．１． 目指す姿',
      'Ⅱ．２． 大事にする価値',
      'Ⅱ．３． 取り組みの方向性',
      'Ⅱ．３．（１） 人',
      'Ⅱ．３．（１）① 働き方改革の推進',
      'Ⅱ．３．（１）② 人材の確保・育成',
      'Ⅲ． 行政経営戦略推進の方法',
      'Ⅲ．１． 期間',
      'Ⅲ．２． 推進体制',
      'Ⅲ．３． 進行管理',
    ]);
  });
  it('numbers every level in the 第1/1/(1)/ア style', () => {
    const deep = [
      sec('a', null, 1),
      sec('b', 'a', 1),
      sec('c', 'b', 1),
      sec('d', 'c', 1),
      sec('d2', 'c', 2),
      sec('e', 'd', 1),
      sec('f', 'e', 1),
      sec('g', 'f', 1),
      sec('a2', null, 2),
    ];
    expect(outline(deep, 'dai').map((e) => e.label)).toEqual([
      '第1',
      '1',
      '(1)',
      'ア',
      '(ア)',
      'a',
      '(a)',
      'イ',
      '第2',
    ]);
    expect(outline(deep, 'roman').map((e) => e.label)).toEqual([
      'Ⅰ．',
      '１．',
      '（１）',
      '①',
      'ア',
      '（ア）',
      '（ア）',
      '②',
      'Ⅱ．',
    ]);
    expect(outline(deep, 'dai').find((e) => e.section.id === 'd2')!.path).toBe('第1-1-(1)-イ');
  });
});

describe('outline edits keep ids and renumber', () => {
  it('moves a section up and down among its siblings', () => {
    const up = moveUp(seed(), 'III3');
    expect(labels(up).slice(-3)).toEqual(['Ⅲ．１． 期間', 'Ⅲ．２． 進行管理', 'Ⅲ．３． 推進体制']);
    expect(moveUp(up, 'III1')).toBe(up); // the first cannot move up
    const down = moveDown(seed(), 'I');
    expect(labels(down)[0]).toBe('Ⅰ． これからの行政経営の方向性');
    expect(labels(down)).toContain('Ⅱ．２． 取り巻く環境');
    expect(new Set(down.map((s) => s.id))).toEqual(new Set(seed().map((s) => s.id)));
  });
  it('indents under the previous sibling and outdents after the parent, children moving along', () => {
    const ind = indent(seed(), 'II2');
    expect(ids(ind).slice(3, 8)).toEqual(['II', '  II1', '    II2', '  II3', '    II3a']);
    expect(labels(ind)).toContain('Ⅱ．１．（１） 大事にする価値');
    expect(labels(ind)).toContain('Ⅱ．２． 取り組みの方向性');
    expect(indent(seed(), 'I')).toEqual(seed()); // nothing before it
    const out = outdent(seed(), 'II3a');
    expect(labels(out)).toContain('Ⅱ．４． 人');
    expect(labels(out)).toContain('Ⅱ．４．（１） 働き方改革の推進');
    const top = outdent(seed(), 'II3');
    expect(labels(top)).toContain('Ⅲ． 取り組みの方向性');
    expect(labels(top)).toContain('Ⅳ． 行政経営戦略推進の方法');
  });
  it('adds siblings and children and deletes with the subtree', () => {
    const added = addSibling(seed(), 'III2', newSection('new', '市民参画'));
    expect(labels(added).slice(-4)).toEqual([
      'Ⅲ．１． 期間',
      'Ⅲ．２． 推進体制',
      'Ⅲ．３． 市民参画',
      'Ⅲ．４． 進行管理',
    ]);
    const child = addChild(seed(), 'II3a', newSection('c', '人事評価'));
    expect(labels(child)).toContain('Ⅱ．３．（１）③ 人事評価');
    const first = addSibling([], null, newSection('x', '総論'));
    expect(labels(first)).toEqual(['Ⅰ． 総論']);
    const removed = removeSection(seed(), 'II3');
    expect(removed.map((s) => s.id)).not.toContain('II3a1');
    expect(removed).toHaveLength(seed().length - 4);
    const gone = removeSection(seed(), 'I1');
    expect(labels(gone)[1]).toBe('Ⅰ．１． 取り巻く環境');
  });
});

const render = (ops: ReturnType<typeof diffText>) =>
  ops.map((d) => (d.op === 'equal' ? d.text : d.op === 'insert' ? `[+${d.text}]` : `[-${d.text}]`)).join('');

describe('character diff for Japanese', () => {
  it('marks an edit inside a sentence as exactly the changed characters', () => {
    expect(
      render(
        diffText(
          '利用者側でデジタル化等により、利便性の向上を実現する。',
          '利用者側のデジタル化等により、市民の利便性の向上を実現する。',
        ),
      ),
    ).toBe('利用者側[-で][+の]デジタル化等により、[+市民の]利便性の向上を実現する。');
  });
  it('handles insertions at both ends', () => {
    expect(render(diffText('財源の確保に取り組む。', 'また、財源の確保に取り組むこととする。'))).toBe(
      '[+また、]財源の確保に取り組む[+こととする]。',
    );
    expect(render(diffText('', '新設の文'))).toBe('[+新設の文]');
    expect(render(diffText('削る文', ''))).toBe('[-削る文]');
  });
  it('shows a full-width → half-width change as a change of exactly those characters', () => {
    const ops = diffText('ＤＸ推進計画及び働き方改革推進計画', 'DX推進計画及び働き方改革推進計画');
    expect(ops).toEqual([
      { op: 'delete', text: 'ＤＸ' },
      { op: 'insert', text: 'DX' },
      { op: 'equal', text: '推進計画及び働き方改革推進計画' },
    ]);
    const s = sides(ops);
    expect(s.old.filter((p) => p.changed).map((p) => p.text)).toEqual(['ＤＸ']);
    expect(s.new.filter((p) => p.changed).map((p) => p.text)).toEqual(['DX']);
  });
  it('keeps a moved paragraph whole (one deletion, one insertion) in a text diff', () => {
    const a = '近年、状況の変化が激しい。観察、判断、決定、実行をループさせる。検証、改善を図る。';
    const b = '観察、判断、決定、実行をループさせる。近年、状況の変化が激しい。検証、改善を図る。';
    const ops = diffText(a, b);
    expect(ops.filter((d) => d.op !== 'equal')).toHaveLength(2);
    expect(
      ops
        .filter((d) => d.op === 'equal')
        .map((d) => d.text)
        .join(''),
    ).toContain('検証、改善を図る。');
    expect(
      sides(ops)
        .new.map((p) => p.text)
        .join(''),
    ).toBe(b);
    expect(
      sides(ops)
        .old.map((p) => p.text)
        .join(''),
    ).toBe(a);
  });
  it('folds scattered one-character matches into a readable replacement', () => {
    const ops = diffText('市民サービスの向上', '職員の働きがいの上昇');
    expect(ops.filter((d) => d.op === 'equal').every((d) => graphemes(d.text).length >= 1)).toBe(true);
    expect(ops.length).toBeLessThanOrEqual(5);
  });
  it('never splits a surrogate pair or a combining sequence', () => {
    expect(render(diffText('𠮷野家で', '𠮷田家で'))).toBe('𠮷[-野][+田]家で');
    expect(render(diffText('か゚き', 'かき'))).toBe('[-か゚][+か]き');
  });
});

describe('line alignment and section comparison', () => {
  it('detects a moved paragraph and a changed one among body lines', () => {
    const lines = compareLines(
      ['A段落です。', 'B段落です。', 'C段落です。'],
      ['B段落です。', 'C段落です。', 'A段落です。'],
    );
    expect(lines.map((l) => l.status)).toEqual(['moved-out', 'equal', 'equal', 'moved-in']);
    const changed = compareLines(
      ['市税等の確保に加え、財源の確保に取り組む。'],
      ['市税等の確保に加え、ふるさと納税の推進など、財源の確保に取り組む。'],
    );
    expect(changed.map((l) => l.status)).toEqual(['changed']);
  });
  it('compares two versions by section id: changed, added, deleted, moved, renumbered', () => {
    const old = seed().map((s) =>
      s.id === 'II1' ? { ...s, blocks: [{ type: 'paragraph' as const, text: '５年後の目指す姿を設定する。' }] } : s,
    );
    let next = addSibling(old, 'III2', newSection('III-new', '市民参画'));
    next = removeSection(next, 'I2');
    next = moveUp(next, 'II3a2');
    next = next.map((s) =>
      s.id === 'II1'
        ? { ...s, blocks: [{ type: 'paragraph' as const, text: '５年後の目指す姿を次のとおり設定する。' }] }
        : s,
    );
    const rows = compareVersions({ numbering: 'roman', sections: old }, { numbering: 'roman', sections: next });
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(status).toMatchObject({
      I: 'unchanged',
      I2: 'deleted',
      II1: 'changed',
      'III-new': 'added',
      III3: 'renumbered',
      III2: 'unchanged',
    });
    // Of two swapped siblings one has moved; the other only changed its number.
    expect([status['II3a1'], status['II3a2']].sort()).toEqual(['moved', 'renumbered']);
    // The deleted section stands where it stood; the added one where it now is.
    expect(rows.map((r) => r.id).slice(0, 4)).toEqual(['I', 'I1', 'I2', 'II']);
    const renum = rows.find((r) => r.id === 'III3')!;
    expect(render(renum.heading)).toBe('[-３][+４]．進行管理');
    expect(render(rows.find((r) => r.id === 'II1')!.lines[0]!.ops)).toBe('５年後の目指す姿を[+次のとおり]設定する。');
  });
});

describe('the sample vision (骨子案 → 素案)', () => {
  it('has 23 sections in each version and a modest set of changes between them', async () => {
    const { buildSampleCouncil } = await import('../../resources/sample/iizuka');
    const bundle = buildSampleCouncil();
    const [kossi, soan] = bundle.draftVersions;
    expect(kossi!.sections).toHaveLength(23);
    expect(soan!.sections).toHaveLength(23);
    const rows = compareVersions(kossi!, soan!);
    const by = (status: string) =>
      rows.filter((r) => r.status === status).map((r) => (r.new ?? r.old)!.section.heading);
    expect(by('added')).toEqual(['市民参画']);
    expect(by('deleted')).toEqual(['管理の効率化']);
    expect(by('changed')).toEqual(
      ['歳入の確保', '利便性の向上', '規模の適正化と効率的な管理', '位置づけと計画期間'].sort(
        (a, b) =>
          rows.findIndex((r) => r.new?.section.heading === a) - rows.findIndex((r) => r.new?.section.heading === b),
      ),
    );
    expect(by('renumbered')).toEqual(['進行管理（PDCAサイクルとOODAループの活用）']);
    const period = rows.find((r) => r.new?.section.heading === '位置づけと計画期間')!;
    const changedLine = period.lines.find((l) => l.status === 'changed')!;
    expect(changedLine.ops.filter((d) => d.op !== 'equal')).toEqual([
      { op: 'delete', text: 'ＤＸ' },
      { op: 'insert', text: 'DX' },
    ]);
    const question = bundle.opinions.find((o) => o.summary.startsWith('推進体制のところで市民参画'))!;
    expect(placementsText(opinionPlacements(question, soan!))).toBe('Ⅲ．３．市民参画');
    expect(opinionPlacements(question, kossi!)).toEqual([]);
    expect(opinionPlacementsInDrafts(question, bundle.drafts).map((x) => [x.title, x.placements[0]!.path])).toEqual([
      ['飯塚市行政経営戦略推進ビジョン', 'Ⅲ．３．'],
    ]);
    const reflected = reflectionList(bundle.opinions, soan!, { linkedOnly: true });
    expect(reflected.map((r) => r.status)).toEqual(['既に記載', '既に記載', '一部反映', '質問・その他']);
    const linked = bundle.opinions.filter((o) => o.sectionIds.length > 0);
    expect(linked).toHaveLength(4);
    for (const o of linked) for (const id of o.sectionIds) expect(soan!.sections.some((x) => x.id === id)).toBe(true);
  });
});

describe('diff on long texts', () => {
  it('finds a few edits in a long text exactly, and treats wholly different texts as one replacement', () => {
    const base = '市民サービスと市職員の働きがいがともに上昇する未来を目指す。'.repeat(300);
    const edited = base.slice(0, 3000) + 'ＤＸ' + base.slice(3000, 6000).replace('未来', '将来') + base.slice(6000);
    const ops = diffText(base, edited);
    expect(
      sides(ops)
        .new.map((p) => p.text)
        .join(''),
    ).toBe(edited);
    expect(ops.filter((d) => d.op === 'insert').map((d) => d.text)).toEqual(['ＤＸ', '将']);
    const a = 'あ'.repeat(5000),
      b = 'い'.repeat(5000);
    expect(diffText(a, b)).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
  });
});
