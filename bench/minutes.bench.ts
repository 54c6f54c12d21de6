/**
 * minutes.docx_3000_channel_ms: a synthetic meeting with 3,000 remarks (about 200 pages)
 * exported cold through the real channel (`minutes:export:docx` via dispatch, real
 * ServiceContext): validation, record checks, model, Word build, atomic write of the file;
 * each run a fresh Node process whose first call it is (modules loaded before, as the app
 * loads them at start; their load time is printed beside). Median of 3.
 * (Renamed from minutes.docx_3000_ms, which timed a warm in-memory build only.)
 * minutes.pandoc_3000_ms: Debian's pandoc turning the same content, written here as
 * Markdown (header table, numbered headings, bullets), into .docx — the peer; each of its
 * runs right after one of ours (they take turns), median of 3.
 * The compare text also gives CPU time (ours during the call, pandoc's via /usr/bin/time), a
 * ratio a loaded machine disturbs less than wall time. Also printed (not a figure): the CPU time of each stage of a cold export
 * (bench/minutes-stages-child.ts), to show where the time goes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchModule, Figure } from './harness';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { syntheticMeeting } from './minutes-fixture';
import { buildMinutesModel, paragraphText, type MinutesModel } from '../shared/minutes/model';

const RUNS = 3;
const PANDOC = ['/usr/bin/pandoc', '/usr/local/bin/pandoc'].find((p) => existsSync(p));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export { syntheticMeeting };

/** The same content as Markdown: the header as a pipe table, the sections as headings. */
export function modelMarkdown(model: MinutesModel): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  const out = [`# ${model.title}`, '', '| 項目 | 内容 |', '| --- | --- |'];
  const rest: string[] = [];
  for (const h of model.header) {
    if (h.key === 'body') {
      out.push('| 会議内容 | （以下のとおり） |');
      for (const s of model.sections) {
        rest.push('', `## ${s.heading}`, '');
        for (const p of s.paragraphs)
          rest.push(p.kind === 'bullet' ? `- ${p.text}` : p.kind === 'field' ? `**■${p.text}**` : paragraphText(p), '');
      }
    } else out.push(`| ${h.label} | ${cell(h.lines.join('\n'))} |`);
  }
  return [...out, ...rest].join('\n') + '\n';
}

const run = promisify(execFile);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: BenchModule = {
  title: '会議録の Word 出力（3,000件の記録、約200ページ）',
  async run() {
    const input = syntheticMeeting();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-minutes-'));
    try {
      const times: number[] = [];
      const imports: number[] = [];
      let bytes = 0;
      const md = path.join(dir, 'minutes.md');
      writeFileSync(md, modelMarkdown(buildMinutesModel(input)));
      const peer: number[] = [];
      const cpus: number[] = [];
      const peerCpus: number[] = [];
      // Ours and pandoc take turns, so both see the same load on the machine.
      for (let i = 0; i < RUNS; i++) {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/minutes-channel-child.ts']);
        const r = JSON.parse(stdout.trim().split('\n').pop()!) as {
          ms: number;
          cpuMs: number;
          bytes: number;
          importMs: number;
        };
        times.push(r.ms);
        cpus.push(r.cpuMs);
        imports.push(r.importMs);
        bytes = r.bytes;
        if (!PANDOC) continue;
        // Through /usr/bin/time where there is one: pandoc's CPU time (user + system, all threads).
        const args = ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), md];
        const t0 = performance.now();
        const p = TIME ? spawnSync(TIME, ['-f', '%U %S', PANDOC, ...args]) : spawnSync(PANDOC, args);
        peer.push(performance.now() - t0);
        if (p.status !== 0) throw new Error(`pandoc failed: ${p.stderr.toString()}`);
        const cpu = TIME ? /([\d.]+) ([\d.]+)\s*$/.exec(p.stderr.toString()) : null;
        if (cpu) peerCpus.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
      }
      const ours = median(times);
      // Where the CPU goes (one more cold process, stage by stage): printed, not a figure.
      {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/minutes-stages-child.ts']);
        const st = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, number>;
        const names: Record<string, string> = {
          validate: '引数の検証',
          check: '記録の確認',
          review: '公開版の確認（モデルを別に作る）',
          model: 'モデル',
          'review+model': 'モデルと公開版の確認（一度に作る）',
          document: 'Word の組み立て',
          pack: 'パッケージ化・圧縮',
        };
        const total = Object.values(st).reduce((a, b) => a + b, 0);
        console.log(
          `  内訳（別の初回プロセス、CPU 時間 ms、書き込みを除く計 ${total}）: ` +
            Object.entries(st)
              .map(([k, v]) => `${names[k] ?? k} ${v}`)
              .join('／'),
        );
      }
      const figures: Figure[] = [];
      if (!PANDOC) {
        console.log(
          'pandoc が見つからないため、比較（minutes.pandoc_3000_ms）を省略します。Debian では apt install pandoc で入ります。',
        );
        figures.push({
          key: 'minutes.docx_3000_channel_ms',
          value: ours,
          unit: 'ms',
          compare: `pandoc なし（比較省略）／${(bytes / 1024).toFixed(0)} KB`,
        });
        return figures;
      }
      const version = execFileSync(PANDOC, ['--version']).toString().split('\n')[0];
      const theirs = median(peer);
      const pandocBytes = statSync(path.join(dir, 'pandoc.docx')).size;
      figures.push(
        {
          key: 'minutes.docx_3000_channel_ms',
          value: ours,
          unit: 'ms',
          compare: `pandoc ${theirs.toFixed(0)} ms（比 ${(ours / theirs).toFixed(2)}x、目標 ≤ 0.50x）／初回呼び出し（検証＋作成＋書き込み）、${(bytes / 1024).toFixed(0)} KB、モジュール読み込み ${median(imports).toFixed(0)} ms は別${
            peerCpus.length === RUNS
              ? `／CPU 時間 ${median(cpus).toFixed(0)} ms 対 pandoc ${median(peerCpus).toFixed(0)} ms（比 ${(median(cpus) / median(peerCpus)).toFixed(2)}x、負荷の影響が小さい目安）`
              : ''
          }`,
        },
        {
          key: 'minutes.pandoc_3000_ms',
          value: theirs,
          unit: 'ms',
          compare: `${version}、同じ内容の Markdown → docx／${(pandocBytes / 1024).toFixed(0)} KB`,
        },
      );
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
