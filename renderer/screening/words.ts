import type { ScreeningLanguage } from '../../shared/contract/screening';

/** The words around the questions, in the language the questions are asked in. */
export const screeningWords: Record<ScreeningLanguage, { yes: string; no: string; goOn: string; language: string; save: string; cancel: string }> = {
  en: { yes: 'Yes', no: 'No', goOn: 'No emergency: continue', language: 'Language', save: 'Save the screening', cancel: 'Cancel' },
  fr: { yes: 'Oui', no: 'Non', goOn: 'Pas d’urgence : continuer', language: 'Langue', save: 'Enregistrer le dépistage', cancel: 'Annuler' },
};
