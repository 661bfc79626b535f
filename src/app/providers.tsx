import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ToastProvider } from './components/ui/toast';
import { ConnectionProvider } from './features/connection/connection-provider';
import { createQueryClient } from './lib/query-client';

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <ConnectionProvider>{children}</ConnectionProvider>
      </ToastProvider>
    </QueryClientProvider>
  );
}
