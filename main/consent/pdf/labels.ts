import type { ConsentLocale } from './types';

/**
 * The words the PDF adds around the template's own text, in Canadian English and
 * French. Template text arrives already in the patient's language; these are only the
 * form's furniture (field labels, signature lines, footer).
 */
export interface ConsentPdfLabels {
  patient: string;
  name: string;
  preferredName: string;
  dateOfBirth: string;
  phone: string;
  record: string;
  /** Printed beside each box so the choice survives text extraction and photocopies. */
  yes: string;
  no: string;
  signature: string;
  signedBy: (who: string) => string;
  signedOnScreen: (when: string) => string;
  signedOn: (when: string) => string;
  signedOnPaperSeenBy: (who: string) => string;
  paperCopyKept: string;
  verbalRecordedBy: (who: string) => string;
  givenOn: (when: string) => string;
  blankSignature: string;
  blankName: string;
  blankDate: string;
  explainedBy: string;
  witnessedBy: string;
  version: (n: number) => string;
  document: (id: string) => string;
  pageOf: (page: number, pages: number) => string;
  /** "Label: value", with the space French puts before a colon. */
  labelled: (label: string, value: string) => string;
  /** Shown for an empty field, so a blank is visibly blank rather than forgotten. */
  none: string;
}

const en: ConsentPdfLabels = {
  patient: 'Patient',
  name: 'Name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  phone: 'Phone',
  record: 'Record',
  yes: 'Yes',
  no: 'No',
  signature: 'Signature',
  signedBy: (who) => `Signed by ${who}`,
  signedOnScreen: (when) => `Signed on screen on ${when}`,
  signedOn: (when) => `Signed on ${when}`,
  signedOnPaperSeenBy: (who) => `Signed on paper, seen by ${who}`,
  paperCopyKept: 'The signed paper copy is kept in the patient’s file.',
  verbalRecordedBy: (who) => `Verbal consent recorded by ${who}`,
  givenOn: (when) => `Given on ${when}`,
  blankSignature: 'Signature of the patient or substitute decision-maker',
  blankName: 'Name (please print)',
  blankDate: 'Date',
  explainedBy: 'Explained by',
  witnessedBy: 'Witnessed by',
  version: (n) => `Version ${n}`,
  document: (id) => `Document ${id}`,
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  labelled: (label, value) => `${label}: ${value}`,
  none: '—',
};

const fr: ConsentPdfLabels = {
  patient: 'Patient',
  name: 'Nom',
  preferredName: 'Nom préféré',
  dateOfBirth: 'Date de naissance',
  phone: 'Téléphone',
  record: 'Dossier',
  yes: 'Oui',
  no: 'Non',
  signature: 'Signature',
  signedBy: (who) => `Signé par ${who}`,
  signedOnScreen: (when) => `Signé à l’écran le ${when}`,
  signedOn: (when) => `Signé le ${when}`,
  signedOnPaperSeenBy: (who) => `Signé sur papier, vu par ${who}`,
  paperCopyKept: 'L’exemplaire papier signé est conservé au dossier du patient.',
  verbalRecordedBy: (who) => `Consentement verbal consigné par ${who}`,
  givenOn: (when) => `Donné le ${when}`,
  blankSignature: 'Signature du patient ou de la personne autorisée à consentir en son nom',
  blankName: 'Nom (en lettres moulées)',
  blankDate: 'Date',
  explainedBy: 'Expliqué par',
  witnessedBy: 'Témoin',
  version: (n) => `Version ${n}`,
  document: (id) => `Document ${id}`,
  pageOf: (page, pages) => `Page ${page} de ${pages}`,
  labelled: (label, value) => `${label} : ${value}`,
  none: '—',
};

export function labelsFor(locale: ConsentLocale): ConsentPdfLabels {
  return locale === 'fr-CA' ? fr : en;
}
