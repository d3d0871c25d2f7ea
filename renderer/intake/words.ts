import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { IntakeState } from '../../shared/contract/intake';

/** The intake form's own words, in the language of the person filling it in (the template has the questions). */
export const formWords = {
  'en-CA': {
    required: 'Required',
    area: 'Area',
    pain: 'Pain (0 to 10)',
    addArea: 'Add an area',
    removeArea: (n: number) => `Remove area ${n}`,
    areaN: (n: number) => `Area ${n}`,
    noAreas: 'No areas listed.',
    save: 'Save my answers',
    kept: 'Your answers are kept as you type.',
    step: 'Health history',
  },
  'fr-CA': {
    required: 'Obligatoire',
    area: 'Zone',
    pain: 'Douleur (0 à 10)',
    addArea: 'Ajouter une zone',
    removeArea: (n: number) => `Retirer la zone ${n}`,
    areaN: (n: number) => `Zone ${n}`,
    noAreas: 'Aucune zone indiquée.',
    save: 'Enregistrer mes réponses',
    kept: 'Vos réponses sont gardées au fur et à mesure.',
    step: 'Antécédents de santé',
  },
} as const;
export type FormWords = (typeof formWords)[keyof typeof formWords];

/** Where the health history stands, in the desk's language. */
export const stateLabels: Record<IntakeState, MessageDescriptor> = defineMessages({
  none: { id: 'intake.state.none', defaultMessage: 'No health history yet' },
  due_for_review: { id: 'intake.state.due', defaultMessage: 'Due for review' },
  current: { id: 'intake.state.current', defaultMessage: 'Up to date' },
});
export const stateTone: Record<IntakeState, 'ok' | 'warn' | 'danger'> = { none: 'danger', due_for_review: 'warn', current: 'ok' };
