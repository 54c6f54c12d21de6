/** The minutes style's file I/O: a style is written as a small versioned JSON file, and read back validated. */
import type { ServiceContext } from '../../core/context';
import type { Handler } from '../../core/dispatch';
import { AppError } from '../../../shared/errors';
import { parseStyleFile, styleFileName, styleFileText, styleProblem } from '../../../shared/minutes/style';
import { saveDocument } from '../save-document';

export const STYLE_FILTER = { name: '会議録の様式', extensions: ['json'] };

export function minutesStyleHandlers(ctx: ServiceContext): {
  'minutes:style:export': Handler<'minutes:style:export'>;
  'minutes:style:parse': Handler<'minutes:style:parse'>;
} {
  return {
    'minutes:style:export': async ({ style }) => {
      const problem = styleProblem(style);
      if (problem) throw new AppError('INVALID_ARGUMENT', `この様式は書き出せません：${problem}`);
      const data = new TextEncoder().encode(styleFileText(style));
      return saveDocument(ctx, { fileName: styleFileName(style), filter: STYLE_FILTER, data });
    },
    'minutes:style:parse': ({ text }) => {
      const result = parseStyleFile(text);
      if (!result.ok) throw new AppError('INVALID_FILE', result.message);
      return { style: result.style };
    },
  };
}
