import type { Entry } from './say';

/**
 * The health history: shared/contract/intake.ts and main/intake. The answers' own
 * messages are said in the patient's language by main/intake (the patient fills it in).
 */
export const intakeMessages = {
  'intake.key': { en: 'Use letters, digits and _ (up to 40)', fr: 'Utilisez des lettres, des chiffres et _ (40 au plus)' },
  'intake.question': { en: 'Enter the question', fr: 'Entrez la question' },
  'intake.optionLabel': { en: 'Enter a label for this option', fr: 'Entrez un libellé pour cette option' },
  'intake.title': { en: 'Enter the title', fr: 'Entrez le titre' },
  'intake.areaShape': { en: 'Expected an area with its pain from 0 to 10', fr: 'Zone attendue, avec sa douleur de 0 à 10' },
  'intake.area': { en: 'Name the area', fr: 'Nommez la zone' },
  'intake.pain': { en: 'Rate the pain from 0 to 10', fr: 'Évaluez la douleur de 0 à 10' },
  'intake.painWhole': { en: 'Use a whole number from 0 to 10', fr: 'Utilisez un nombre entier de 0 à 10' },
  'intake.painRange': { en: 'Use 0 to 10', fr: 'Utilisez de 0 à 10' },
  'intake.expectedOption': { en: 'Expected an option', fr: 'Option attendue' },
  'intake.notOption': { en: 'Not an option of this question', fr: 'Ce n’est pas une option de cette question' },
  'intake.tooManyItems': { en: 'Too many items', fr: 'Trop d’éléments' },
  'intake.tooManyAnswers': { en: 'Too many answers', fr: 'Trop de réponses' },
  'intake.minMonth': { en: 'At least 1 month', fr: 'Au moins 1 mois' },
  'intake.maxMonths': { en: 'At most 60 months', fr: 'Au plus 60 mois' },
  'intake.oneQuestion': { en: 'A form needs at least one question', fr: 'Un formulaire a besoin d’au moins une question' },
  'intake.maxPatients': { en: 'At most 500 patients at once', fr: 'Au plus 500 patients à la fois' },
  'intake.uniqueKey': { en: 'Each question needs its own key', fr: 'Chaque question a besoin de sa propre clé' },
  'intake.needsOptions': { en: 'A checklist or choice needs options', fr: 'Une liste à cocher ou un choix a besoin d’options' },
  'intake.questionInLanguage': { en: 'Enter the question in this language', fr: 'Entrez la question dans cette langue' },
  'intake.noPatient': { en: 'No such patient', fr: 'Aucun patient de ce nom' },
  'intake.formChanged': {
    en: 'The health history form changed while it was being filled in. Reopen it: the answers given so far are kept.',
    fr: 'Le formulaire des antécédents de santé a changé pendant qu’il était rempli. Rouvrez-le : les réponses déjà données sont gardées.',
  },
  'intake.noEarlier': { en: 'There is no earlier health history to update.', fr: 'Il n’y a pas d’antécédents de santé antérieurs à mettre à jour.' },
  'intake.savedMeanwhile': {
    en: 'Version {version} of the health history was saved meanwhile. Reopen it to see the newest answers.',
    fr: 'La version {version} des antécédents de santé a été enregistrée entre-temps. Rouvrez-les pour voir les réponses les plus récentes.',
  },
  'intake.savedMeanwhileLook': {
    en: 'Version {version} of the health history was saved meanwhile. Look at the newest answers first.',
    fr: 'La version {version} des antécédents de santé a été enregistrée entre-temps. Regardez d’abord les réponses les plus récentes.',
  },
  'intake.none': { en: 'This patient has no health history yet: fill one in first.', fr: 'Ce patient n’a pas encore d’antécédents de santé : remplissez-les d’abord.' },
  'intake.noneField': { en: 'No health history yet', fr: 'Pas encore d’antécédents de santé' },
  'intake.notNewest': { en: 'Not the newest version', fr: 'Ce n’est pas la version la plus récente' },
} satisfies Record<string, Entry>;
