import type { PdfLocale } from '../../pdf/format';

/**
 * Every word the alliance summary prints around the record's own text, in Canadian
 * English and French; the same words the desk's screens use for statuses, levels and
 * outcomes (renderer/followups/words.ts), so the paper says what the screen said.
 */
export interface SummaryLabels {
  title: string;
  madeOn: (day: string) => string;
  name: string;
  dateOfBirth: string;
  record: string;
  goals: string;
  noGoals: string;
  goalStatus: Record<string, string>;
  setOn: (day: string) => string;
  target: (day: string) => string;
  patientCommits: string;
  therapistCommits: string;
  plan: string;
  noPlan: string;
  givenBy: (day: string, who: string) => string;
  what: string;
  howOften: string;
  howLong: string;
  note: string;
  adherence: string;
  noAdherence: string;
  level: Record<string, string>;
  barrier: Record<string, string>;
  checkins: string;
  noCheckins: string;
  theme: string;
  scale: string;
  lowMark: string;
  notValidated: (title: string, version: number) => string;
  validated: (title: string, version: number) => string;
  contacts: string;
  noContacts: string;
  day: string;
  followUp: string;
  outcome: string;
  by: string;
  kind: Record<string, string>;
  channel: Record<string, string>;
  outcomeName: Record<string, string>;
  earlier: (n: number) => string;
  moreGoals: (n: number) => string;
  earlierPlans: (n: number) => string;
  moreThemes: (n: number) => string;
  replaced: string;
  document: (id: string) => string;
  pageOne: string;
  labelled: (label: string, value: string) => string;
  none: string;
}

const en: SummaryLabels = {
  title: 'Alliance summary',
  madeOn: (day) => `Made on ${day}`,
  name: 'Name',
  dateOfBirth: 'Date of birth',
  record: 'Record',
  goals: 'Goals agreed with the patient',
  noGoals: 'No goal recorded yet.',
  goalStatus: { active: 'Active', met: 'Met', changed: 'Changed', dropped: 'Dropped' },
  setOn: (day) => `Set ${day}`,
  target: (day) => `target ${day}`,
  patientCommits: 'Patient commits to',
  therapistCommits: 'Therapist commits to',
  plan: 'Homecare plan',
  noPlan: 'No homecare plan given yet.',
  givenBy: (day, who) => (who ? `Given ${day} by ${who}` : `Given ${day}`),
  what: 'Exercise or self-care',
  howOften: 'How often',
  howLong: 'For how long',
  note: 'Note',
  adherence: 'Adherence',
  noAdherence: 'Not asked yet.',
  level: { all: 'All', most: 'Most', some: 'Some', none: 'None' },
  barrier: { time: 'No time', pain: 'Pain or discomfort', forgot: 'Forgot', unsure_how: 'Unsure how to do it', no_change_felt: 'Felt no change', equipment: 'No equipment or space', other: 'Something else' },
  checkins: 'Check-in scores by theme',
  noCheckins: 'No check-in taken yet.',
  theme: 'Theme',
  scale: 'Each bar is a score on its questionnaire’s scale, oldest on the left; higher is better. A score marked ! is low.',
  lowMark: '!',
  notValidated: (title, version) => `“${title}”, version ${version}: a clinic feedback check-in, not a validated instrument.`,
  validated: (title, version) => `“${title}”, version ${version}.`,
  contacts: 'Follow-up contacts',
  noContacts: 'No follow-up contact yet.',
  day: 'Date',
  followUp: 'Follow-up',
  outcome: 'Outcome',
  by: 'By',
  kind: { call: 'Call after first visit', adherence: 'Homecare check', alliance_checkin: 'Alliance check-in', lapsed: 'No recent visit', manual: 'Set by hand' },
  channel: { phone: 'phone', email: 'e-mail', text: 'text', visit: 'at a visit' },
  outcomeName: { reached: 'Reached', voicemail: 'Voicemail', no_answer: 'No answer', wrong_number: 'Wrong number', declined: 'Declined further contact', sent: 'Message prepared' },
  earlier: (n) => (n === 1 ? '1 earlier not shown.' : `${n} earlier not shown.`),
  moreGoals: (n) => (n === 1 ? '1 more goal not shown.' : `${n} more goals not shown.`),
  earlierPlans: (n) => (n === 1 ? '1 earlier plan not shown.' : `${n} earlier plans not shown.`),
  moreThemes: (n) => (n === 1 ? '1 more theme not shown.' : `${n} more themes not shown.`),
  replaced: 'A character this PDF’s font cannot draw is shown as �; the record keeps it as typed.',
  document: (id) => `Document ${id}`,
  pageOne: 'Page 1 of 1',
  labelled: (label, value) => `${label}: ${value}`,
  none: '—',
};

const fr: SummaryLabels = {
  title: 'Résumé de l’alliance thérapeutique',
  madeOn: (day) => `Établi le ${day}`,
  name: 'Nom',
  dateOfBirth: 'Date de naissance',
  record: 'Dossier',
  goals: 'Objectifs convenus avec le patient',
  noGoals: 'Aucun objectif consigné pour l’instant.',
  goalStatus: { active: 'Actif', met: 'Atteint', changed: 'Modifié', dropped: 'Abandonné' },
  setOn: (day) => `Fixé le ${day}`,
  target: (day) => `échéance le ${day}`,
  patientCommits: 'Le patient s’engage à',
  therapistCommits: 'Le thérapeute s’engage à',
  plan: 'Programme à la maison',
  noPlan: 'Aucun programme à la maison remis pour l’instant.',
  givenBy: (day, who) => (who ? `Remis le ${day} par ${who}` : `Remis le ${day}`),
  what: 'Exercice ou soin personnel',
  howOften: 'Fréquence',
  howLong: 'Durée',
  note: 'Note',
  adherence: 'Suivi du programme',
  noAdherence: 'Pas encore demandé.',
  level: { all: 'Tout', most: 'La plupart', some: 'Une partie', none: 'Rien' },
  barrier: { time: 'Manque de temps', pain: 'Douleur ou inconfort', forgot: 'Oubli', unsure_how: 'Ne sait pas comment le faire', no_change_felt: 'Aucun changement ressenti', equipment: 'Pas d’équipement ni d’espace', other: 'Autre chose' },
  checkins: 'Résultats des sondages par thème',
  noCheckins: 'Aucun sondage rempli pour l’instant.',
  theme: 'Thème',
  scale: 'Chaque barre est un résultat sur l’échelle de son sondage, le plus ancien à gauche; plus elle est longue, mieux c’est. Un résultat marqué ! est bas.',
  lowMark: '!',
  notValidated: (title, version) => `«\u00a0${title}\u00a0», version ${version} : un sondage de rétroaction de la clinique, pas un instrument validé.`,
  validated: (title, version) => `«\u00a0${title}\u00a0», version ${version}.`,
  contacts: 'Contacts de suivi',
  noContacts: 'Aucun contact de suivi pour l’instant.',
  day: 'Date',
  followUp: 'Suivi',
  outcome: 'Résultat',
  by: 'Par',
  kind: { call: 'Appel après la 1re visite', adherence: 'Suivi du programme', alliance_checkin: 'Point sur l’alliance', lapsed: 'Pas de visite récente', manual: 'Fixé à la main' },
  channel: { phone: 'téléphone', email: 'courriel', text: 'texto', visit: 'en visite' },
  outcomeName: { reached: 'Joint', voicemail: 'Boîte vocale', no_answer: 'Pas de réponse', wrong_number: 'Mauvais numéro', declined: 'Refuse d’autres contacts', sent: 'Message préparé' },
  earlier: (n) => (n === 1 ? '1 autre, plus ancien, non affiché.' : `${n} autres, plus anciens, non affichés.`),
  moreGoals: (n) => (n === 1 ? '1 autre objectif non affiché.' : `${n} autres objectifs non affichés.`),
  earlierPlans: (n) => (n === 1 ? '1 programme antérieur non affiché.' : `${n} programmes antérieurs non affichés.`),
  moreThemes: (n) => (n === 1 ? '1 autre thème non affiché.' : `${n} autres thèmes non affichés.`),
  replaced: 'Un caractère que la police de ce PDF ne peut pas dessiner est remplacé par �; le dossier le conserve tel qu’il a été saisi.',
  document: (id) => `Document ${id}`,
  pageOne: 'Page 1 de 1',
  labelled: (label, value) => `${label} : ${value}`,
  none: '—',
};

export function summaryLabels(locale: PdfLocale): SummaryLabels {
  return locale === 'fr-CA' ? fr : en;
}
