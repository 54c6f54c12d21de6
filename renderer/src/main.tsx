import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './app/App';
import { appTheme } from './app/theme';
import { ErrorBoundary } from './app/ErrorBoundary';
import { settleFinishedAnimations } from './app/settleAnimations';
import { announceInputs } from './data/activity';
import './global.css';

// The start as the bench reads it (bench/start-big.bench.ts): the app's code began here.
performance.mark('app:start');

settleFinishedAnimations();
// Background workers (the search index keeper) start what can wait in a pause of the typing.
announceInputs(window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={appTheme} lang="ja" style={{ height: '100%' }}>
      <ErrorBoundary>
        <HashRouter>
          <App />
        </HashRouter>
      </ErrorBoundary>
    </FluentProvider>
  </StrictMode>,
);
