import type { Entry } from './say';

/** The day: the safety checklist, the contact log (shared/contract/{checklist,contactlog}.ts, main/checklist, main/contactlog) and the Today steps' details. */
export const dayMessages = {
  'checklist.itemEnglish': { en: 'Write the item in English', fr: 'Écrivez l’élément en anglais' },
  'checklist.itemFrench': { en: 'Write the item in French', fr: 'Écrivez l’élément en français' },
  'checklist.keepOne': { en: 'Keep at least one item', fr: 'Gardez au moins un élément' },
  'checklist.max': { en: 'At most 20 items', fr: 'Au plus 20 éléments' },
  'checklist.tickOne': { en: 'Tick at least one item', fr: 'Cochez au moins un élément' },
  'checklist.noItem': { en: 'This item does not exist', fr: 'Cet élément n’existe pas' },
  'checklist.keepOneInUse': { en: 'Keep at least one item in use', fr: 'Gardez au moins un élément en usage' },
  'checklist.visitOver': { en: 'This visit is cancelled or a no-show: there is no room to turn over for it.', fr: 'Cette visite est annulée ou une absence : il n’y a pas de salle à préparer pour elle.' },
  'checklist.visitOverField': { en: 'This visit is cancelled or a no-show', fr: 'Cette visite est annulée ou une absence' },
  'checklist.notInUse': { en: 'Not an item of the checklist in use', fr: 'Pas un élément de la liste de sécurité en usage' },
  'contactlog.minDays': { en: 'At least 14 days', fr: 'Au moins 14 jours' },
  'contactlog.maxDays': { en: 'At most 10 years', fr: 'Au plus 10 ans' },
  'contactlog.endAfterStart': { en: 'The end must be on or after the start', fr: 'La fin doit être le même jour que le début ou après' },
  'contactlog.changed': { en: 'The list changed since it was shown: show it again before purging.', fr: 'La liste a changé depuis son affichage : affichez-la de nouveau avant de purger.' },
  'contactlog.showAgain': { en: 'Show the list again', fr: 'Affichez la liste de nouveau' },
  'today.intake.current': { en: 'Up to date', fr: 'À jour' },
  'today.intake.new': { en: 'New patient', fr: 'Nouveau patient' },
  'today.intake.due': { en: 'Due for review', fr: 'À revoir' },
  'today.checklist.done': { en: 'Done', fr: 'Fait' },
  'today.checklist.left': { en: '{left} of {count} left', fr: '{left} sur {count} à faire' },
} satisfies Record<string, Entry>;
