/** The shared parts' words in French (see renderer/i18n/catalogue.ts). */
export const fr: Record<string, string> = {
  'ui.actions.cancel': 'Annuler',
  'ui.file.choose': 'Choisir un fichier…',
  'ui.file.none': 'Aucun fichier choisi',
  'ui.file.remove': 'Retirer le fichier',
  'ui.handOver.submit': 'Remettre l’écran au patient',
  'ui.table.actions': 'Actions',
};
