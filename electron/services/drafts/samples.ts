/** Sample documents of drafts: each frozen version, and the 新旧対照表 of each version against the one before. */
import type { SampleProducer } from '../exports/samples';
import { DEFAULT_COMPARISON_OPTIONS } from '../../../shared/contract/drafts';
import { comparisonFileName, docOfVersion, draftFileName } from '../../../shared/drafts';
import { buildDraftDocx } from './draft-docx';
import { buildComparisonDocx } from './comparison-docx';

export const draftSamples: SampleProducer = (bundle) => {
  const fonts = { body: bundle.council.publication.bodyFont, heading: bundle.council.publication.headingFont };
  return bundle.drafts.flatMap((draft) => {
    const versions = bundle.draftVersions
      .filter((v) => v.draftId === draft.id)
      .sort((a, b) => a.frozenAt.localeCompare(b.frozenAt))
      .map(docOfVersion);
    return [
      ...versions.map((doc) => ({ fileName: draftFileName(doc), build: () => buildDraftDocx({ doc, fonts }) })),
      ...versions.slice(1).map((doc, i) => ({
        fileName: comparisonFileName(doc.title, doc.stage, versions[i]!.stage),
        build: () =>
          buildComparisonDocx({ oldDoc: versions[i]!, newDoc: doc, options: DEFAULT_COMPARISON_OPTIONS, fonts }),
      })),
    ];
  });
};
