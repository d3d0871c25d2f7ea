import type { Entry } from './say';

/** Screening: shared/contract/screening.ts and main/screening. */
export const screeningMessages = {
  'screening.questionId': {
    en: 'Use lower-case letters, digits and _ (a short name for this question)',
    fr: 'Utilisez des minuscules, des chiffres et _ (un nom court pour cette question)',
  },
  'screening.writeQuestion': { en: 'Write the question', fr: 'Écrivez la question' },
  'screening.setTitle': { en: 'Give the set a title', fr: 'Donnez un titre au questionnaire' },
  'screening.source': { en: 'Say where these questions come from', fr: 'Dites d’où viennent ces questions' },
  'screening.emergency': { en: 'Write the emergency check', fr: 'Écrivez la vérification d’urgence' },
  'screening.addQuestion': { en: 'Add at least one question', fr: 'Ajoutez au moins une question' },
  'screening.uniqueIds': { en: 'Each question needs its own short name', fr: 'Chaque question a besoin de son propre nom court' },
  'screening.hours': { en: 'Enter a number of hours', fr: 'Entrez un nombre d’heures' },
  'screening.wholeHours': { en: 'Whole hours', fr: 'Des heures entières' },
  'screening.minHour': { en: 'At least 1 hour', fr: 'Au moins 1 heure' },
  'screening.maxDays': { en: 'At most 14 days', fr: 'Au plus 14 jours' },
  'screening.yesNo': { en: 'Answer yes or no', fr: 'Répondez oui ou non' },
  'screening.note': { en: 'Write down what was said', fr: 'Notez ce qui a été dit' },
  'screening.overrideReason': { en: 'Write why the visit may go ahead', fr: 'Écrivez pourquoi la visite peut avoir lieu' },
  'screening.blocked': {
    en: 'This patient answered yes to a screening question: the visit cannot go ahead today. Move it to another day, or a therapist or an admin can let it go ahead with a written reason.',
    fr: 'Ce patient a répondu oui à une question de dépistage : la visite ne peut pas avoir lieu aujourd’hui. Déplacez-la à un autre jour, ou un thérapeute ou un administrateur peut l’autoriser avec une raison écrite.',
  },
  'screening.noSuch': { en: 'This screening does not exist.', fr: 'Ce dépistage n’existe pas.' },
  'screening.noSuchField': { en: 'This screening does not exist', fr: 'Ce dépistage n’existe pas' },
  'screening.nothingToScreen': { en: 'This visit is {state}: there is nothing to screen for.', fr: 'Cette visite est {state} : il n’y a rien à dépister.' },
  'screening.noSet': { en: 'This question set does not exist', fr: 'Ce questionnaire n’existe pas' },
  'screening.notInSet': { en: 'Not a question of this set', fr: 'Cette question n’est pas dans ce questionnaire' },
  'screening.yesNeedsNote': {
    en: 'A yes means no treatment today: write down what was said with the patient',
    fr: 'Un oui signifie aucun traitement aujourd’hui : notez ce qui a été dit avec le patient',
  },
  'screening.hasNote': { en: 'This screening already has its note.', fr: 'Ce dépistage a déjà sa note.' },
  'screening.hasNoteField': { en: 'This screening already has its note', fr: 'Ce dépistage a déjà sa note' },
  'screening.wasClear': { en: 'This screening was clear: there is nothing to override.', fr: 'Ce dépistage était négatif : il n’y a rien à passer outre.' },
  'screening.wasClearField': { en: 'This screening was clear', fr: 'Ce dépistage était négatif' },
  'screening.overridden': { en: 'This screening was already overridden.', fr: 'Ce dépistage a déjà été passé outre.' },
  'screening.overriddenField': { en: 'Already overridden', fr: 'Déjà passé outre' },
  'screening.noPdf': { en: 'This screening has no PDF.', fr: 'Ce dépistage n’a pas de PDF.' },
  'screening.noPdfField': { en: 'This screening has no PDF', fr: 'Ce dépistage n’a pas de PDF' },
  'screening.pdfMissing': { en: 'The screening’s PDF is missing from the documents folder.', fr: 'Le PDF du dépistage est absent du dossier des documents.' },
  'screening.pdfChanged': {
    en: 'The screening’s PDF was changed after it was made: it is not the record any more.',
    fr: 'Le PDF du dépistage a été modifié après sa création : ce n’est plus le document du dossier.',
  },
  'screening.pdfFailed': { en: 'The screening PDF could not be made: {reason}', fr: 'Le PDF du dépistage n’a pas pu être créé : {reason}' },
} satisfies Record<string, Entry>;
