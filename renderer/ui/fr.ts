/** The shared form parts' words in French (see renderer/i18n/catalogue.ts). */
export const fr: Record<string, string> = {
  'ui.actions.cancel': 'Annuler',
};
