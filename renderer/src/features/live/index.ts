/** 記録（ライブ）: the live-notes screen and the projector view. */
export { LiveScreen } from './LiveScreen';
export { ProjectorScreen } from './ProjectorScreen';
export { LIVE_SHORTCUTS } from './shortcuts';
