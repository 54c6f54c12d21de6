/**
 * The action form's values as typed (text), and their reading into an Action: numbers through
 * parseMeasure (half- or full-width, commas), years as 2024 / 令和6 / R6, then the shared record
 * checks. Every problem comes back as a Japanese message on its field; nothing is guessed.
 */
import { Action, parseMeasure, type Indicator } from '../../../../shared/actions';
import { toHalfWidthAscii } from '../../../../shared/numbering';
import { randomId } from '../../../../shared/factory';

export interface IndicatorValues {
  id: string;
  name: string;
  unit: string;
  baseline: string;
  baselineYear: string;
  target: string;
  targetYear: string;
}

export interface ActionValues {
  department: string;
  person: string;
  /** 誰と: one partner a line. */
  partners: string;
  startYear: string;
  /** '' = from the fiscal year's start; '1'…'12'. */
  startMonth: string;
  what: string;
  how: string;
  sectionIds: string[];
  indicators: IndicatorValues[];
}

const num = (n: number | null) => (n === null ? '' : String(n));

export function newIndicatorValues(): IndicatorValues {
  return { id: randomId(), name: '', unit: '', baseline: '', baselineYear: '', target: '', targetYear: '' };
}

export function valuesOf(action: Action | null, defaults: { sectionIds?: string[]; startYear?: number | null } = {}) {
  if (!action)
    return {
      department: '',
      person: '',
      partners: '',
      startYear: num(defaults.startYear ?? null),
      startMonth: '',
      what: '',
      how: '',
      sectionIds: defaults.sectionIds ?? [],
      indicators: [],
    } satisfies ActionValues;
  return {
    department: action.department,
    person: action.person,
    partners: action.partners.join('\n'),
    startYear: num(action.start?.fiscalYear ?? null),
    startMonth: num(action.start?.month ?? null),
    what: action.what,
    how: action.how,
    sectionIds: action.sectionIds,
    indicators: action.indicators.map((x) => ({
      id: x.id,
      name: x.name,
      unit: x.unit,
      baseline: num(x.baseline),
      baselineYear: num(x.baselineYear),
      target: num(x.target),
      targetYear: num(x.targetYear),
    })),
  } satisfies ActionValues;
}

const ERAS: [RegExp, number][] = [
  [/^(令和|R)(\d+|元)$/i, 2018],
  [/^(平成|H)(\d+|元)$/i, 1988],
];

/** A fiscal year as typed: 2024, ２０２４, 令和6, R6, 令和元 (年度 may follow). Empty → null. */
export function parseFiscalYear(
  input: string,
  what: string,
): { ok: true; value: number | null } | { ok: false; message: string } {
  const s = toHalfWidthAscii(input.trim())
    .replace(/年度?$/, '')
    .replace(/\s/g, '');
  if (!s) return { ok: true, value: null };
  for (const [re, base] of ERAS) {
    const m = re.exec(s);
    if (m) return { ok: true, value: base + (m[2] === '元' ? 1 : Number(m[2])) };
  }
  if (/^\d{4}$/.test(s)) return { ok: true, value: Number(s) };
  return {
    ok: false,
    message: `${what}「${input.trim()}」を年度として読めません。2024 や 令和6 のように入力してください。`,
  };
}

/** Field keys of the form: department, what, startYear, indicators.0.target … */
export type FieldErrors = Record<string, string>;

/**
 * Reads the form into an action. `errors` holds one message per field (number not a number,
 * target year before the start, 何を empty …); `action` is set only when there are none.
 */
export function readAction(
  values: ActionValues,
  base: Pick<Action, 'id' | 'planId'>,
): { action: Omit<Action, 'order' | 'createdAt' | 'updatedAt'> | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const year = (key: string, input: string, what: string) => {
    const r = parseFiscalYear(input, what);
    if (!r.ok) errors[key] = r.message;
    return r.ok ? r.value : null;
  };
  const measure = (key: string, input: string, what: string) => {
    const r = parseMeasure(input, what);
    if (!r.ok) errors[key] = r.message;
    return r.ok ? r.value : null;
  };
  const startYear = year('startYear', values.startYear, 'いつから（年度）');
  const month = values.startMonth ? Number(values.startMonth) : null;
  if (month !== null && startYear === null && !errors.startYear)
    errors.startYear = '月を選んだときは、年度も入力してください。';
  const indicators: Indicator[] = values.indicators.map((x, i) => {
    const label = x.name.trim() ? `指標「${x.name.trim()}」の` : `${i + 1}番目の指標の`;
    if (!x.name.trim()) errors[`indicators.${i}.name`] = `${i + 1}番目の指標の名前を入力してください。`;
    return {
      id: x.id,
      name: x.name.trim(),
      unit: x.unit.trim(),
      baseline: measure(`indicators.${i}.baseline`, x.baseline, `${label}基準値`),
      baselineYear: year(`indicators.${i}.baselineYear`, x.baselineYear, `${label}基準年度`),
      target: measure(`indicators.${i}.target`, x.target, `${label}目標値`),
      targetYear: year(`indicators.${i}.targetYear`, x.targetYear, `${label}目標年度`),
    };
  });
  const action = {
    ...base,
    order: 0,
    sectionIds: values.sectionIds,
    department: values.department.trim(),
    person: values.person.trim(),
    partners: values.partners
      .split('\n')
      .map((p) => p.replace(/^[・\s]+/, '').trim())
      .filter(Boolean),
    start: startYear === null ? null : { fiscalYear: startYear, month },
    what: values.what,
    how: values.how,
    indicators,
    createdAt: 'x',
    updatedAt: 'x',
  };
  const parsed = Action.safeParse(action);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      errors[key] ??= issue.message;
    }
  }
  if (Object.keys(errors).length) return { action: null, errors };
  const { order: _o, createdAt: _c, updatedAt: _u, ...rest } = action;
  return { action: rest, errors };
}
