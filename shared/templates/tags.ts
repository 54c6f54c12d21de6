/**
 * The city's own Word template (様式): which documents can have one, and every tag a
 * template may use, with what it means. Pure data; the guide, the starter templates and
 * the check of an uploaded template are all drawn from this one list.
 *
 * Tags are written {名前}; a loop is {#名前} … {/名前}. Inside a loop the tags of the loop
 * and of every enclosing level may be used (easy-template-x scope rules).
 */

export const TEMPLATE_KINDS = ['minutes-public', 'minutes-internal', 'minutes-review', 'agenda', 'responses'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  'minutes-public': '会議録（公開版）',
  'minutes-internal': '会議録（内部版）',
  'minutes-review': '会議録（確認用）',
  agenda: '会議次第',
  responses: '意見対応表',
};

export type MinutesTemplateKind = Extract<TemplateKind, `minutes-${string}`>;
export const MINUTES_KIND_MODE = {
  'minutes-public': 'public',
  'minutes-internal': 'internal',
  'minutes-review': 'review',
} as const satisfies Record<MinutesTemplateKind, 'public' | 'internal' | 'review'>;

export function isMinutesKind(kind: TemplateKind): kind is MinutesTemplateKind {
  return kind.startsWith('minutes-');
}

export interface TagSpec {
  name: string;
  /** What it holds, for the guide. */
  description: string;
  /** A loop: its tags, repeated once per item. */
  children?: TagSpec[];
}

const common: TagSpec[] = [
  { name: '審議会名', description: '審議会の名称' },
  { name: '会議名', description: '回と審議会の名称' },
  { name: '回', description: '第何回の会議か' },
  { name: '日時', description: '開催日時（審議会の日付の書き方による）' },
  { name: '場所', description: '開催場所（複数のときは改行で区切る）' },
];

const materials: TagSpec[] = [
  { name: '資料', description: '会議資料（番号付き、１行に１つ）' },
  {
    name: '資料一覧',
    description: '会議資料の繰り返し',
    children: [
      { name: '番号', description: '資料の番号' },
      { name: '資料名', description: '資料の名称' },
    ],
  },
];

const answers: TagSpec = {
  name: '回答',
  description: '意見・質問への回答の繰り返し',
  children: [{ name: '回答', description: '回答の本文' }],
};

const MINUTES_TAGS: TagSpec[] = [
  ...common,
  { name: '表題', description: '会議録、確認用は会議録（案）' },
  { name: '版', description: '公開版・内部版・確認用（案）' },
  { name: '出席委員', description: '出席委員（公開版で氏名を伏せる設定では役職と人数）' },
  { name: '欠席委員', description: '欠席委員（同上）' },
  {
    name: '出席者',
    description: '出席委員の繰り返し',
    children: [
      { name: '氏名', description: '氏名と役職（公開版で氏名を伏せる設定では役職のみ）' },
      { name: '役職', description: '名簿の役職（会長・委員長・座長・委員 など、入力のとおり）' },
      { name: '出欠', description: '出席・オンライン出席' },
    ],
  },
  {
    name: '欠席者',
    description: '欠席委員の繰り返し',
    children: [
      { name: '氏名', description: '氏名と役職（同上）' },
      { name: '役職', description: '名簿の役職（会長・委員長・座長・委員 など、入力のとおり）' },
    ],
  },
  { name: '事務局', description: '事務局職員（所属ごとに１行）' },
  {
    name: '事務局職員',
    description: '出席した事務局職員の繰り返し',
    children: [
      { name: '所属', description: '所属' },
      { name: '氏名', description: '氏名と職' },
    ],
  },
  ...materials,
  { name: '公開非公開', description: '公開・非公開の別と傍聴者数（会議録の欄のとおり）' },
  { name: '公開区分', description: '公開・一部公開・非公開' },
  { name: '非公開の理由', description: '一部公開・非公開の理由（公開のときは空）' },
  { name: '傍聴者', description: '傍聴者の人数' },
  { name: 'その他', description: '会議録の「その他」欄' },
  {
    name: '議事',
    description: '会議内容の項目（次第の項目）の繰り返し',
    children: [
      { name: '番号', description: '項目の番号' },
      { name: '題名', description: '項目の名称' },
      { name: '見出し', description: '番号と名称' },
      {
        name: '段落',
        description: '項目の本文の段落の繰り返し（会議録と同じ文面）',
        children: [{ name: '本文', description: '段落の文' }],
      },
      {
        name: '分野',
        description: '各委員から出された意見の分野の繰り返し',
        children: [
          { name: '分野名', description: '分野の名称（分野のない意見は「分野なし」）' },
          {
            name: '意見',
            description: '分野の意見・質問の繰り返し',
            children: [{ name: '意見', description: '意見の本文' }, answers],
          },
        ],
      },
      {
        name: '質問',
        description: '項目の質問の繰り返し',
        children: [{ name: '質問', description: '質問の本文' }, answers],
      },
    ],
  },
];

const AGENDA_TAGS: TagSpec[] = [
  ...common,
  {
    name: '次第',
    description: '次第の項目の繰り返し',
    children: [
      { name: '番号', description: '項目の番号' },
      { name: '項目', description: '項目の名称' },
      {
        name: '細目',
        description: '議題の内訳の繰り返し',
        children: [
          { name: '番号', description: '（１）などの番号' },
          { name: '項目', description: '議題の名称' },
        ],
      },
    ],
  },
  ...materials,
];

const RESPONSES_TAGS: TagSpec[] = [
  { name: '審議会名', description: '審議会の名称' },
  { name: '作成日', description: '作成した日（和暦）' },
  { name: '版', description: '公開版・内部用' },
  { name: '意見総数', description: '意見の件数' },
  { name: '委員数', description: '意見を出した委員の人数' },
  { name: '反映数', description: '反映した意見の件数（反映する・一部反映・既に記載）' },
  { name: '内訳', description: '反映状況ごとの件数' },
  {
    name: '意見一覧',
    description: '意見の繰り返し（表の行に置くと１件１行）',
    children: [
      { name: '番号', description: '通し番号' },
      { name: '分野', description: '分野' },
      { name: '意見', description: '意見の要旨' },
      { name: '出典', description: '第２回審議会などの出典' },
      { name: '委員', description: '委員（公開版では審議会の設定により伏せる）' },
      { name: '会議日', description: '意見が出た会議の日（和暦）' },
      { name: '市の考え方', description: '市の考え方' },
      { name: '反映状況', description: '反映状況' },
      { name: '該当箇所', description: '計画の該当箇所' },
    ],
  },
];

export function templateTags(kind: TemplateKind): TagSpec[] {
  if (isMinutesKind(kind)) return MINUTES_TAGS;
  return kind === 'agenda' ? AGENDA_TAGS : RESPONSES_TAGS;
}

/** Every tag with its loop path (議事 › 段落 › 本文), depth first, for the guide. */
export function flattenTags(tags: TagSpec[], path: string[] = []): { spec: TagSpec; path: string[] }[] {
  return tags.flatMap((t) => [{ spec: t, path }, ...(t.children ? flattenTags(t.children, [...path, t.name]) : [])]);
}

/** A tag as read from the template, in document order. */
export interface FoundTag {
  name: string;
  disposition: 'Open' | 'Close' | 'SelfClosed';
  rawText: string;
  /** 表1 2行目 1列目 / 本文 3段落目 … */
  where: string;
}

export interface TagProblem {
  tag: string;
  where: string;
  message: string;
}

/**
 * Checks the tags against the list for the kind, with loop scopes: unknown names, a loop
 * closed that was never opened (the library would leave it as text), a loop name used as a
 * plain tag, a loop never closed.
 */
export function checkTags(kind: TemplateKind, found: FoundTag[]): TagProblem[] {
  const problems: TagProblem[] = [];
  const stack: { spec: TagSpec; tag: FoundTag }[] = [];
  const scopes = () => [templateTags(kind), ...stack.map((s) => s.spec.children ?? [])];
  const lookup = (name: string): TagSpec | undefined => {
    const levels = scopes();
    for (let i = levels.length - 1; i >= 0; i--) {
      const hit = levels[i]!.find((t) => t.name === name);
      if (hit) return hit;
    }
    return undefined;
  };
  for (const tag of found) {
    const name = tag.name.trim();
    if (tag.disposition === 'Close') {
      const open = stack.pop();
      if (!open) {
        problems.push({ tag: tag.rawText, where: tag.where, message: '対応する {#…} がない閉じタグです' });
      }
      continue;
    }
    const spec = lookup(name);
    if (!spec) {
      problems.push({ tag: tag.rawText, where: tag.where, message: 'このテンプレートでは使えないタグです' });
      if (tag.disposition === 'Open') stack.push({ spec: { name, description: '', children: [] }, tag });
      continue;
    }
    if (tag.disposition === 'Open') {
      if (!spec.children) {
        problems.push({
          tag: tag.rawText,
          where: tag.where,
          message: `繰り返しではありません。{${name}} と書いてください`,
        });
        stack.push({ spec: { name, description: '', children: [] }, tag });
      } else stack.push({ spec, tag });
    } else if (spec.children) {
      problems.push({
        tag: tag.rawText,
        where: tag.where,
        message: `繰り返しのタグです。{#${name}} と {/${name}} で囲んでください`,
      });
    }
  }
  for (const open of stack)
    problems.push({
      tag: open.tag.rawText,
      where: open.tag.where,
      message: `繰り返しが {/${open.spec.name}} で閉じられていません`,
    });
  return problems;
}
