/** The shared parts' words in French (see renderer/i18n/catalogue.ts). */
export const fr: Record<string, string> = {
  'ui.actions.cancel': 'Annuler',
  'ui.handOver.submit': 'Remettre l’écran au patient',
  'ui.table.actions': 'Actions',
};
