import { describe, expect, it } from 'vitest';
import { sampleBundle, sampleInput, withSpeakersAndSecrets } from './minutes-helpers';
import {
  buildMinutesModel,
  minutesTextRuleChanges,
  modelText,
  paragraphText,
  type MinutesInput,
} from '../../shared/minutes/model';
import {
  DEFAULT_MINUTES_STYLE,
  MINUTES_STYLE_PRESETS,
  documentFormat,
  parseStyleFile,
  styleFileName,
  styleFileText,
  styleProblem,
  MinutesStyle,
} from '../../shared/minutes/style';
import { surnameLabels } from '../../shared/minutes/style-parts';
import { applyTextRules, formatDateTime, formatNumber, type DateTimeFormat } from '../../shared/style/format';
import type { CouncilBundle, SpeakerLabelRule } from '../../shared/domain';

/** The sample's 第２回 in a style (a copy of the default edited by `edit`). */
function styled(
  edit: (s: MinutesStyle) => void,
  mode: MinutesInput['mode'] = 'internal',
  opts: { rule?: SpeakerLabelRule; bundle?: CouncilBundle } = {},
): MinutesInput {
  const style = structuredClone(DEFAULT_MINUTES_STYLE);
  edit(style);
  const input = sampleInput(opts.bundle ?? withSpeakersAndSecrets(sampleBundle()), mode, opts.rule);
  return { ...input, council: { ...input.council, minutesStyle: style } };
}
const header = (input: MinutesInput) =>
  new Map(buildMinutesModel(input).header.map((h) => [h.label, h.lines.join('\n')]));
const allParagraphs = (input: MinutesInput) =>
  buildMinutesModel(input).sections.flatMap((s) => s.paragraphs.map(paragraphText));

describe('the default style', () => {
  it('is the council without a style: the same text for every mode and both kinds', () => {
    for (const mode of ['internal', 'public', 'review'] as const)
      for (const style of ['summary', 'speaker'] as const) {
        const input = { ...sampleInput(withSpeakersAndSecrets(sampleBundle()), mode, 'letter'), style };
        const withDefault = { ...input, council: { ...input.council, minutesStyle: DEFAULT_MINUTES_STYLE } };
        expect(modelText(buildMinutesModel(withDefault))).toBe(modelText(buildMinutesModel(input)));
      }
  });
});

describe('1 document kind and title', () => {
  it('議事要旨 has agenda items with their lines and no speaker', () => {
    const input = styled((s) => {
      s.kind = 'gist';
      s.title.text = '議事要旨';
    });
    const model = buildMinutesModel(input);
    expect(model.title).toBe('議事要旨');
    const kinds = new Set(model.sections.flatMap((s) => s.paragraphs.map((p) => p.kind)));
    expect(kinds.has('turn')).toBe(false);
    expect(kinds.has('group')).toBe(false);
    expect(allParagraphs(input)).toContain('・外部委託に関し、進捗をチェックしてフィードバックすべき。');
    expect(allParagraphs(input).join('\n')).not.toMatch(/河委員|＜各委員/);
  });

  it('決定事項 keeps only what was decided, in the sections that decided something', () => {
    const model = buildMinutesModel(styled((s) => (s.kind = 'decisions')));
    expect(model.sections.map((s) => s.heading)).toEqual(['４ 議題２ 行政経営戦略推進ビジョン骨子案について']);
    // The fixture records 議題２ as non-public: the internal copy marks it where it stands.
    expect(model.sections[0]!.paragraphs.map(paragraphText)).toEqual([
      '・【非公開】第３回審議会においてビジョン素案を提案することで異議なし。',
    ]);
  });

  it('a 会議録（全文） has a turn per remark', () => {
    const model = buildMinutesModel(styled((s) => (s.kind = 'verbatim')));
    expect(model.style).toBe('speaker');
    expect(allParagraphs(styled((s) => (s.kind = 'verbatim')))).toContain(
      '○河委員　やめることを決めないと新しいことはできないのではないか。また、事業廃止や中止に向けた予算編成や人員配置の仕組みの導入に尽きるのではないか。',
    );
    expect(model.sections.length).toBeGreaterThan(3);
  });

  it('prints the title spaced, with the status from the workflow', () => {
    const edit = (s: MinutesStyle) => {
      s.title = { text: '会議録', status: 'workflow', letterSpacing: true };
    };
    expect(buildMinutesModel(styled(edit, 'review')).title).toBe('会　議　録（案）');
    const draft = styled(edit, 'internal');
    expect(buildMinutesModel({ ...draft, minutes: { ...draft.minutes!, publishedAt: null } }).title).toBe(
      '会　議　録（案）',
    );
    const published = buildMinutesModel({ ...draft, minutes: { ...draft.minutes!, publishedAt: '2023-08-01' } });
    expect(published.title).toBe('会　議　録（確定稿）');
    expect(published.documentTitle).toBe('第2回 飯塚市行政経営戦略推進審議会 会議録（確定稿）（内部版）');
    expect(buildMinutesModel(styled((s) => (s.title.status = 'none'), 'review')).title).toBe('会議録');
  });
});

describe('2 header form and rows', () => {
  it('prints the chosen rows in the chosen order with their labels, including rows the seed lacks', () => {
    const input = styled((s) => {
      s.header.rows = [
        { key: 'datetime', label: '日時' },
        { key: 'venue', label: '場所' },
        { key: 'agenda', label: '議題' },
        { key: 'observers', label: '傍聴者' },
        { key: 'department', label: '所管課' },
        { key: 'recorder', label: '記録者', text: '事務局（上田）' },
        { key: 'next', label: '次回予定' },
        { key: 'body', label: '議事の経過' },
      ];
    });
    input.minutes = { ...input.minutes!, edits: { ...input.minutes!.edits, 'h:next': '令和5年8月3日（木）' } };
    const model = buildMinutesModel(input);
    expect(model.header.map((h) => h.label)).toEqual([
      '日時',
      '場所',
      '議題',
      '傍聴者',
      '所管課',
      '記録者',
      '次回予定',
      '議事の経過',
    ]);
    const rows = header(input);
    expect(rows.get('議題')).toBe(
      '議題１ 各分野の現状と課題及び想定される解決策について\n議題２ 行政経営戦略推進ビジョン骨子案について',
    );
    expect(rows.get('傍聴者')).toBe('2人');
    expect(rows.get('所管課')).toBe('行政経営部 業務改善・ＤＸ推進課');
    expect(rows.get('記録者')).toBe('事務局（上田）');
    expect(rows.get('次回予定')).toBe('令和5年8月3日（木）');
  });

  it('prints 公開・非公開 as the printed choices, the chosen one circled', () => {
    expect(header(styled((s) => (s.header.disclosure = 'choices'))).get('公開・非公開の別')).toBe(
      '①公開　２ 一部公開　３ 非公開\n（傍聴者 2人）',
    );
    const input = styled((s) => {
      s.header.disclosure = 'choices';
      s.numbering.digitWidth = 'half';
    });
    input.meeting = { ...input.meeting, disclosure: '一部公開', disclosureReason: '個人情報を含むため' };
    expect(header(input).get('公開・非公開の別')).toBe(
      '1 公開　②一部公開　3 非公開\n（理由：個人情報を含むため）\n（傍聴者 2人）',
    );
  });

  it('says なし for no observers, or leaves the line out, as the style says (never 「傍聴者 0人」 unless asked)', () => {
    const none = (edit: (s: MinutesStyle) => void) => {
      const input = styled(edit);
      input.meeting = { ...input.meeting, observers: 0 };
      return header(input);
    };
    expect(none(() => {}).get('公開・非公開の別')).toBe('公開\n（傍聴者 0人）');
    expect(none((s) => (s.header.observersNone = 'none')).get('公開・非公開の別')).toBe('公開\n（傍聴者 なし）');
    expect(none((s) => (s.header.observersNone = 'omit')).get('公開・非公開の別')).toBe('公開');
    const ownRow = none((s) => {
      s.header.observersNone = 'omit';
      s.header.rows.push({ key: 'observers', label: '傍聴者' });
    });
    expect(ownRow.has('傍聴者')).toBe(false);
  });
});

describe('3 attendance', () => {
  it('names, counts, marks for 会長・副会長, absentees under a divider', () => {
    expect(header(styled((s) => (s.attendance.form = 'count'))).get('出席委員')).toBe('5人');
    const marks = header(styled((s) => (s.attendance.officers = 'mark')));
    expect(marks.get('出席委員')).toBe('○大久保、河、河﨑、菅原、畠中');
    expect(marks.get('欠席委員')).toBe('◎井澤');
    const divider = header(styled((s) => (s.attendance.absent = 'divider')));
    expect(divider.get('出席委員')).toBe('大久保副会長、河委員、河﨑委員、菅原委員、畠中委員\n（欠席）\n井澤会長');
    expect(divider.has('欠席委員')).toBe(false);
  });

  it('groups by 選出区分 and lists 所属', () => {
    const b = withSpeakersAndSecrets(sampleBundle());
    b.members = b.members.map((m) =>
      m.name === '河' || m.name === '大久保'
        ? { ...m, category: '学識経験者', affiliation: '九州工業大学' }
        : { ...m, category: '関係団体' },
    );
    const cat = header(styled((s) => (s.attendance.form = 'category'), 'internal', { bundle: b }));
    expect(cat.get('出席委員')).toBe('【学識経験者】大久保副会長、河委員\n【関係団体】河﨑委員、菅原委員、畠中委員');
    const aff = header(styled((s) => (s.attendance.form = 'affiliation'), 'internal', { bundle: b }));
    expect(aff.get('出席委員')!.split('\n')[0]).toBe('大久保副会長（九州工業大学）');
  });

  it('keeps the named roster in a 公開版 with anonymous remarks when the style says so', () => {
    const hidden = header(styled(() => {}, 'public', { rule: 'letter' }));
    expect(hidden.get('出席委員')).toBe('副会長、委員4人（計5人）');
    const named = header(styled((s) => (s.attendance.namesInPublic = true), 'public', { rule: 'letter' }));
    expect(named.get('出席委員')).toBe('大久保副会長、河委員、河﨑委員、菅原委員、畠中委員');
  });

  it('staff as 【部】 lines or one line each', () => {
    expect(
      header(styled((s) => (s.attendance.staff = 'line-each')))
        .get('事務局職員')!
        .split('\n'),
    ).toEqual([
      '行政経営部　東部長',
      '業務改善・ＤＸ推進課　中嶋課長',
      '業務改善・ＤＸ推進課　上田課長補佐',
      '業務改善・ＤＸ推進課　野見山係長',
      '業務改善・ＤＸ推進課　伊佐',
    ]);
  });
});

describe('4 speaker turns', () => {
  const turns = (edit: (s: MinutesStyle) => void, rule?: SpeakerLabelRule, mode: MinutesInput['mode'] = 'internal') =>
    allParagraphs(
      styled(
        (s) => {
          s.kind = 'speaker';
          edit(s);
        },
        mode,
        rule ? { rule } : {},
      ),
    ).filter((t) => t.includes('やめることを決めないと'))[0];

  it('fills the pattern and places the label before the text, with a colon or on its own line', () => {
    expect(turns(() => {})).toMatch(/^○河委員　やめること/);
    expect(turns((s) => ((s.speaker.pattern = '{who}'), (s.speaker.placement = 'colon')))).toMatch(
      /^河委員：やめること/,
    );
    expect(turns((s) => ((s.speaker.pattern = '◆{who}'), (s.speaker.who = 'role-name')))).toMatch(
      /^◆委員（河）　やめること/,
    );
    expect(turns((s) => (s.speaker.placement = 'own-line'))).toMatch(/^○河委員\nやめること/);
    expect(turns((s) => (s.speaker.pattern = '【{who}】'), 'bracket', 'public')).toMatch(/^【委員】　?やめること/);
    expect(turns(() => {}, 'letter', 'public')).toMatch(/^○A委員　やめること/);
  });

  it('marks the chair and the staff with their own marks', () => {
    const input = styled((s) => {
      s.kind = 'speaker';
      s.speaker.marks = { chair: '◎', member: '○', staff: '△' };
    });
    const opinion = input.remarks.find((r) => r.kind === '意見')!.id;
    const explanation = input.remarks.find((r) => r.kind === '説明')!.id;
    input.remarks = input.remarks.map((r) =>
      r.id === opinion
        ? { ...r, speaker: { type: 'chair' } }
        : r.id === explanation
          ? { ...r, speaker: { type: 'secretariat' } }
          : r,
    );
    const text = allParagraphs(input);
    expect(text).toContainEqual(expect.stringMatching(/^◎大久保副会長　やめること/));
    expect(text).toContainEqual(expect.stringMatching(/^△事務局　/));
  });

  it('tells two members with one surname apart as the user chooses', () => {
    const members = [
      { id: 'a', name: '菅原 一郎', order: 1 },
      { id: 'b', name: '菅原 花子', order: 2 },
      { id: 'c', name: '河', order: 3 },
    ];
    expect([...surnameLabels(members, 'full-name').values()]).toEqual(['菅原一郎', '菅原花子', '河']);
    expect([...surnameLabels(members, 'given-initial').values()]).toEqual(['菅原（一）', '菅原（花）', '河']);
    expect([...surnameLabels(members, 'number').values()]).toEqual(['菅原（1）', '菅原（2）', '河']);
    const b = withSpeakersAndSecrets(sampleBundle());
    b.members = b.members.map((m) =>
      m.name === '河' ? { ...m, name: '菅原 一郎' } : m.name === '菅原' ? { ...m, name: '菅原 花子' } : m,
    );
    const text = allParagraphs(
      styled(
        (s) => ((s.kind = 'speaker'), (s.speaker.who = 'surname-role'), (s.speaker.sameSurname = 'given-initial')),
        'internal',
        {
          bundle: b,
        },
      ),
    ).join('\n');
    expect(text).toContain('○菅原（一）委員　やめること');
    expect(text).toContain('○菅原（花）委員　');
  });
});

describe('5 dates and times', () => {
  const f = (over: Partial<DateTimeFormat>): DateTimeFormat => ({ ...DEFAULT_MINUTES_STYLE.date, ...over });
  it('和暦, 西暦 or both, with each weekday form', () => {
    expect(formatDateTime('2023-07-07', '13:30', '15:30', f({}))).toBe('令和5年7月7日（金） 13:30～15:30');
    expect(formatDateTime('2023-07-07', '13:30', '15:30', f({ era: 'seireki', weekday: 'paren-half' }))).toBe(
      '2023年7月7日(金) 13:30～15:30',
    );
    expect(formatDateTime('2023-07-07', null, null, f({ era: 'both', weekday: 'paren-long' }))).toBe(
      '令和5年（2023年）7月7日（金曜日）',
    );
    expect(formatDateTime('2019-05-01', null, null, f({ weekday: 'paren-short' }))).toBe('令和元年5月1日(水曜)');
    expect(formatDateTime('2023-07-07', null, null, f({ weekday: 'none' }))).toBe('令和5年7月7日');
  });
  it('times as 13時30分, 午後, から…まで, with 正午 and 00分 as the style says; a start alone has no ～', () => {
    expect(formatDateTime('2023-07-07', '13:30', '15:30', f({ time: 'kanji' }))).toBe(
      '令和5年7月7日（金） 13時30分～15時30分',
    );
    expect(formatDateTime('2023-07-07', '18:00', '20:00', f({ time: 'kanji', zeroMinutes: 'keep' }))).toBe(
      '令和5年7月7日（金） 18時00分～20時00分',
    );
    expect(formatDateTime('2023-07-07', '13:30', '15:00', f({ time: 'gozen' }))).toBe(
      '令和5年7月7日（金） 午後1時30分～3時',
    );
    expect(formatDateTime('2023-07-07', '10:00', '12:00', f({ time: 'gozen', noon: true }))).toBe(
      '令和5年7月7日（金） 午前10時～正午',
    );
    expect(formatDateTime('2023-07-07', '13:30', '15:30', f({ time: 'gozen-kara' }))).toBe(
      '令和5年7月7日（金） 午後1時30分から午後3時30分まで',
    );
    expect(formatDateTime('2023-07-07', '13:30', null, f({}))).toBe('令和5年7月7日（金） 13:30');
    expect(formatDateTime('2023-07-07', '13:30', null, f({ dateTimeSeparator: '\n' }))).toBe(
      '令和5年7月7日（金）\n13:30',
    );
  });
  it('prints the 開催日時 row of the minutes in the style', () => {
    expect(header(styled((s) => ((s.date.era = 'seireki'), (s.date.time = 'gozen-kara')))).get('開催日時')).toBe(
      '2023年7月7日（金） 午後1時30分から午後3時30分まで',
    );
  });
});

describe('6 numbering and fixed texts', () => {
  it('numbers every level in one digit width', () => {
    expect([1, 2].map((n) => formatNumber(n, 'dai', 'full'))).toEqual(['第１', '第２']);
    expect(formatNumber(3, 'paren', 'half')).toBe('(3)');
    expect(formatNumber(3, 'paren', 'full')).toBe('（３）');
    expect(formatNumber(10, 'dot', 'half')).toBe('10.');
    const model = buildMinutesModel(
      styled((s) => {
        s.numbering = { section: 'dai', material: 'paren', agenda: 'plain', header: 'plain', digitWidth: 'half' };
      }),
    );
    expect(model.sections.map((s) => s.heading).slice(0, 3)).toEqual([
      '第1 開会',
      '第2 資料の説明',
      '第3 議題1 各分野の現状と課題及び想定される解決策について',
    ]);
    expect(model.header.find((h) => h.key === 'materials')!.lines[0]).toBe('(1)飯塚市行政経営戦略推進ビジョン骨子案');
  });

  it('numbers the agenda items inside headings and the 議題 row by their own form', () => {
    const heading = (agenda: 'plain' | 'paren' | 'circled' | 'dai', digitWidth: 'full' | 'half') =>
      buildMinutesModel(
        styled((s) => {
          s.numbering = { ...s.numbering, agenda, digitWidth };
          s.header.rows = [...s.header.rows.filter((r) => r.key !== 'agenda'), { key: 'agenda', label: '議題' }];
        }),
      );
    const third = (m: ReturnType<typeof buildMinutesModel>) => m.sections[2]!.heading;
    expect(third(heading('plain', 'full'))).toBe('３ 議題１ 各分野の現状と課題及び想定される解決策について');
    expect(third(heading('paren', 'half'))).toBe('3 議題(1) 各分野の現状と課題及び想定される解決策について');
    expect(third(heading('circled', 'full'))).toBe('３ 議題① 各分野の現状と課題及び想定される解決策について');
    expect(third(heading('dai', 'full'))).toBe('３ 第１ 各分野の現状と課題及び想定される解決策について');
    const agendaRow = heading('paren', 'full').header.find((h) => h.key === 'agenda')!.lines;
    expect(agendaRow[1]).toBe('議題（２） 行政経営戦略推進ビジョン骨子案について');
    // A style file written before the setting had it reads as 議題１.
    expect(
      MinutesStyle.parse({
        ...DEFAULT_MINUTES_STYLE,
        numbering: { section: 'plain', material: 'dot', header: 'plain', digitWidth: 'full' },
      }).numbering.agenda,
    ).toBe('plain');
  });

  it('uses the style texts for the group title, field mark, answers and the 説明 line', () => {
    const input = styled((s) => {
      s.texts.opinionsGroup = '【主な意見】';
      s.texts.answerPrefix = '→';
      s.texts.answerSuffix = '（事務局）';
      s.texts.explanation = '{who}より{text}';
    });
    const text = allParagraphs(input).join('\n');
    expect(text).toContain('【主な意見】');
    expect(text).toContain(
      '→【非公開】素案について市民意見の募集をする予定であり、市民参画の機会を設けたいということである。（事務局）',
    );
    expect(text).toContain('事務局より資料１');
    expect(text).not.toContain('＜各委員から出された主な意見＞');
  });
});

describe('7 punctuation and width', () => {
  it('applies ，。 and half-width letters and digits to every text, and lists each change first', () => {
    const input = styled((s) => (s.text = { punctuation: 'comma', alnumWidth: 'half' }));
    const text = modelText(buildMinutesModel(input));
    expect(text).not.toContain('、');
    expect(text).toContain('【業務改善・DX推進課】中嶋課長，上田課長補佐');
    expect(text).toContain('1 開会');
    const changes = minutesTextRuleChanges(input);
    expect(changes.length).toBeGreaterThan(10);
    expect(changes).toContainEqual({
      where: '出席委員',
      before: '大久保副会長、河委員、河﨑委員、菅原委員、畠中委員',
      after: '大久保副会長，河委員，河﨑委員，菅原委員，畠中委員',
    });
    expect(minutesTextRuleChanges(styled(() => {}))).toEqual([]);
  });
  it('rewrites marks both ways', () => {
    const rules = (punctuation: 'touten' | 'comma' | 'ascii') => ({ punctuation, alnumWidth: 'keep' as const });
    expect(applyTextRules('はい，そうです．１．', rules('touten'))).toBe('はい、そうです。１．');
    expect(applyTextRules('はい、そうです。', rules('ascii'))).toBe('はい,そうです.');
    expect(applyTextRules('DX 12', { punctuation: 'keep', alnumWidth: 'full' })).toBe('ＤＸ １２');
  });
  it('gives 次第 and the other documents the same date and punctuation settings', () => {
    const b = sampleBundle();
    const preset = MINUTES_STYLE_PRESETS.find((p) => p.name === '発言者別（コロン・西暦）')!;
    const format = documentFormat({ ...b.council, minutesStyle: preset });
    expect(format.date.era).toBe('seireki');
    expect(format.text.punctuation).toBe('comma');
    expect(documentFormat(b.council).date.weekday).toBe(b.council.publication.weekdayStyle);
  });
});

describe('presets and the style file', () => {
  it('has at least six presets that differ in kind, header form, speaker label and date form', () => {
    expect(MINUTES_STYLE_PRESETS.length).toBeGreaterThanOrEqual(6);
    expect(MINUTES_STYLE_PRESETS[0]).toBe(DEFAULT_MINUTES_STYLE);
    const distinct = (f: (s: MinutesStyle) => unknown) =>
      new Set(MINUTES_STYLE_PRESETS.map((s) => JSON.stringify(f(s)))).size;
    expect(distinct((s) => s.kind)).toBeGreaterThanOrEqual(5);
    expect(distinct((s) => s.header.form)).toBe(5);
    expect(
      distinct((s) => [s.speaker.pattern, s.speaker.placement, s.speaker.who, s.speaker.marks]),
    ).toBeGreaterThanOrEqual(4);
    expect(distinct((s) => s.date)).toBeGreaterThanOrEqual(5);
    for (const p of MINUTES_STYLE_PRESETS) expect(styleProblem(p)).toBeNull();
  });

  it('writes and reads back a versioned style file', () => {
    const preset = MINUTES_STYLE_PRESETS[3]!;
    const text = styleFileText(preset);
    expect(JSON.parse(text)).toMatchObject({ format: 'shingikai-style', version: 1 });
    expect(parseStyleFile(text)).toEqual({ ok: true, style: preset });
    expect(styleFileName(preset)).toBe('議事要旨.shingikai-style.json');
  });

  it('refuses a bad file with a Japanese message naming the first bad field', () => {
    const file = JSON.parse(styleFileText(DEFAULT_MINUTES_STYLE));
    file.style.header.form = 'grid';
    const bad = parseStyleFile(JSON.stringify(file));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^様式ファイルの「様式の見出しの形式」が正しくありません/);
    file.style.header.form = 'table';
    file.style.date.noon = 'yes';
    expect(
      !parseStyleFile(JSON.stringify(file)).ok && (parseStyleFile(JSON.stringify(file)) as { message: string }).message,
    ).toContain('「様式の日付・時刻の正午」');
    expect(parseStyleFile('{')).toEqual({ ok: false, message: '様式ファイルを読めません。JSON 形式ではありません。' });
    expect(parseStyleFile('{"format":"other"}').ok).toBe(false);
    expect((parseStyleFile(JSON.stringify({ ...file, version: 9 })) as { message: string }).message).toContain(
      '新しい版',
    );
  });

  it('refuses a style with no title or an empty header, with the reason', () => {
    const noTitle = structuredClone(DEFAULT_MINUTES_STYLE);
    noTitle.title.text = ' ';
    expect(styleProblem(noTitle)).toMatch(/表題が空/);
    const noHeader = structuredClone(DEFAULT_MINUTES_STYLE);
    noHeader.header.rows = [{ key: 'body', label: '会議内容' }];
    expect(styleProblem(noHeader)).toMatch(/見出し.*一つもありません/);
    const parsed = parseStyleFile(styleFileText(noHeader));
    expect(!parsed.ok && parsed.message).toMatch(/^この様式は使えません：/);
  });
});

describe('titles from the roster (委員長, 座長, 部会長, 職務代理者)', () => {
  /** The sample with its own titles: 井澤 委員長, 大久保 副委員長, 菅原 部会長, 河 専門委員. */
  const titled = () => {
    const b = withSpeakersAndSecrets(sampleBundle());
    const role: Record<string, string> = { 井澤: '委員長', 大久保: '副委員長', 菅原: '部会長', 河: '専門委員' };
    b.members = b.members.map((m) => ({ ...m, role: role[m.name] ?? m.role }));
    return b;
  };

  it('prints each title as typed, ◎ the chair and ○ the vice-chair; other titles stay after the name', () => {
    const roles = header(styled(() => {}, 'internal', { bundle: titled() }));
    expect(roles.get('出席委員')).toBe('大久保副委員長、河専門委員、河﨑委員、菅原部会長、畠中委員');
    expect(roles.get('欠席委員')).toBe('井澤委員長');
    const marks = header(styled((s) => (s.attendance.officers = 'mark'), 'internal', { bundle: titled() }));
    expect(marks.get('出席委員')).toBe('○大久保、河（専門委員）、河﨑、菅原（部会長）、畠中');
    expect(marks.get('欠席委員')).toBe('◎井澤');
  });

  it('counts by title in a 公開版 without names: chair titles, vice-chairs, then members', () => {
    const hidden = header(styled(() => {}, 'public', { rule: 'letter', bundle: titled() }));
    expect(hidden.get('出席委員')).toBe('部会長、副委員長、専門委員1人、委員2人（計5人）');
  });

  it('fills {記号}{姓}{役職} and {氏名}（{役職}） with the roster title; a hiding rule prints no name', () => {
    const turn = (pattern: string, mode: MinutesInput['mode'] = 'internal', rule?: SpeakerLabelRule) => {
      const input = styled(
        (s) => {
          s.kind = 'speaker';
          s.speaker.pattern = pattern;
          s.speaker.marks = { chair: '◎', member: '○', staff: '△' };
        },
        mode,
        { bundle: titled(), ...(rule ? { rule } : {}) },
      );
      const chairTurn = input.remarks.find((r) => r.kind === 'メモ')!.id;
      input.remarks = input.remarks.map((r) =>
        r.id === chairTurn ? { ...r, kind: '発言', speaker: { type: 'chair' }, text: '開会します。' } : r,
      );
      const text = allParagraphs(input);
      return [text.find((t) => t.includes('開会します'))!, text.find((t) => t.includes('やめることを決めないと'))!];
    };
    // The chair of the day (大久保 副委員長) gets the chair's mark.
    expect(turn('{記号}{姓}{役職}')).toEqual([
      expect.stringMatching(/^◎大久保副委員長　開会します/),
      expect.stringMatching(/^○河専門委員　やめること/),
    ]);
    expect(turn('{氏名}（{役職}）')[1]).toMatch(/^河（専門委員）　やめること/);
    const hidden = turn('{記号}{姓}{役職}', 'public', 'letter');
    expect(hidden[1]).toMatch(/^○A委員　やめること/);
    expect(hidden.join('')).not.toMatch(/大久保|河専門/);
  });

  it('refuses a pattern that names nobody, naming the field', () => {
    const style = structuredClone(DEFAULT_MINUTES_STYLE);
    style.speaker.pattern = '○';
    const r = parseStyleFile(styleFileText(style));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('「様式の発言者のラベルの型」');
  });
});

describe('内部版 of a 全文記録 with unrecorded speakers', () => {
  const fullText = (mode: MinutesInput['mode']) => {
    const preset = MINUTES_STYLE_PRESETS.find((p) => p.name === '全文記録（見出し形式）')!;
    const input = sampleInput(sampleBundle(), mode);
    return buildMinutesModel({ ...input, minutesStyle: preset }).sections.flatMap((s) =>
      s.paragraphs.map(paragraphText),
    );
  };
  it('says the speaker is not recorded instead of a bare 「委員」; named speakers keep 氏名＋役職', () => {
    const internal = fullText('internal');
    expect(internal).toContain(
      '委員（発言者未設定）\n優先順位を決めるべきではないか。そのうえで、すぐ改善できるものはすぐやればいいのではないか。',
    );
    expect(internal.some((t) => t.startsWith('委員\n'))).toBe(false);
    // The 確認用 copy and the 公開版 print 委員 as before.
    expect(fullText('review')).toContainEqual(expect.stringMatching(/^委員\n優先順位/));
    const named = buildMinutesModel({
      ...sampleInput(withSpeakersAndSecrets(sampleBundle()), 'internal'),
      minutesStyle: MINUTES_STYLE_PRESETS.find((p) => p.name === '全文記録（見出し形式）')!,
    });
    expect(named.sections.flatMap((s) => s.paragraphs.map(paragraphText))).toContainEqual(
      expect.stringMatching(/^河委員\nやめること/),
    );
  });
});

describe('other attendees (説明員, 幹事, 報道関係) as their own groups', () => {
  const withOthers = () => {
    const b = withSpeakersAndSecrets(sampleBundle());
    b.staff = [
      ...b.staff,
      {
        id: 'st-x',
        councilId: b.council.id,
        department: '都市計画課',
        title: '課長',
        name: '山田',
        order: 10,
        group: '説明員',
      },
      {
        id: 'st-y',
        councilId: b.council.id,
        department: '財政課',
        title: '課長',
        name: '森',
        order: 11,
        group: '幹事',
      },
    ];
    b.meetings = b.meetings.map((m) =>
      m.number === 2
        ? {
            ...m,
            staffPresent: [...m.staffPresent, 'st-x', 'st-y'],
            otherAttendees: [
              { id: 'o1', group: '報道関係', text: '2社' },
              { id: 'o2', group: '説明員', text: '株式会社まちづくり総研　佐藤' },
            ],
          }
        : m,
    );
    return b;
  };

  it('lists each group under its heading in the その他の出席者 row, not among the 事務局', () => {
    const h = header(styled(() => {}, 'internal', { bundle: withOthers() }));
    expect(h.get('その他の出席者')).toBe(
      '＜説明員＞\n【都市計画課】山田課長\n株式会社まちづくり総研　佐藤\n＜幹事＞\n【財政課】森課長\n＜報道関係＞\n2社',
    );
    expect(h.get('事務局職員')).not.toMatch(/山田|森/);
  });

  it('orders the groups as the style says, or gives each its own row', () => {
    const ordered = header(
      styled((s) => (s.attendance.others = { layout: 'one-row', order: ['報道関係', '幹事'] }), 'internal', {
        bundle: withOthers(),
      }),
    );
    expect(
      ordered
        .get('その他の出席者')!
        .split('\n')
        .filter((l) => l.startsWith('＜')),
    ).toEqual(['＜報道関係＞', '＜幹事＞', '＜説明員＞']);
    const model = buildMinutesModel(
      styled(
        (s) => ((s.attendance.others = { layout: 'own-rows', order: [] }), (s.attendance.staff = 'line-each')),
        'internal',
        {
          bundle: withOthers(),
        },
      ),
    );
    const labels = model.header.map((h) => h.label);
    expect(labels.slice(labels.indexOf('事務局職員'), labels.indexOf('事務局職員') + 4)).toEqual([
      '事務局職員',
      '説明員',
      '幹事',
      '報道関係',
    ]);
    expect(model.header.find((h) => h.label === '説明員')!.lines).toEqual([
      '都市計画課　山田課長',
      '株式会社まちづくり総研　佐藤',
    ]);
  });

  it('hides the names of other attendees in a 公開版 without names, as it does for the 事務局', () => {
    const b = withOthers();
    b.meetings = b.meetings.map((m) =>
      m.number === 2 ? { ...m, otherAttendees: [{ id: 'o2', group: '説明員', text: '財政課　森課長' }] } : m,
    );
    const h = header(styled(() => {}, 'public', { rule: 'letter', bundle: b }));
    expect(h.get('その他の出席者')).toMatch(/^＜説明員＞\n【都市計画課】課長/);
    expect(h.get('その他の出席者')).not.toMatch(/山田|森/);
  });

  it('has no row when nobody else came', () => {
    expect(header(styled(() => {})).has('その他の出席者')).toBe(false);
  });
});
