import PDFDocument from 'pdfkit';
import { loadFonts } from '../pdf/fonts';
import { fontNames, margins, pageSize } from '../pdf/page';
import { err, ok, type Result } from '../../shared/contract/result';
import type { PatientExport } from './record';
import { say } from '../../shared/messages';

export type RecordLocale = 'en-CA' | 'fr-CA';

/** Every word of the PDF, in the patient's language: the record is theirs. */
const words = {
  'en-CA': {
    title: 'Patient record',
    intro: (clinic: string, day: string, id: string) => `Patient record from ${clinic || 'the clinic'}, exported ${day} at the patient's request. Record id ${id}.`,
    details: 'Details', preferredName: 'Preferred name', pronouns: 'Pronouns', born: 'Date of birth', phone: (label: string) => `Phone (${label})`,
    email: 'E-mail', address: 'Address', emergency: 'Emergency contact', physician: 'Family physician', contact: 'Preferred contact', language: 'Language',
    notes: 'Front-desk notes', created: 'Created', changed: 'Last changed', archived: 'Archived',
    consents: (n: number) => `Consents (${n})`, none: 'None on file.', version: (n: number) => `version ${n}`,
    method: { verbal: 'Spoken', paper: 'Signed on paper', screen: 'Signed on screen' }, by: (who: string, when: string) => `by ${who} on ${when}`,
    choices: 'Choices', explained: 'Explained by', withdrawn: (when: string, why: string) => `Withdrawn on ${when}: ${why}`, document: 'Document',
    trail: (n: number) => `Who did what (${n} entries)`, doneBy: 'by',
    held: 'Everything else on file', entries: (n: number) => (n === 1 ? '1 entry' : `${n} entries`),
    heldNote: 'Each entry is in record.json in full, under the name in brackets.', drafts: 'Typed, not yet submitted',
    sections: {
      appointments: 'Visits', intakes: 'Health history', intakeReviews: 'Health history reviews', screenings: 'Screenings',
      checklistTicks: 'Safety checklist', goals: 'Goals', goalHistory: 'Goal history', homecarePlans: 'Homecare plans',
      adherenceRecords: 'Homecare adherence', followUps: 'Follow-ups', contactAttempts: 'Contacts', contactDeclines: 'Declined contact',
      checkins: 'Check-ins', checkinAnswers: 'Check-in answers', therapistTasks: 'Tasks for the therapist', allianceSummaries: 'Alliance summaries',
      firstVisits: 'First visit and the next',
    } as Record<string, string>,
    missingGlyphs: 'Some characters of this record cannot be drawn in this PDF’s font; record.json holds every character exactly as recorded.',
  },
  'fr-CA': {
    title: 'Dossier du patient',
    intro: (clinic: string, day: string, id: string) => `Dossier du patient de ${clinic || 'la clinique'}, exporté le ${day} à la demande du patient. Numéro du dossier ${id}.`,
    details: 'Coordonnées', preferredName: 'Nom d’usage', pronouns: 'Pronoms', born: 'Date de naissance', phone: (label: string) => `Téléphone (${label})`,
    email: 'Courriel', address: 'Adresse', emergency: 'Personne à joindre en cas d’urgence', physician: 'Médecin de famille', contact: 'Moyen de contact préféré', language: 'Langue',
    notes: 'Notes de l’accueil', created: 'Créé le', changed: 'Dernière modification', archived: 'Archivé',
    consents: (n: number) => `Consentements (${n})`, none: 'Aucun au dossier.', version: (n: number) => `version ${n}`,
    method: { verbal: 'Verbal', paper: 'Signé sur papier', screen: 'Signé à l’écran' }, by: (who: string, when: string) => `par ${who} le ${when}`,
    choices: 'Choix', explained: 'Expliqué par', withdrawn: (when: string, why: string) => `Retiré le ${when} : ${why}`, document: 'Document',
    trail: (n: number) => `Qui a fait quoi (${n} entrées)`, doneBy: 'par',
    held: 'Tout le reste du dossier', entries: (n: number) => (n <= 1 ? `${n} entrée` : `${n} entrées`),
    heldNote: 'Chaque entrée figure en entier dans record.json, sous le nom entre crochets.', drafts: 'Saisi, pas encore envoyé',
    sections: {
      appointments: 'Rendez-vous', intakes: 'Antécédents de santé', intakeReviews: 'Revues des antécédents', screenings: 'Dépistages',
      checklistTicks: 'Liste de vérification', goals: 'Objectifs', goalHistory: 'Historique des objectifs', homecarePlans: 'Programmes à la maison',
      adherenceRecords: 'Suivi du programme à la maison', followUps: 'Suivis', contactAttempts: 'Contacts', contactDeclines: 'Refus d’être contacté',
      checkins: 'Sondages sur l’alliance', checkinAnswers: 'Réponses aux sondages', therapistTasks: 'Tâches du thérapeute', allianceSummaries: 'Résumés de l’alliance',
      firstVisits: 'Premier rendez-vous et le suivant',
    } as Record<string, string>,
    missingGlyphs: 'Certains caractères de ce dossier ne peuvent pas être dessinés avec la police de ce PDF; record.json les contient tous, tels qu’ils ont été saisis.',
  },
} as const;

/** The record's own language when it says English or French, else the clinic's. */
export function recordLocale(language: string, clinic: RecordLocale): RecordLocale {
  if (/^(fr|fran)/i.test(language.trim())) return 'fr-CA';
  if (/^(en|ang)/i.test(language.trim())) return 'en-CA';
  return clinic;
}

/**
 * The patient's record as a PDF a person can read: their details, each consent with its
 * version and state, and the trail of who did what and when. Drawn with the consent
 * form's font, page size and margins (DejaVu Sans prints "Łukasz" and "Nguyễn" as typed),
 * and, like the consent PDF, the same bytes for the same record (creation date fixed).
 */
export async function renderRecordPdf(record: PatientExport, fontsDir: string, locale: RecordLocale): Promise<Result<Buffer>> {
  const w = words[locale];
  const fonts = await loadFonts(fontsDir);
  if (!fonts.ok) return fonts;
  const p = record.patient;
  const doc = new PDFDocument({
    size: [pageSize.width, pageSize.height],
    margins: { ...margins },
    font: '',
    lang: locale,
    displayTitle: true,
    info: { Title: `${w.title}: ${p.firstName} ${p.lastName}`, Creator: 'Rapport', Producer: 'Rapport (pdfkit)', CreationDate: new Date(record.exportedAt) },
  });
  doc.registerFont(fontNames.regular, fonts.value.regular as unknown as Buffer);
  doc.registerFont(fontNames.bold, fonts.value.bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (s: string) => doc.moveDown(0.6).font(fontNames.bold).fontSize(13).fillColor('#0f5f6e').text(s).moveDown(0.2).fillColor('#1d2327');
  const line = (label: string, value: string) => {
    if (!value) return;
    doc.font(fontNames.bold).fontSize(10.5).text(`${label}: `, { continued: true }).font(fontNames.regular).text(value);
  };
  const joined = (...parts: string[]) => parts.filter(Boolean).join(', ');

  try {
    doc.font(fontNames.bold).fontSize(18).text(`${p.firstName} ${p.lastName}`);
    doc.font(fontNames.regular).fontSize(10).fillColor('#5b6770').text(w.intro(record.clinic, record.exportedAt.slice(0, 10), p.id)).fillColor('#1d2327');
    if (unprintable(record, fonts.value.regular)) doc.moveDown(0.3).font(fontNames.bold).fontSize(10).text(w.missingGlyphs);

    heading(w.details);
    line(w.preferredName, p.preferredName);
    line(w.pronouns, p.pronouns);
    line(w.born, p.dateOfBirth);
    for (const ph of p.phones) line(w.phone(ph.label), ph.number);
    line(w.email, p.email);
    line(w.address, joined(p.address.line1, p.address.line2, p.address.city, p.address.region, p.address.postalCode, p.address.country));
    line(w.emergency, joined(p.emergencyContact.name, p.emergencyContact.relationship, p.emergencyContact.phone));
    line(w.physician, joined(p.familyPhysician.name, p.familyPhysician.clinic, p.familyPhysician.phone));
    line(w.contact, p.preferredContact);
    line(w.language, p.language);
    line(w.notes, p.notes);
    line(w.created, p.createdAt);
    line(w.changed, p.updatedAt);
    if (p.archivedAt) line(w.archived, `${p.archivedAt} (${p.archiveReason})`);

    heading(w.consents(record.consents.length));
    if (record.consents.length === 0) doc.font(fontNames.regular).fontSize(10.5).text(w.none);
    for (const c of record.consents) {
      doc.font(fontNames.bold).fontSize(10.5).text(`${c.templateName}, ${w.version(c.templateVersion)}`);
      doc.font(fontNames.regular).fontSize(10).text(
        [
          `${w.method[c.method]} ${w.by(c.signerName, c.signedAt)}`,
          c.choices.length ? `${w.choices}: ${c.choices.join(', ')}` : '',
          c.explainedBy ? `${w.explained} ${c.explainedBy}` : '',
          c.withdrawnAt ? w.withdrawn(c.withdrawnAt, c.withdrawnReason) : '',
          `${w.document}: documents/${c.id}.pdf`,
        ].filter(Boolean).join('\n'),
        { indent: 12 },
      ).moveDown(0.3);
    }

    // Every table of theirs, by its title in the order above (a table added later shows by its name, last, until it has one).
    heading(w.held);
    doc.font(fontNames.regular).fontSize(10).text(w.heldNote).moveDown(0.2);
    const order = Object.keys(w.sections);
    const place = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    for (const [key, rows] of Object.entries(record.held).sort(([a], [b]) => place(a) - place(b))) doc.font(fontNames.regular).fontSize(10.5).text(`${w.sections[key] ?? key} [${key}]: ${w.entries(rows.length)}`);
    if (record.drafts.length) doc.text(`${w.drafts} [drafts]: ${w.entries(record.drafts.length)}`);

    heading(w.trail(record.trail.length));
    for (const e of record.trail) doc.font(fontNames.regular).fontSize(9.5).text(`${e.at}  ${e.action}${e.by ? `  ${w.doneBy} ${e.by}` : ''}`);
    doc.end();
    return ok(await done);
  } catch (e) {
    return err('internal', say('export.pdfFailed', { reason: e instanceof Error ? e.message : String(e) }));
  }
}

/** Whether any text of the record has a character the font cannot draw (a name in Chinese script, say). */
function unprintable(record: PatientExport, font: { hasGlyphForCodePoint: (c: number) => boolean }): boolean {
  const texts = JSON.stringify({ patient: record.patient, consents: record.consents, trail: record.trail, clinic: record.clinic });
  for (const ch of texts) {
    const c = ch.codePointAt(0)!;
    if (c > 0x7e && !/\s/.test(ch) && !font.hasGlyphForCodePoint(c)) return true;
  }
  return false;
}
