import type { z } from 'zod';

/** One main↔renderer channel: the schema of its single argument and of its result. */
export interface ChannelDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
}

export function channel<A extends z.ZodType, R extends z.ZodType>(args: A, result: R): ChannelDef<A, R> {
  return { args, result };
}
