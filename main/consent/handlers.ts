import type { Handlers } from '../ipc/dispatcher';
import { err, ok } from '../../shared/contract/result';
import type { ConsentService } from './service';
import type { Printer } from '../printing/types';
import type { ActingStaff } from '../staff/acting';
import { say } from '../../shared/messages';

export function consentHandlers(deps: {
  consent: ConsentService;
  /** Signing as patient mode allows it: each of a session's forms once (PatientMode.signOnce around consent.sign). */
  sign: ConsentService['sign'];
  printer: Printer;
  openPath: (file: string) => Promise<boolean>;
  acting: ActingStaff;
}): Pick<Handlers, Extract<keyof Handlers, `consent.${string}`>> {
  const { consent, printer, acting } = deps;
  return {
    'consent.templates': consent.templates,
    'consent.templateHistory': consent.templateHistory,
    'consent.saveTemplate': consent.saveTemplate,
    'consent.status': consent.status,
    'consent.history': consent.history,
    // Who explained, recorded or withdrew is the person signed in (issue 8).
    'consent.sign': async (input) => {
      const names = await acting.names(input.witnessId);
      return names.ok ? deps.sign({ ...input, ...names.value }) : names;
    },
    'consent.recordVerbal': async (input) => {
      const me = await acting.me();
      return me.ok ? consent.recordVerbal({ ...input, recordedBy: me.value.name }) : me;
    },
    'consent.withdraw': async (input) => {
      const me = await acting.me();
      return me.ok ? consent.withdraw({ ...input, recordedBy: me.value.name }) : me;
    },
    'consent.preview': async (input) => {
      const form = await consent.blankForm(input);
      return form.ok ? ok({ pdfBase64: form.value.pdf.toString('base64'), templateVersion: form.value.templateVersion }) : form;
    },
    'consent.document': async ({ consentId }) => {
      const doc = await consent.document(consentId);
      return doc.ok ? ok({ pdfBase64: doc.value.bytes.toString('base64'), sha256: doc.value.sha256 }) : doc;
    },
    'consent.print': async (input) => {
      // The job title is the document id: CUPS keeps job titles in its logs, and names are health information.
      if (input.consentId) {
        const doc = await consent.document(input.consentId);
        if (!doc.ok) return doc;
        return printer.print(doc.value.path, { printer: input.printer, jobName: `Rapport ${input.consentId}` });
      }
      const form = await consent.blankForm(input.blankForm!);
      if (!form.ok) return form;
      return consent.withTemporaryDocument(form.value.pdf, (file, id) => printer.print(file, { printer: input.printer, jobName: `Rapport form ${id}` }));
    },
    'consent.openInViewer': async ({ consentId }) => {
      const doc = await consent.document(consentId);
      if (!doc.ok) return doc;
      const opened = await deps.openPath(doc.value.path);
      return opened ? ok({ opened: true }) : err('internal', say('consent.noViewer'));
    },
  };
}
