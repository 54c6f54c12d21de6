/**
 * SAMPLE DATA — made up, not from any municipality's documents.
 *
 * A small action plan for the sample vision (飯塚市行政経営戦略推進ビジョン, resources/sample/
 * iizuka.ts), with one fiscal year's progress (令和6年度), to show the action sheet and the
 * 進捗管理表. The seed gives the vision's sections and its plan period (プラン R6～R8) and, in
 * 資料２, ideas such as メンター制度, 電子決裁, リモートワーク, ふるさと納税, ドローン; the
 * actions below are built from those ideas, but every department, figure, status and comment
 * is invented and marked as sample data in the plan's title.
 */
import type { CouncilBundle, Opinion } from '../../shared/domain';
import type { Action, ActionPlanBundle, Indicator, ProgressEntry } from '../../shared/actions/model';
import { randomId } from '../../shared/factory';

export const SAMPLE_ACTION_PLAN_TITLE = '行政経営戦略推進プラン（サンプルデータ）';
export const SAMPLE_PROGRESS_YEAR = 2024; // 令和6年度
export const SAMPLE_PROGRESS_AS_OF = '2025-05-30';

interface IndicatorSpec {
  name: string;
  unit: string;
  baseline: number | null;
  baselineYear: number | null;
  target: number | null;
  targetYear: number | null;
  /** The sample's actual value in 令和6年度. */
  actual: number | null;
}

interface ActionSpec {
  section: string; // heading of the vision section it carries out
  department: string;
  person: string;
  partners: string[];
  start: { fiscalYear: number; month: number | null };
  what: string;
  how: string;
  indicators: IndicatorSpec[];
  progress: Pick<ProgressEntry, 'status' | 'evaluation' | 'comment'>;
}

const ACTIONS: ActionSpec[] = [
  {
    section: '働き方改革の推進',
    department: '人事課',
    person: '',
    partners: ['業務改善・ＤＸ推進課', '各課'],
    start: { fiscalYear: 2024, month: null },
    what: '勤務場所以外でリモートワークできる環境の整備',
    how: '令和8年度までに、全ての課でリモートワークを利用できるようにする。',
    indicators: [
      {
        name: 'リモートワークを実施した職員数',
        unit: '人',
        baseline: 35,
        baselineYear: 2023,
        target: 300,
        targetYear: 2026,
        actual: 120,
      },
    ],
    progress: {
      status: '実施中',
      evaluation: 'B',
      comment: '貸出用端末を40台配備した。利用は一部の課にとどまっており、対象業務の整理を進める。',
    },
  },
  {
    section: '人材の確保・育成',
    department: '人事課',
    person: '',
    partners: ['各部局'],
    start: { fiscalYear: 2024, month: 10 },
    what: '・メンター制度の導入\n・新人職員と所属の異なる先輩職員の面談',
    how: '試行の結果を踏まえ、令和7年度から全ての新人職員を対象とする。',
    indicators: [
      {
        name: 'メンター面談の実施件数',
        unit: '件',
        baseline: 0,
        baselineYear: 2023,
        target: 120,
        targetYear: 2025,
        actual: 48,
      },
    ],
    progress: {
      status: '実施中',
      evaluation: 'A',
      comment: '10月から試行し、参加した新人職員の満足度は高かった。',
    },
  },
  {
    section: '業務の効率化',
    department: '業務改善・ＤＸ推進課',
    person: '',
    partners: ['総務課', '各課'],
    start: { fiscalYear: 2024, month: null },
    what: '電子決裁の普及促進',
    how: '文書管理システムの操作研修を行い、紙による決裁を原則廃止する。',
    indicators: [
      {
        name: '電子決裁率',
        unit: '%',
        baseline: 42,
        baselineYear: 2023,
        target: 90,
        targetYear: 2026,
        actual: 55.5,
      },
    ],
    progress: {
      status: '実施中',
      evaluation: 'B',
      comment: '財務会計の決裁が紙のまま残っている。システム改修の時期を調整中。',
    },
  },
  {
    section: '利便性の向上',
    department: '業務改善・ＤＸ推進課',
    person: '',
    partners: ['市民課', '各課'],
    start: { fiscalYear: 2024, month: null },
    what: 'オンライン申請できる手続の拡充',
    how: '利用の多い手続から順にオンライン化し、申請から受け取りまで来庁不要とする。',
    indicators: [
      {
        name: 'オンライン申請できる手続の数',
        unit: '件',
        baseline: 58,
        baselineYear: 2023,
        target: 200,
        targetYear: 2026,
        actual: 72,
      },
    ],
    progress: {
      status: '見直し',
      evaluation: 'C',
      comment: '電子申請システムの更新に合わせるため、対象手続と進め方を見直す。',
    },
  },
  {
    section: '歳入の確保',
    department: '財政課',
    person: '',
    partners: ['市内事業者'],
    start: { fiscalYear: 2024, month: null },
    what: 'ふるさと納税の推進',
    how: '返礼品を市内事業者と開発し、寄附の受付サイトを増やす。',
    indicators: [
      {
        name: 'ふるさと納税の寄附件数',
        unit: '件',
        baseline: 21000,
        baselineYear: 2023,
        target: 30000,
        targetYear: 2026,
        actual: 24300,
      },
    ],
    progress: { status: '実施中', evaluation: 'A', comment: '新しい返礼品12品目を追加した。' },
  },
  {
    section: '規模の適正化と効率的な管理',
    department: '財産活用課',
    person: '',
    partners: ['民間企業'],
    start: { fiscalYear: 2025, month: null },
    what: '公共施設の点検へのドローンの活用',
    how: '屋根や外壁の点検に試行し、点検にかかる費用と日数を比べる。',
    indicators: [],
    progress: { status: '未着手', evaluation: '', comment: '令和7年度からの実施に向け、民間企業と協議を始めた。' },
  },
];

/** The opinion of the sample council linked to an action (Opinion.actionIds). */
const LINKED_OPINION = {
  summary: '庁内のDXと住民サービスのDXは分けて考えるべき。また、成果は検証する必要がある。',
  what: ['電子決裁の普及促進', 'オンライン申請できる手続の拡充'],
};

export interface SampleActionPlan extends ActionPlanBundle {
  /** The sample council's opinions, with actionIds set where they are about an action. */
  opinions: Opinion[];
}

export function buildSampleActionPlan(
  bundle: CouncilBundle,
  opts: { makeId?: () => string; now?: string } = {},
): SampleActionPlan {
  const makeId = opts.makeId ?? randomId;
  const now = opts.now ?? new Date().toISOString();
  const draft = bundle.drafts[0];
  if (!draft) throw new Error('sample: no draft');
  const sectionId = (heading: string): string => {
    const found = draft.sections.find((s) => s.heading === heading);
    if (!found) throw new Error(`sample: no section ${heading}`);
    return found.id;
  };
  const plan = {
    id: makeId(),
    councilId: bundle.council.id,
    draftId: draft.id,
    title: SAMPLE_ACTION_PLAN_TITLE,
    startFiscalYear: 2024,
    endFiscalYear: 2026,
    createdAt: now,
    updatedAt: now,
  };
  const actions: Action[] = [];
  const progress: ProgressEntry[] = [];
  ACTIONS.forEach((spec, i) => {
    const indicators: Indicator[] = spec.indicators.map(({ actual: _actual, ...x }) => ({ id: makeId(), ...x }));
    const action: Action = {
      id: makeId(),
      planId: plan.id,
      sectionIds: [sectionId(spec.section)],
      order: i + 1,
      department: spec.department,
      person: spec.person,
      partners: spec.partners,
      start: spec.start,
      what: spec.what,
      how: spec.how,
      indicators,
      createdAt: now,
      updatedAt: now,
    };
    actions.push(action);
    progress.push({
      id: makeId(),
      actionId: action.id,
      fiscalYear: SAMPLE_PROGRESS_YEAR,
      ...spec.progress,
      actuals: spec.indicators
        .map((x, j) => ({ indicatorId: indicators[j]!.id, value: x.actual }))
        .filter((a) => a.value !== null),
      updatedAt: now,
    });
  });
  const opinions = bundle.opinions.map((o) =>
    o.summary === LINKED_OPINION.summary
      ? { ...o, actionIds: actions.filter((a) => LINKED_OPINION.what.includes(a.what)).map((a) => a.id) }
      : o,
  );
  return { plan, actions, progress, opinions };
}
