import { useEffect } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { bridge } from '../platform/bridge';
import { startAutomaticBackups } from '../data/backup';
import { requestPersistentStorage } from '../data/storage';
import { AppShell } from './AppShell';
import { NotifyProvider } from './notify';
import { CouncilScreen } from './CouncilScreen';
import { NotFoundScreen } from './NotFoundScreen';
import {
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
    return startAutomaticBackups();
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
