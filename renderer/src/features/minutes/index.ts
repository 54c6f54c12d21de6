/** 会議録: the minutes screen. */
export { MinutesScreen } from './MinutesScreen';
export { MINUTES_SHORTCUTS } from './shortcuts';
export { MinutesPreview } from './MinutesPreview';
