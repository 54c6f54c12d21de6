/** Channels of the minutes style (会議録の様式): write a style file, read one back. */
import { z } from 'zod';
import { channel } from './define';
import { SavedFile } from './app';
import { MinutesStyle } from '../minutes/style';

/** A style file is a few KB; this leaves room for long fixed texts. */
export const STYLE_FILE_MAX_CHARS = 200_000;

export const minutesStyleChannels = {
  /** Writes the style as `<name>.shingikai-style.json` (refused when it would print no title or an empty header). */
  'minutes:style:export': channel(z.object({ style: MinutesStyle }).strict(), SavedFile),
  /** Reads a style file's text; a bad file is refused with the first bad field named in Japanese. */
  'minutes:style:parse': channel(
    z
      .object({
        text: z.string().max(STYLE_FILE_MAX_CHARS, '様式ファイルが大きすぎます'),
        fileName: z.string().max(300),
      })
      .strict(),
    z.object({ style: MinutesStyle }),
  ),
} as const;
