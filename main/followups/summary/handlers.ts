import type { Handlers } from '../../ipc/dispatcher';
import { err, ok } from '../../../shared/contract/result';
import { say } from '../../../shared/messages';
import type { Printer } from '../../printing/types';
import type { SummaryService } from './service';

/** The summary, made and kept, then handed to the viewer or the printer: the consent form's two actions. */
export function summaryHandlers(deps: { summary: SummaryService; printer: Printer; openPath: (file: string) => Promise<boolean> }): Pick<Handlers, 'alliance.summaryPdf'> {
  return {
    'alliance.summaryPdf': async ({ patientId, then, printer }) => {
      const made = await deps.summary.make(patientId, then);
      if (!made.ok) return made;
      const kept = { summaryId: made.value.summaryId, fileName: made.value.fileName, sha256: made.value.sha256 };
      if (then === 'print') {
        // The job title is the summary's id: CUPS keeps job titles in its logs, and names are health information.
        const job = await deps.printer.print(made.value.path, { printer, jobName: `Rapport ${made.value.summaryId}` });
        return job.ok ? ok({ ...kept, opened: false, job: job.value }) : job;
      }
      const opened = await deps.openPath(made.value.path);
      return opened ? ok({ ...kept, opened: true, job: null }) : err('internal', say('followups.summaryNoViewer'));
    },
  };
}
