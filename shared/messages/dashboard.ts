import type { Entry } from './say';

/** The dashboard: the contract (shared/contract/dashboard.ts). */
export const dashboardMessages = {
  'dashboard.chooseUnit': { en: 'Choose weeks or months', fr: 'Choisissez des semaines ou des mois' },
  'dashboard.count': { en: 'Enter a whole number', fr: 'Entrez un nombre entier' },
  'dashboard.countMin': { en: 'At least 1', fr: 'Au moins 1' },
  'dashboard.maxWeeks': { en: 'At most {max} weeks', fr: 'Au plus {max} semaines' },
  'dashboard.maxMonths': { en: 'At most {max} months', fr: 'Au plus {max} mois' },
} satisfies Record<string, Entry>;
