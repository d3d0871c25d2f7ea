import type { ScreeningLanguage } from '../../shared/contract/screening';

/** The words around the questions, in the language the questions are asked in. */
export const screeningWords: Record<ScreeningLanguage, { yes: string; no: string; goOn: string; language: string; save: string; clear: string }> = {
  en: { yes: 'Yes', no: 'No', goOn: 'No emergency: continue', language: 'Language', save: 'Save the screening', clear: 'Screened clear: the visit can go ahead.' },
  fr: { yes: 'Oui', no: 'Non', goOn: 'Pas d’urgence : continuer', language: 'Langue', save: 'Enregistrer le dépistage', clear: 'Dépistage négatif : la visite peut avoir lieu.' },
};
