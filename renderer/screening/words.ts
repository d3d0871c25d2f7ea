import type { ScreeningLanguage } from '../../shared/contract/screening';

/** The words around the questions, in the language the questions are asked in. */
export const screeningWords: Record<ScreeningLanguage, { yes: string; no: string; goOn: string; save: string; cancel: string }> = {
  en: { yes: 'Yes', no: 'No', goOn: 'No emergency: continue', save: 'Save the screening', cancel: 'Cancel' },
  fr: { yes: 'Oui', no: 'Non', goOn: 'Pas d’urgence : continuer', save: 'Enregistrer le dépistage', cancel: 'Annuler' },
};

/** day: every word of the arrival screening the patient answers on the screen, in the patient's language. */
export const patientScreeningWords = {
  'en-CA': {
    step: 'Health check on arrival',
    intro: 'Before your visit, please answer each question for today.',
    emergencyOk: 'None of these: continue',
    save: 'Send my answers',
    answerAll: 'Please answer yes or no to each question',
    failed: 'Your answers could not be saved. Please ask the front desk for help.',
    stop: 'Thank you. Because you answered yes, we cannot treat you today. Please hand the screen back to the front desk: someone will talk with you about what comes next.',
  },
  'fr-CA': {
    step: 'Vérification de santé à l’arrivée',
    intro: 'Avant votre rendez-vous, veuillez répondre à chaque question pour aujourd’hui.',
    emergencyOk: 'Rien de cela : continuer',
    save: 'Envoyer mes réponses',
    answerAll: 'Veuillez répondre oui ou non à chaque question',
    failed: 'Vos réponses n’ont pas pu être enregistrées. Veuillez demander de l’aide à la réception.',
    stop: 'Merci. Comme vous avez répondu oui, nous ne pouvons pas vous traiter aujourd’hui. Veuillez remettre l’écran à la réception : quelqu’un discutera avec vous de la suite.',
  },
} as const;
