import { err, ok, type Result } from '../../shared/contract/result';
import type { Screening, ScreeningLanguage } from '../../shared/contract/screening';
import { loadFonts } from '../pdf/fonts';
import { formatSignedAt } from '../pdf/format';
import { fontNames, margins, pageSize } from '../pdf/page';
import { stableDocument } from '../pdf/document';
import { say } from '../../shared/messages';

/** What the record says around the answers, in the language the questions were asked in. */
const labels: Record<ScreeningLanguage, { title: Record<Screening['stage'], string>; patient: string; visit: string; taken: string; by: string; patientSelf: string; yes: string; no: string; stopped: string; clear: string; note: string; override: string; version: (v: number) => string }> = {
  en: {
    title: { booking: 'Infection screening at booking', arrival: 'Infection screening on arrival' },
    patient: 'Patient', visit: 'Visit', taken: 'Taken', by: 'Taken by', patientSelf: 'the patient, on the clinic’s screen',
    yes: 'Yes', no: 'No', stopped: 'A question was answered yes: no treatment that day.', clear: 'Every answer was no: screened clear.',
    note: 'Note of the conversation', override: 'Allowed to go ahead by', version: (v) => `question set version ${v}`,
  },
  fr: {
    title: { booking: 'Dépistage des infections à la prise de rendez-vous', arrival: 'Dépistage des infections à l’arrivée' },
    patient: 'Patient', visit: 'Visite', taken: 'Fait le', by: 'Fait par', patientSelf: 'le patient, sur l’écran de la clinique',
    yes: 'Oui', no: 'Non', stopped: 'Une réponse est oui : aucun traitement ce jour-là.', clear: 'Toutes les réponses sont non : dépistage négatif.',
    note: 'Note de la conversation', override: 'Visite autorisée par', version: (v) => `questionnaire, version ${v}`,
  },
};

export interface ScreeningPdfInput {
  screening: Screening;
  clinicName: string;
  patientName: string;
  visitStartsAt: string;
  timeZone: string;
}

/**
 * A screening as a PDF for the patient's record: the questions as they were shown, each
 * answer, the outcome, the note and any override. Built on the consent PDF's stable
 * document (embedded DejaVu, fixed id and dates), so the same record gives the same bytes.
 */
export async function renderScreeningPdf(input: ScreeningPdfInput, fontsDir: string): Promise<Result<Buffer>> {
  const fonts = await loadFonts(fontsDir);
  if (!fonts.ok) return fonts;
  const { screening: s } = input;
  const words = labels[s.language];
  const locale = s.language === 'fr' ? 'fr-CA' : 'en-CA';
  const at = (iso: string) => formatSignedAt(iso, locale, input.timeZone);
  try {
    const { doc, done } = stableDocument(
      { documentId: s.id, createdAt: s.takenAt, locale, title: words.title[s.stage], author: input.clinicName, subject: `${words.title[s.stage]}, ${words.version(s.setVersion)}` },
      fonts.value,
    );
    const width = pageSize.width - margins.left - margins.right;
    const line = (label: string, value: string) => doc.font(fontNames.bold).text(`${label}: `, { continued: true, width }).font(fontNames.regular).text(value, { width });
    doc.font(fontNames.bold).fontSize(11).text(input.clinicName, { width });
    doc.moveDown(0.5).fontSize(16).text(words.title[s.stage], { width }).fontSize(10).moveDown(0.5);
    line(words.patient, input.patientName);
    line(words.visit, at(input.visitStartsAt));
    line(words.taken, at(s.takenAt));
    line(words.by, s.byPatient ? words.patientSelf : (s.takenBy ?? '—'));
    doc.moveDown(0.8);
    for (const [i, a] of s.answers.entries()) {
      doc.font(fontNames.regular).text(`${i + 1}. ${a.text}`, { width });
      doc.font(fontNames.bold).text(a.answer ? words.yes : words.no, { indent: 14, width }).moveDown(0.4);
    }
    doc.moveDown(0.4).font(fontNames.bold).text(s.positive ? words.stopped : words.clear, { width });
    if (s.note) doc.moveDown(0.4).font(fontNames.bold).text(`${words.note}:`, { width }).font(fontNames.regular).text(s.note, { width });
    if (s.override) doc.moveDown(0.4).font(fontNames.bold).text(`${words.override} ${s.override.by ?? '—'}, ${at(s.override.at)}:`, { width }).font(fontNames.regular).text(s.override.reason, { width });
    doc.moveDown(1).fontSize(8).font(fontNames.regular).fillColor('#4a5a66').text(`${s.source} (${words.version(s.setVersion)})`, { width });
    doc.end();
    return ok(await done);
  } catch (e) {
    return err('internal', say('screening.pdfFailed', { reason: e instanceof Error ? e.message : String(e) }));
  }
}
