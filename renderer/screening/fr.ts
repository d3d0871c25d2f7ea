/** The desk's screening dialog in French (see renderer/i18n/catalogue.ts); the questions' own words are in ./words.ts. */
export const fr: Record<string, string> = {
  'screening.dialog.booking': 'Dépistage à la réservation : {name}, {time}',
  'screening.dialog.arrival': 'Dépistage à l’arrivée : {name}, {time}',
  'screening.dialog.language': 'Langue des questions',
  'screening.dialog.note': 'Note de la conversation',
  'screening.dialog.yesMeans': 'Un oui veut dire aucun traitement aujourd’hui. Dites-le clairement au patient et notez ce qui a été dit.',
  'screening.dialog.version': 'Questionnaire, version {version}.',
  'screening.blocked.title': 'Ce rendez-vous ne peut pas avoir lieu aujourd’hui.',
  'screening.blocked.yesTo': 'Le patient a répondu oui à : {questions}',
  'screening.blocked.noteIs': 'Note :',
  'screening.blocked.saveNote': 'Enregistrer la note',
  'screening.blocked.move': 'Déplacer le rendez-vous à un autre jour',
  'screening.blocked.close': 'Fermer',
  'screening.blocked.reason': 'Pourquoi le rendez-vous peut avoir lieu quand même',
  'screening.blocked.override': 'Laisser le rendez-vous avoir lieu',
  'screening.blocked.onlyTherapist': 'Seul un thérapeute ou un administrateur peut laisser le rendez-vous avoir lieu, avec une raison écrite.',
};
