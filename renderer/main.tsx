import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { ErrorBoundary } from './app/Failure';
import { DeskLanguage } from './i18n/DeskLanguage';
import './styles.css';

// Everything is local: no retries against a network that is not there, and no
// refetch on focus, which would only re-read the same SQLite file.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <DeskLanguage>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </DeskLanguage>
    </QueryClientProvider>
  </StrictMode>,
);
