import type { Entry } from './say';

/** Patients: the form's fields (shared/contract/patients.ts) and main/patients. */
export const patientMessages = {
  'patients.phoneLabel': { en: 'Choose mobile, home, work or other', fr: 'Choisissez cellulaire, maison, travail ou autre' },
  'patients.phoneNumber': { en: 'Enter the number, or remove this line', fr: 'Entrez le numéro, ou retirez cette ligne' },
  'patients.birthRange': { en: 'A date of birth is between 1900 and today', fr: 'Une date de naissance se situe entre 1900 et aujourd’hui' },
  'patients.firstName': { en: 'Enter the first name', fr: 'Entrez le prénom' },
  'patients.lastName': { en: 'Enter the last name', fr: 'Entrez le nom de famille' },
  'patients.phonesMax': { en: 'Keep at most four phone numbers', fr: 'Gardez au plus quatre numéros de téléphone' },
  'patients.contactMethod': { en: 'Choose phone, text or e-mail', fr: 'Choisissez téléphone, texto ou courriel' },
  'patients.emailPreferred': { en: 'E-mail is the preferred contact: enter an address', fr: 'Le courriel est le moyen de contact préféré : entrez une adresse' },
  'patients.textNeedsMobile': { en: 'Text messages need a mobile number', fr: 'Les textos demandent un numéro de cellulaire' },
  'patients.phonePreferred': { en: 'Phone is the preferred contact: add a number', fr: 'Le téléphone est le moyen de contact préféré : ajoutez un numéro' },
  'patients.archiveReason': { en: 'Say why the record is archived', fr: 'Dites pourquoi le dossier est archivé' },
  'patients.duplicate': {
    en: 'This looks like a patient already on file. Check the matches, or create the record anyway.',
    fr: 'Cette personne semble déjà avoir un dossier. Vérifiez les correspondances, ou créez quand même le dossier.',
  },
  'patients.gone': { en: 'This patient record no longer exists.', fr: 'Ce dossier de patient n’existe plus.' },
  'patients.noSuchId': { en: 'No patient record has this id.', fr: 'Aucun dossier de patient ne porte cet identifiant.' },
  'patients.archivedNoEdit': {
    en: 'This patient is archived. Restore the record before editing it.',
    fr: 'Ce dossier est archivé. Restaurez-le avant de le modifier.',
  },
  'patients.archivedNoConsent': {
    en: 'This patient is archived. Restore the record before recording consent.',
    fr: 'Ce dossier est archivé. Restaurez-le avant d’enregistrer un consentement.',
  },
  'patients.archivedNoIntake': {
    en: 'This patient is archived. Restore the record before updating the health history.',
    fr: 'Ce dossier est archivé. Restaurez-le avant de mettre à jour les antécédents de santé.',
  },
  'patients.stale': {
    en: 'Someone changed this record after you opened it. Reload it to see their changes, then edit again.',
    fr: 'Quelqu’un a modifié ce dossier après que vous l’avez ouvert. Rechargez-le pour voir ses changements, puis modifiez-le de nouveau.',
  },
  'patients.staleArchive': {
    en: 'Someone changed this record after you opened it. Reload it, then try again.',
    fr: 'Quelqu’un a modifié ce dossier après que vous l’avez ouvert. Rechargez-le, puis réessayez.',
  },
  'patients.alreadyArchived': {
    en: 'This record was already archived on {day} by {who}.',
    fr: 'Ce dossier a déjà été archivé le {day} par {who}.',
  },
  'patients.someoneBefore': { en: 'someone before staff accounts', fr: 'quelqu’un, avant les comptes du personnel' },
  'patients.notArchived': {
    en: 'This record is not archived: there is nothing to restore.',
    fr: 'Ce dossier n’est pas archivé : il n’y a rien à restaurer.',
  },
} satisfies Record<string, Entry>;
