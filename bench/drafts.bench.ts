/**
 * Drafts: comparing versions and building their Word documents, on the sample vision
 * (骨子案 → 素案, 23 sections) and on a long text. Medians of repeated runs.
 */
import type { BenchModule, Figure } from './harness';
import { buildSampleCouncil } from '../resources/sample/iizuka';
import { compareVersions, diffText, docOfVersion } from '../shared/drafts';
import { buildDraftDocx } from '../electron/services/drafts/draft-docx';
import { buildComparisonDocx } from '../electron/services/drafts/comparison-docx';
import { DEFAULT_COMPARISON_OPTIONS } from '../shared/contract/drafts';

async function median(runs: number, fn: () => unknown): Promise<number> {
  await fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const bench: BenchModule = {
  title: 'ビジョン・計画：版の比較と Word 出力',
  async run(): Promise<Figure[]> {
    const bundle = buildSampleCouncil();
    const [kossi, soan] = bundle.draftVersions.map(docOfVersion) as [
      ReturnType<typeof docOfVersion>,
      ReturnType<typeof docOfVersion>,
    ];
    // A 30,000-character text with edits spread through it.
    const base = '市民サービスを維持向上するためには、市職員が「働きがい」を高めつつ取り組むことが重要である。'.repeat(
      650,
    );
    let edited = base;
    for (let i = 1; i <= 20; i++) {
      const at = Math.floor((edited.length * i) / 21);
      edited = `${edited.slice(0, at)}ＤＸ${edited.slice(at + 2)}`;
    }
    return [
      {
        key: 'drafts.compare_sample_ms',
        value: await median(21, () => compareVersions(kossi, soan)),
        unit: 'ms',
        compare: '目標 ≤ 50 ms（骨子案→素案、23項目）',
      },
      {
        key: 'drafts.diff_30k_chars_ms',
        value: await median(11, () => diffText(base, edited)),
        unit: 'ms',
        compare: `目標 ≤ 200 ms（${base.length}字、20か所の変更）`,
      },
      {
        key: 'drafts.docx_soan_ms',
        value: await median(11, () => buildDraftDocx({ doc: soan })),
        unit: 'ms',
        compare: '目標 ≤ 1000 ms（素案の Word 文書）',
      },
      {
        key: 'drafts.comparison_docx_ms',
        value: await median(11, () =>
          buildComparisonDocx({ oldDoc: kossi, newDoc: soan, options: DEFAULT_COMPARISON_OPTIONS }),
        ),
        unit: 'ms',
        compare: '目標 ≤ 1000 ms（新旧対照表）',
      },
    ];
  },
};
export default bench;
