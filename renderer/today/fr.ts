/** The Today screen's words in French (see renderer/i18n/catalogue.ts). */
export const fr: Record<string, string> = {
  'today.handOver.chooseOne': 'Cochez au moins une chose à faire par le patient.',
  'today.handOver.title': 'À l’écran du patient : {name}',
  'today.handOver.what': 'Le patient fait, dans cet ordre',
  'today.handOver.screening': 'Dépistage à l’arrivée',
  'today.handOver.intake': 'Antécédents de santé',
  'today.handOver.language': 'Langue du patient',
  'today.handOver.hint': 'L’écran n’affiche que ces étapes. Le NIP d’un membre du personnel est nécessaire pour en sortir.',
  'today.handOver.submit': 'Remettre l’écran au patient',
  'today.handOver.cancel': 'Annuler',
  'today.checklist.title': 'Liste de sécurité : {name}, {time}, {room}',
  'today.checklist.tickOne': 'Cochez au moins un élément.',
  'today.checklist.ticked': '✓ {item} ({who}, {time})',
  'today.checklist.legend': 'Fait maintenant, devant le patient',
  'today.checklist.allDone': 'Tous les éléments sont cochés pour ce rendez-vous.',
  'today.checklist.save': 'Enregistrer les éléments cochés',
};
