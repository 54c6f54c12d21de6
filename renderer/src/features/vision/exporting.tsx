/** Word exports of drafts: the council's fonts, and the app's one export hook. */
import type { Council } from '../../../../shared/domain';
export { useExport } from '../../ui/exporting';

export const fontsOf = (council: Council) => ({
  body: council.publication.bodyFont,
  heading: council.publication.headingFont,
});
