/** Word exports of drafts: the council's fonts (shared/drafts/fonts.ts), and the app's one export hook. */
export { fontsOf } from '../../../../shared/drafts/fonts';
export { useExport } from '../../ui/exporting';
