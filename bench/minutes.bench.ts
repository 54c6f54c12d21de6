/**
 * minutes.docx_3000_ms: a synthetic meeting with 3,000 remarks (about 200 pages) exported
 * to .docx by the app's own export code (model + Word), median of 3 runs.
 * minutes.pandoc_3000_ms: Debian's pandoc turning the same content, written here as
 * Markdown (header table, numbered headings, bullets), into .docx — the peer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchModule, Figure } from './harness';
import { buildSampleCouncil } from '../resources/sample/iizuka';
import { buildMinutesModel, paragraphText, type MinutesInput, type MinutesModel } from '../shared/minutes/model';
import { buildMinutesDocx } from '../electron/services/minutes/docx';
import type { AgendaItem, Remark } from '../shared/domain';

const REMARKS = 3000;
const RUNS = 3;
const PANDOC = ['/usr/bin/pandoc', '/usr/local/bin/pandoc'].find((p) => existsSync(p));

export function syntheticMeeting(count = REMARKS): MinutesInput {
  let n = 0;
  const b = buildSampleCouncil({ makeId: () => `b${++n}`, now: '2023-07-07T06:30:00.000Z' });
  const meeting = b.meetings.find((m) => m.number === 2)!;
  const items: AgendaItem[] = [
    { id: 'open', kind: '開会', title: '開会' },
    ...Array.from({ length: 10 }, (_, i): AgendaItem => ({
      id: `a${i}`,
      kind: '議題',
      title: `議題の題名その${i + 1}について`,
    })),
    { id: 'close', kind: '閉会', title: '閉会' },
  ];
  const texts = b.remarks.filter((r) => r.kind === '意見').map((r) => r.text);
  const kinds: Remark['kind'][] = ['意見', '意見', '意見', '発言', '質問', '回答', '説明', '報告', '意見', '決定'];
  const remarks: Remark[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const member = b.members[(i % 5) + 1]!;
    remarks.push({
      id: `r${i}`,
      meetingId: meeting.id,
      agendaItemId: `a${Math.floor((i / count) * 10)}`,
      order: i + 1,
      kind,
      speaker:
        kind === '回答' || kind === '説明' || kind === '報告'
          ? { type: 'secretariat' }
          : { type: 'member', memberId: member.id },
      fieldId: kind === '意見' ? b.council.fields[i % b.council.fields.length]!.id : null,
      text: `${texts[i % texts.length]}（${i + 1}）`,
      offsetSec: i * 2,
      nonPublic: i % 97 === 0,
      needsCheck: false,
      replyToId: kind === '回答' ? `r${i - 1}` : null,
      createdAt: '2023-07-07T06:30:00.000Z',
      updatedAt: '2023-07-07T06:30:00.000Z',
    });
  }
  return {
    council: { ...b.council, publication: { ...b.council.publication, speakerLabel: 'letter' } },
    members: b.members,
    staff: b.staff,
    meeting: { ...meeting, agenda: items },
    remarks,
    minutes: { ...b.minutes[0]!, style: 'summary' },
    mode: 'public',
  };
}

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: BenchModule = {
  title: '会議録の Word 出力（3,000件の記録、約200ページ）',
  async run() {
    const input = syntheticMeeting();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-minutes-'));
    try {
      await buildMinutesDocx(input); // warm up the modules
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const data = await buildMinutesDocx(input);
        times.push(performance.now() - t0);
        bytes = data.byteLength;
        writeFileSync(path.join(dir, 'minutes.docx'), data);
      }
      const ours = median(times);
      const figures: Figure[] = [];
      if (!PANDOC) {
        console.log(
          'pandoc が見つからないため、比較（minutes.pandoc_3000_ms）を省略します。Debian では apt install pandoc で入ります。',
        );
        figures.push({
          key: 'minutes.docx_3000_ms',
          value: ours,
          unit: 'ms',
          compare: `pandoc なし（比較省略）／${(bytes / 1024).toFixed(0)} KB`,
        });
        return figures;
      }
      const md = path.join(dir, 'minutes.md');
      writeFileSync(md, modelMarkdown(buildMinutesModel(input)));
      const version = execFileSync(PANDOC, ['--version']).toString().split('\n')[0];
      const peer: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const r = spawnSync(PANDOC, ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), md]);
        if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr.toString()}`);
        peer.push(performance.now() - t0);
      }
      const theirs = median(peer);
      const pandocBytes = statSync(path.join(dir, 'pandoc.docx')).size;
      figures.push(
        {
          key: 'minutes.docx_3000_ms',
          value: ours,
          unit: 'ms',
          compare: `pandoc ${theirs.toFixed(0)} ms（比 ${(ours / theirs).toFixed(2)}x、目標 ≤ 1.00x）／${(bytes / 1024).toFixed(0)} KB`,
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
