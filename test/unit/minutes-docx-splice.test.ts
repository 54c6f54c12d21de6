import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { buildMinutesDocx, buildMinutesDocxReference } from '../../electron/services/minutes/docx';
import { MINUTES_STYLE_PRESETS } from '../../shared/minutes/style';
import type { MinutesInput } from '../../shared/minutes/model';
import { sampleBundle, sampleInput, withSpeakersAndSecrets } from './minutes-helpers';
import { syntheticMeeting } from '../../bench/minutes-fixture';

/** Every part of both packages; the document part byte for byte. */
async function expectSameAsReference(input: MinutesInput) {
  const fast = unzipSync(await buildMinutesDocx(input));
  const ref = unzipSync(await buildMinutesDocxReference(input));
  expect(Object.keys(fast)).toEqual(Object.keys(ref));
  for (const name of Object.keys(ref)) {
    if (name === 'docProps/core.xml') continue; // creation time
    expect(strFromU8(fast[name]!), name).toBe(strFromU8(ref[name]!));
  }
  return strFromU8(fast['word/document.xml']!);
}

/** Texts the XML must escape, line breaks, an empty remark. */
function awkward(input: MinutesInput): MinutesInput {
  const texts = ['A & B <c> "d" \'e\'', '一行目\n二行目\n', '', '（拍手）', 'tab\there\u0001'];
  return {
    ...input,
    remarks: input.remarks.map((r, i) => (i >= 1 && i <= texts.length ? { ...r, text: texts[i - 1]! } : r)),
  };
}

describe('会議録 .docx: spliced body paragraphs are the library’s own XML', () => {
  for (const preset of MINUTES_STYLE_PRESETS)
    for (const mode of ['internal', 'public', 'review'] as const)
      it(`${preset.name} / ${mode}`, async () => {
        const input = awkward(sampleInput(withSpeakersAndSecrets(sampleBundle()), mode, 'letter'));
        input.council = { ...input.council, minutesStyle: preset };
        const xml = await expectSameAsReference(input);
        expect(xml).not.toContain('shingikai-splice');
      });

  it('the 3,000-remark bench meeting (300 remarks here), in the council’s own style', async () => {
    const input = awkward(syntheticMeeting(300));
    const xml = await expectSameAsReference(input);
    expect(xml).toContain('（300）');
    expect(xml).toContain('A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
    expect(xml).toContain('一行目</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">二行目');
  });
});
