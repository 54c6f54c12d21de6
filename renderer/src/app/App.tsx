import { useEffect } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { bridge } from '../platform/bridge';
import { startAutomaticBackups } from '../data/backup';
import { finishRestoreSwitch } from '../data/restoreSwitch';
import { requestPersistentStorage } from '../data/storage';
import { startTeamSync } from '../data/sync/runtime';
import { AppShell } from './AppShell';
import { NotifyProvider } from './notify';
import { CouncilScreen } from './CouncilScreen';
import { NotFoundScreen } from './NotFoundScreen';
import {
  ConflictsScreen,
  CouncilListScreen,
  HomeScreen,
  LiveScreen,
  MinutesScreen,
  ProjectorScreen,
  Screen,
  SettingsScreen,
} from './lazyScreens';
import { useAppCommands } from './commands';

function CommandRouter() {
  const navigate = useNavigate();
  const run = useAppCommands();
  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command === 'go-home') navigate('/');
        else if (command === 'go-councils') navigate('/councils');
        else run(command);
      }),
    [navigate, run],
  );
  return null;
}

export function App() {
  useEffect(() => {
    if (window.location.hash.startsWith('#/projector/')) return; // a view only: the main window backs up
    void requestPersistentStorage();
    void finishRestoreSwitch();
    return startAutomaticBackups();
  }, []);
  useEffect(() => {
    if (window.location.hash.startsWith('#/projector/')) return;
    // Team use (「チームで使う」): the mirror starts only when a server is configured in main.
    void startTeamSync().catch((e: unknown) => console.warn('[審議会デスク] 同期を開始できません', e));
  }, []);
  return (
    <NotifyProvider>
      <CommandRouter />
      <Routes>
        <Route
          path="projector/:meetingId"
          element={
            <Screen>
              <ProjectorScreen />
            </Screen>
          }
        />
        <Route element={<AppShell />}>
          <Route
            index
            element={
              <Screen>
                <HomeScreen />
              </Screen>
            }
          />
          <Route
            path="councils"
            element={
              <Screen>
                <CouncilListScreen />
              </Screen>
            }
          />
          <Route path="councils/:councilId/*" element={<CouncilScreen />} />
          <Route
            path="meetings/:meetingId/live"
            element={
              <Screen>
                <LiveScreen />
              </Screen>
            }
          />
          <Route
            path="settings"
            element={
              <Screen>
                <SettingsScreen />
              </Screen>
            }
          />
          <Route
            path="conflicts"
            element={
              <Screen>
                <ConflictsScreen />
              </Screen>
            }
          />
          <Route
            path="meetings/:meetingId/minutes"
            element={
              <Screen>
                <MinutesScreen />
              </Screen>
            }
          />
          <Route path="*" element={<NotFoundScreen />} />
        </Route>
      </Routes>
    </NotifyProvider>
  );
}
