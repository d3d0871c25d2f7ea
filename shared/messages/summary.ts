import type { Entry } from './say';

/** The alliance summary PDF (issue 11 item 7): main/followups/summary. */
export const summaryMessages = {
  'followups.summaryFailed': { en: 'The alliance summary could not be made: {reason}', fr: 'Le résumé de l’alliance n’a pas pu être établi : {reason}' },
  'followups.summaryClinicName': {
    en: 'Set the clinic name in Settings first: it heads the alliance summary.',
    fr: 'Indiquez d’abord le nom de la clinique dans Paramètres : il figure en tête du résumé de l’alliance.',
  },
  'followups.summaryLogo': {
    en: 'The clinic logo cannot be printed. Choose it again in Settings, or remove it.',
    fr: 'Le logo de la clinique ne peut pas être imprimé. Choisissez-le de nouveau dans Paramètres, ou retirez-le.',
  },
  'followups.summaryLogoField': { en: 'The logo cannot be printed', fr: 'Le logo ne peut pas être imprimé' },
  'followups.summaryNoViewer': {
    en: 'The summary was saved, but no PDF viewer could open it on this computer.',
    fr: 'Le résumé a été enregistré, mais aucun lecteur de PDF n’a pu l’ouvrir sur cet ordinateur.',
  },
} satisfies Record<string, Entry>;
