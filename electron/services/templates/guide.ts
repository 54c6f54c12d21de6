/**
 * 「テンプレートの作り方」(.docx): how to write a template, then every tag of every document
 * kind with what it holds and its value for the sample meeting (filled by the same code as
 * an export, so the examples are real).
 */
import { type Paragraph, type Table } from 'docx';
import type { Item, TemplateData } from '../../../shared/templates/minutes-data';
import {
  flattenTags,
  TEMPLATE_KIND_LABELS,
  templateTags,
  type TagSpec,
  type TemplateKind,
} from '../../../shared/templates/tags';
import { buildDocument, heading, packDocx, para, table, title } from '../exports/docx-common';
import { sampleData } from './data';

export const GUIDE_FILE_NAME = 'テンプレートの作り方.docx';

/** The first non-empty value of `name` under the loops of `path`, searching every item. */
export function exampleValue(data: TemplateData, path: string[], name: string): string | Item[] | undefined {
  if (path.length === 0) return data[name];
  const list = data[path[0]!];
  if (!Array.isArray(list)) return undefined;
  for (const item of list) {
    const v = exampleValue(item, path.slice(1), name);
    if (typeof v === 'string' ? v.trim() : v?.length) return v;
  }
  return undefined;
}

function exampleText(value: string | Item[] | undefined): string {
  if (value === undefined) return '（サンプルでは空）';
  if (Array.isArray(value)) return `（サンプルでは${value.length}件）`;
  const lines = value.split('\n');
  const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
  return value.trim() ? lines.slice(0, 3).map(cut).join('\n') + (lines.length > 3 ? '\n…' : '') : '（サンプルでは空）';
}

const tagText = (spec: TagSpec) => (spec.children ? `{#${spec.name}} … {/${spec.name}}` : `{${spec.name}}`);

const RULES = [
  '１　Word で普段の様式（レターヘッド、見出しの表、フォント、余白）を開き、会議ごとに変わる所にタグを書きます。タグは半角の波かっこで {会議名} のように書きます。全角の ｛ ｝ はタグになりません。',
  '２　繰り返し（一覧）は {#名前} で始めて {/名前} で閉じます。間に書いたものが項目の数だけ繰り返されます。繰り返しの中では、その繰り返しのタグと、外側のタグが使えます。',
  '３　表の中で、繰り返しの始めと終わりを同じ行の別の欄に書くと、１件ごとに表の行が増えます（意見対応表のひな形を参照）。同じ欄の中に書くと、欄の中の段落が繰り返されます（会議録のひな形の「会議内容」を参照）。',
  '４　タグは１つの段落の中で続けて入力してください。途中に改行を入れたり、タグの一部だけ別の書式にしたりすると読めないことがあります。そのときはタグを消して入力し直してください。',
  '５　できたテンプレートは審議会の画面から登録します。登録の前にサンプルの会議で差し込みを試し、知らないタグや閉じていない繰り返しがあれば、場所（表の何行目、本文の何段落目）とともにお知らせします。直すまで登録されません。',
  '６　公開版のテンプレートには、公開版と同じく非公開の発言を除き、委員の氏名を審議会の設定どおりに伏せた内容が入ります。',
];

export async function buildTemplateGuide(): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    title('テンプレートの作り方'),
    ...RULES.map((r) => para(r, { spacing: { after: 120 } })),
  ];
  // The three 会議録 share one tag list: listed once (examples from the 公開版).
  const groups: { kind: TemplateKind; title: string }[] = [
    { kind: 'minutes-public', title: '会議録（公開版・内部版・確認用）' },
    { kind: 'agenda', title: TEMPLATE_KIND_LABELS.agenda },
    { kind: 'responses', title: TEMPLATE_KIND_LABELS.responses },
  ];
  for (const { kind, title: groupTitle } of groups) {
    const { data } = sampleData(kind);
    children.push(heading(`${groupTitle}のタグ`, 1));
    const rows = flattenTags(templateTags(kind)).map(({ spec, path }) => [
      (path.length ? `${path.join(' › ')} の中\n` : '') + tagText(spec),
      spec.description,
      exampleText(exampleValue(data, path, spec.name)),
    ]);
    children.push(
      table({ widths: [30, 32, 38], header: ['タグ', '入る内容', '例（サンプルの会議）'], rows, fontSize: 18 }),
    );
  }
  return packDocx(buildDocument({ title: 'テンプレートの作り方', subject: 'テンプレート', children }));
}
