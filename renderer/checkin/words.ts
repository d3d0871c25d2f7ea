/** The check-in form's own words, in the language of the person answering (the questionnaire has the items). */
export const formWords = {
  'en-CA': {
    step: 'Clinic check-in',
    notValidated: 'A clinic feedback check-in, not a validated instrument.',
    choose: 'Please choose an answer',
    chooseAll: 'Please answer every statement.',
    failed: 'Your answers could not be saved. Please ask the front desk for help.',
    send: 'Send my answers',
    of: (a: number, b: number) => `Statement ${a} of ${b}`,
  },
  'fr-CA': {
    step: 'Sondage de la clinique',
    notValidated: 'Un sondage de la clinique, pas un instrument validé.',
    choose: 'Veuillez choisir une réponse',
    chooseAll: 'Veuillez répondre à chaque énoncé.',
    failed: 'Vos réponses n’ont pas pu être enregistrées. Veuillez demander de l’aide à la réception.',
    send: 'Envoyer mes réponses',
    of: (a: number, b: number) => `Énoncé ${a} sur ${b}`,
  },
} as const;
