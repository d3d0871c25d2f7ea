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
};
