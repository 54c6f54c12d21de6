/**
 * A long array of plain records (3,000 remarks of a meeting) validated without zod's per-value
 * machinery, refusing exactly what zod refuses. The element schema is read once and turned
 * into plain checks, for the kinds of schema a record is made of here: strings with length
 * limits, finite numbers with a lower bound, booleans, enums, literals, nullables, objects
 * (unknown keys dropped, as zod drops them) and discriminated unions of such objects. An
 * element schema with anything else (a pattern, a refinement, a default, a transform…) is not
 * turned into checks: the array is then zod's own.
 *
 * Every array the checks accept, zod accepts with the same output (test/unit/contract-fast-array.test.ts
 * compares both on valid and broken records). Whatever the checks do not accept goes to zod
 * itself, so a refused argument is refused with zod's own issues and paths.
 */
import { z } from 'zod';

const FAIL = Symbol('fail');
type Check = (value: unknown) => unknown;

interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  coerce?: boolean;
  innerType?: { _zod: { def: Def } };
  entries?: Record<string, string | number>;
  values?: unknown[];
  shape?: Record<string, { _zod: { def: Def } }>;
  catchall?: unknown;
  options?: { _zod: { def: Def } }[];
  discriminator?: string;
  error?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Plain checks for a schema, or null when it has something they do not cover. */
function compile(def: Def): Check | null {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'string': {
      if (def.coerce) return null;
      let min = 0;
      let max = Infinity;
      for (const c of checks) {
        if (c.check === 'min_length' && typeof c.minimum === 'number') min = Math.max(min, c.minimum);
        else if (c.check === 'max_length' && typeof c.maximum === 'number') max = Math.min(max, c.maximum);
        else return null;
      }
      return (v) => (typeof v === 'string' && v.length >= min && v.length <= max ? v : FAIL);
    }
    case 'number': {
      if (def.coerce) return null;
      let min = -Infinity;
      for (const c of checks) {
        if (c.check === 'greater_than' && c.inclusive === true && typeof c.value === 'number')
          min = Math.max(min, c.value);
        else return null;
      }
      return (v) => (typeof v === 'number' && Number.isFinite(v) && v >= min ? v : FAIL);
    }
    case 'boolean':
      return def.coerce || checks.length ? null : (v) => (typeof v === 'boolean' ? v : FAIL);
    case 'enum': {
      // z.enum of strings only (a TypeScript enum's reverse keys are zod's own business).
      const entries = Object.entries(def.entries ?? {});
      if (checks.length || !entries.length || entries.some(([k, v]) => k !== v)) return null;
      const values = new Set(entries.map(([, v]) => v));
      return (v) => (typeof v === 'string' && values.has(v) ? v : FAIL);
    }
    case 'literal': {
      if (checks.length || !def.values) return null;
      const values = new Set(def.values);
      return (v) => (values.has(v) ? v : FAIL);
    }
    case 'nullable': {
      const inner = checks.length || !def.innerType ? null : compile(def.innerType._zod.def);
      return inner && ((v) => (v === null ? null : inner(v)));
    }
    case 'object': {
      if (checks.length || def.catchall !== undefined || !def.shape) return null;
      const fields: [string, Check][] = [];
      for (const [key, schema] of Object.entries(def.shape)) {
        const check = compile(schema._zod.def);
        if (!check) return null;
        fields.push([key, check]);
      }
      // The output has the schema's keys in the schema's order, unknown keys dropped.
      return (v) => {
        if (!isRecord(v)) return FAIL;
        const out: Record<string, unknown> = {};
        for (const [key, check] of fields) {
          const value = check(v[key]);
          if (value === FAIL) return FAIL;
          out[key] = value;
        }
        return out;
      };
    }
    case 'union': {
      const key = def.discriminator;
      if (checks.length || !key || !def.options) return null;
      const byValue = new Map<unknown, Check>();
      for (const option of def.options) {
        const o = option._zod.def;
        const tag = o.shape?.[key]?._zod.def;
        const check = compile(o);
        if (!check || tag?.type !== 'literal' || !tag.values) return null;
        for (const value of tag.values) {
          if (byValue.has(value)) return null;
          byValue.set(value, check);
        }
      }
      return (v) => (isRecord(v) ? (byValue.get(v[key]) ?? (() => FAIL))(v) : FAIL);
    }
    default:
      return null;
  }
}

/** Whether the element schema was turned into plain checks (else the array is zod's own). */
export function hasFastChecks(item: z.ZodType): boolean {
  return compile((item as unknown as { _zod: { def: Def } })._zod.def) !== null;
}

/**
 * z.array(item).max(max), with the same input and output types, refusing the same arrays with
 * the same issues; an array the plain checks accept is not run through zod.
 */
export function fastArray<T extends z.ZodType>(item: T, max: number): z.ZodType<z.output<T>[], z.input<T>[]> {
  const full = z.array(item).max(max);
  const def = (item as unknown as { _zod: { def: Def } })._zod.def;
  const check = def.error === undefined ? compile(def) : null;
  if (!check) return full as unknown as z.ZodType<z.output<T>[], z.input<T>[]>;
  const schema = z.unknown().transform((value, ctx) => {
    if (Array.isArray(value) && value.length <= max) {
      const out: unknown[] = new Array(value.length);
      let i = 0;
      for (; i < value.length; i++) {
        const v = check(value[i]);
        if (v === FAIL) break;
        out[i] = v;
      }
      if (i === value.length) return out as z.output<T>[];
    }
    const parsed = full.safeParse(value);
    if (parsed.success) return parsed.data;
    // zod's own issues, paths inside the array (the enclosing object puts its key in front).
    for (const issue of parsed.error.issues) ctx.issues.push(issue as never);
    return z.NEVER;
  });
  return schema as unknown as z.ZodType<z.output<T>[], z.input<T>[]>;
}
