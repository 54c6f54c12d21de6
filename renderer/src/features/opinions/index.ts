/** 意見: the opinions tab, and turning remarks into opinions from other screens. */
export { OpinionsTab } from './OpinionsTab';
export { PromoteRemarksDialog } from './PromoteRemarksDialog';
export { OPINIONS_SHORTCUTS } from './shortcuts';
