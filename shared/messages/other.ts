import type { Entry } from './say';

/** Printing, a patient's export, retention and purge: their contracts and main/printing, main/export, main/retention. */
export const otherMessages = {
  'printing.copies': { en: 'Print between 1 and 99 copies.', fr: 'Imprimez entre 1 et 99 exemplaires.' },
  'printing.copiesField': { en: 'Choose 1 to 99 copies', fr: 'Choisissez de 1 à 99 exemplaires' },
  'printing.noPrinter': {
    en: 'No printer is set up on this computer. Use "Open in PDF viewer" instead.',
    fr: 'Aucune imprimante n’est installée sur cet ordinateur. Utilisez plutôt « Ouvrir dans le lecteur PDF ».',
  },
  'printing.unknownPrinter': { en: 'The printer "{printer}" is not set up on this computer.', fr: 'L’imprimante « {printer} » n’est pas installée sur cet ordinateur.' },
  'printing.choosePrinter': { en: 'Choose a printer from the list', fr: 'Choisissez une imprimante dans la liste' },
  'printing.documentMissing': { en: 'The document to print is missing: {reason}', fr: 'Le document à imprimer est introuvable : {reason}' },
  'printing.refused': { en: 'The printer "{printer}" did not accept the job: {reason}', fr: 'L’imprimante « {printer} » n’a pas accepté la tâche : {reason}' },
  'printing.noAnswer': { en: 'CUPS gave no answer', fr: 'CUPS n’a pas répondu' },
  'printing.cannotAsk': { en: 'CUPS could not be asked about job {job}: {reason}', fr: 'CUPS n’a pas pu être interrogé sur la tâche {job} : {reason}' },
  'printing.notFinished': {
    en: 'The print job {job} has not finished after {seconds} seconds. Check that the printer is on and has paper.',
    fr: 'La tâche d’impression {job} n’est pas terminée après {seconds} secondes. Vérifiez que l’imprimante est allumée et a du papier.',
  },
  'printing.windowsList': { en: 'Windows could not list its printers: {reason}', fr: 'Windows n’a pas pu lister ses imprimantes : {reason}' },
  'printing.windowsRefused': { en: 'Windows did not accept the print job: {reason}', fr: 'Windows n’a pas accepté la tâche d’impression : {reason}' },
  'export.years': { en: 'Enter a number of years', fr: 'Entrez un nombre d’années' },
  'export.wholeYears': { en: 'Whole years', fr: 'Des années entières' },
  'export.minYears': { en: 'At least 1 year: your college sets the minimum', fr: 'Au moins 1 an : votre ordre professionnel fixe le minimum' },
  'export.maxYears': { en: 'At most 100 years', fr: 'Au plus 100 ans' },
  'export.nothing': { en: 'Nothing to remove', fr: 'Rien à retirer' },
  'export.confirm': { en: 'Confirm that these records are removed for good', fr: 'Confirmez que ces dossiers sont retirés pour de bon' },
  'export.pdfFailed': { en: 'The record PDF could not be made: {reason}', fr: 'Le PDF du dossier n’a pas pu être créé : {reason}' },
  'export.documentMissing': {
    en: 'The signed document {file} is missing from the documents folder, so the export was not made. Restore it from a backup, then export again.',
    fr: 'Le document signé {file} est absent du dossier des documents : l’exportation n’a pas été faite. Restaurez-le à partir d’une sauvegarde, puis exportez de nouveau.',
  },
  'export.documentChanged': {
    en: 'The signed document {file} is changed in the documents folder, so the export was not made. Restore it from a backup, then export again.',
    fr: 'Le document signé {file} a été modifié dans le dossier des documents : l’exportation n’a pas été faite. Restaurez-le à partir d’une sauvegarde, puis exportez de nouveau.',
  },
  'retention.changed': {
    en: 'The list of records past the retention period has changed since it was shown (a record was restored, or the period changed). Review the new list, then confirm again.',
    fr: 'La liste des dossiers qui ont dépassé la durée de conservation a changé depuis son affichage (un dossier a été restauré, ou la durée a changé). Revoyez la nouvelle liste, puis confirmez de nouveau.',
  },
} satisfies Record<string, Entry>;
