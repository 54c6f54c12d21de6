/** ビジョン・計画: the drafts tab (list, editor, versions, comparison, trace). */
export { VisionTab } from './VisionTab';
export { VISION_SHORTCUTS } from './shortcuts';
