/**
 * Every document the app can export, built from a council bundle by the same
 * main-process code the export channels use. `npm run samples -- <folder>` writes
 * them for the sample council; each export feature adds its producer to the list.
 */
import type { CouncilBundle } from '../../../shared/domain';
import { actionSamples } from '../actions/samples';
import { councilSamples } from '../councils/samples';
import { draftSamples } from '../drafts/samples';
import { htmlSamples } from '../html/samples';
import { minutesSamples } from '../minutes/samples';
import { opinionSamples } from '../opinions/samples';
import { templateSamples } from '../templates/samples';

export interface SampleDocument {
  /** As a user would name the file: 第2回_会議録_公開版.docx */
  fileName: string;
  build: () => Promise<Uint8Array>;
}

export type SampleProducer = (bundle: CouncilBundle) => SampleDocument[];

/** One line per export feature. */
export const SAMPLE_PRODUCERS: SampleProducer[] = [
  councilSamples,
  draftSamples,
  minutesSamples,
  opinionSamples,
  actionSamples,
  templateSamples,
  htmlSamples,
];
