import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../shared/contract';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';

describe('zod-free channel names for the preload', () => {
  it('lists exactly the channels of the contract, in the same order', () => {
    expect([...CHANNEL_NAMES]).toEqual(Object.keys(contract));
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNELS.length);
  });

  it('is what the preload imports, and the preload does not import the schemas', () => {
    const preload = readFileSync(new URL('../../electron/preload/index.ts', import.meta.url), 'utf8');
    expect(preload).toContain("from '../../shared/contract/channel-names'");
    expect(preload).not.toMatch(/import \{[^}]*\} from '\.\.\/\.\.\/shared\/contract'/);
    expect(preload).not.toMatch(/from 'zod'/);
    const names = readFileSync(new URL('../../shared/contract/channel-names.ts', import.meta.url), 'utf8');
    expect(names).not.toMatch(/^import /m);
  });
});
