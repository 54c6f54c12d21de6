/** The fonts a council's Word documents use (設定 → 公開の体裁), for the draft exports. */
import type { Council } from '../domain';

export const fontsOf = (council: Pick<Council, 'publication'>) => ({
  body: council.publication.bodyFont,
  heading: council.publication.headingFont,
});
