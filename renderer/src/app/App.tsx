import { useEffect } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { bridge } from '../platform/bridge';
import { startAutomaticBackups } from '../data/backup';
import { requestPersistentStorage } from '../data/storage';
import { AppShell } from './AppShell';
import { NotifyProvider } from './notify';
import { HomeScreen } from '../features/councils';
import { CouncilListScreen } from '../features/councils';
import { CouncilScreen } from './CouncilScreen';
import { SettingsScreen } from '../features/settings';
import { NotFoundScreen } from './NotFoundScreen';
import { MinutesScreen } from '../features/minutes';
import { useAppCommands } from './commands';
import { LiveScreen } from '../features/live';
import { ProjectorScreen } from '../features/live';

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
        <Route path="projector/:meetingId" element={<ProjectorScreen />} />
        <Route element={<AppShell />}>
          <Route index element={<HomeScreen />} />
          <Route path="councils" element={<CouncilListScreen />} />
          <Route path="councils/:councilId/*" element={<CouncilScreen />} />
          <Route path="meetings/:meetingId/live" element={<LiveScreen />} />
          <Route path="settings" element={<SettingsScreen />} />
          <Route path="meetings/:meetingId/minutes" element={<MinutesScreen />} />
          <Route path="*" element={<NotFoundScreen />} />
        </Route>
      </Routes>
    </NotifyProvider>
  );
}
