/**
 * The feature screens, each loaded on first use: the first screen downloads the shell and
 * the home screen only, not every feature (bench/bundle.bench.ts counts what it loads).
 * Each loader imports the feature's index.ts, so features still meet only there.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import { whenIdle } from '../platform/idle';

/** The fallback while a screen's code is fetched. */
export function ScreenLoading() {
  return <Spinner label="読み込み中…" style={{ padding: 24 }} />;
}

export function Screen({ children }: { children: ReactNode }) {
  return <Suspense fallback={<ScreenLoading />}>{children}</Suspense>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy takes any component's props
function pick<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] & ComponentType<any> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType })) as unknown as M[K] &
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ComponentType<any>;
}

const councils = () => import('../features/councils');
const live = () => import('../features/live');

export const HomeScreen = pick(councils, 'HomeScreen');
export const CouncilListScreen = pick(councils, 'CouncilListScreen');
/**
 * The 意見 feature's code (its board is the heaviest screen of a council), fetched ahead of the
 * click on its tab: call it on hover or focus of the tab; a council's overview also asks for
 * it once the page is idle.
 */
export const preloadOpinions = () => void import('../features/opinions');
export const CouncilOverview = pick(() => councils().finally(() => whenIdle(preloadOpinions)), 'CouncilOverview');
export const MembersTab = pick(councils, 'MembersTab');
export const CouncilSettingsTab = pick(councils, 'CouncilSettingsTab');
export const SettingsScreen = pick(() => import('../features/settings'), 'SettingsScreen');
export const CouncilPackageButton = pick(() => import('../features/settings'), 'CouncilPackageButton');
export const MinutesScreen = pick(() => import('../features/minutes'), 'MinutesScreen');
export const LiveScreen = pick(live, 'LiveScreen');
export const ProjectorScreen = pick(live, 'ProjectorScreen');
export const MeetingsTab = pick(() => import('../features/meetings'), 'MeetingsTab');
export const OpinionsTab = pick(() => import('../features/opinions'), 'OpinionsTab');
export const VisionTab = pick(() => import('../features/vision'), 'VisionTab');
export const ActionsTab = pick(() => import('../features/actions'), 'ActionsTab');
export const ConflictsScreen = pick(() => import('../features/sync'), 'ConflictsScreen');
