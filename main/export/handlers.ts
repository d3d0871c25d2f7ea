import type { Handlers } from '../ipc/dispatcher';
import type { createExportService } from './record';
import type { createRetentionService } from '../retention/service';

/** The export, retention and purge channels (issue 10.6). */
export function exportHandlers(
  exporter: ReturnType<typeof createExportService>,
  retention: ReturnType<typeof createRetentionService>,
): Pick<Handlers, 'export.patient' | 'retention.get' | 'retention.set' | 'purge.preview' | 'purge.run'> {
  return {
    'export.patient': (input) => exporter.exportPatient(input),
    'retention.get': () => retention.get(),
    'retention.set': (input) => retention.set(input),
    'purge.preview': () => retention.preview(),
    'purge.run': (input) => retention.purge(input),
  };
}
