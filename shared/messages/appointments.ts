import type { Entry } from './say';

/** Appointments: the contract (shared/contract/appointments.ts), main/appointments and its clock. */
export const appointmentMessages = {
  'appointments.roomName': { en: 'Name the room', fr: 'Nommez la salle' },
  'appointments.typeName': { en: 'Name the type of visit', fr: 'Nommez le type de visite' },
  'appointments.minMinutes': { en: 'At least 5 minutes', fr: 'Au moins 5 minutes' },
  'appointments.maxMinutes': { en: 'At most 8 hours', fr: 'Au plus 8 heures' },
  'appointments.endAfterStart': { en: 'The end must be after the start', fr: 'La fin doit suivre le début' },
  'appointments.oneLinePerDay': { en: 'One line per weekday', fr: 'Une ligne par jour de la semaine' },
  'appointments.cancelReason': { en: 'Say why the visit is cancelled', fr: 'Dites pourquoi la visite est annulée' },
  'appointments.pastMidnight': { en: 'This visit would run past midnight', fr: 'Cette visite dépasserait minuit' },
  'appointments.clocksChange': {
    en: 'The clocks change during this visit on {day}. Book it to end before the change or start after it.',
    fr: 'L’heure change pendant cette visite le {day}. Réservez-la pour qu’elle finisse avant le changement ou commence après.',
  },
  'appointments.clocksForward': {
    en: 'The clocks go forward on {day}: {time} does not exist that day. Choose a time after the change.',
    fr: 'On avance l’heure le {day} : {time} n’existe pas ce jour-là. Choisissez une heure après le changement.',
  },
  'appointments.clocksBack': {
    en: 'The clocks go back on {day}: {time} happens twice that day. Choose a time after the change.',
    fr: 'On recule l’heure le {day} : {time} arrive deux fois ce jour-là. Choisissez une heure après le changement.',
  },
  'appointments.therapistBooked': {
    en: '{therapist} is already booked then ({patient}, {start}–{end} on {day}, {room}).',
    fr: '{therapist} est déjà pris à ce moment-là ({patient}, {start}–{end} le {day}, {room}).',
  },
  'appointments.roomBooked': {
    en: '{room} is already booked then ({patient}, {start}–{end} on {day}, with {therapist}).',
    fr: '{room} est déjà réservée à ce moment-là ({patient}, {start}–{end} le {day}, avec {therapist}).',
  },
  'appointments.noPatient': { en: 'This patient record does not exist', fr: 'Ce dossier de patient n’existe pas' },
  'appointments.patientArchived': { en: 'This patient is archived: restore the record first', fr: 'Ce dossier est archivé : restaurez-le d’abord' },
  'appointments.chooseTherapist': { en: 'Choose a therapist on the staff list', fr: 'Choisissez un thérapeute de la liste du personnel' },
  'appointments.chooseRoom': { en: 'Choose one of the clinic’s rooms', fr: 'Choisissez une des salles de la clinique' },
  'appointments.chooseType': { en: 'Choose a type of visit', fr: 'Choisissez un type de visite' },
  'appointments.noSuch': { en: 'This appointment does not exist.', fr: 'Ce rendez-vous n’existe pas.' },
  'appointments.noSuchField': { en: 'This appointment does not exist', fr: 'Ce rendez-vous n’existe pas' },
  'appointments.noRoom': { en: 'This room does not exist.', fr: 'Cette salle n’existe pas.' },
  'appointments.noType': { en: 'This type of visit does not exist.', fr: 'Ce type de visite n’existe pas.' },
  'appointments.state.booked': { en: 'booked', fr: 'réservée' },
  'appointments.state.checkedIn': { en: 'checked in', fr: 'arrivée' },
  'appointments.state.checkedOut': { en: 'checked out', fr: 'terminée' },
  'appointments.state.cancelled': { en: 'cancelled', fr: 'annulée' },
  'appointments.state.noShow': { en: 'marked as a no-show', fr: 'marquée comme absence' },
  'appointments.state.over': { en: 'over (checked out)', fr: 'terminée (départ enregistré)' },
  'appointments.isState': { en: 'This visit is {state}', fr: 'Cette visite est {state}' },
  'appointments.onlyMove': { en: 'This visit is {state}: only a booked visit can be moved.', fr: 'Cette visite est {state} : seule une visite réservée peut être déplacée.' },
  'appointments.onlyCancel': { en: 'This visit is {state}: only a booked visit can be cancelled.', fr: 'Cette visite est {state} : seule une visite réservée peut être annulée.' },
  'appointments.onlyNoShow': {
    en: 'This visit is {state}: only a booked visit can be a no-show.',
    fr: 'Cette visite est {state} : seule une visite réservée peut être marquée comme absence.',
  },
  'appointments.onlyCheckIn': {
    en: 'This visit is {state}: only a booked visit can be checked in.',
    fr: 'Cette visite est {state} : seule l’arrivée d’une visite réservée peut être enregistrée.',
  },
  'appointments.onlyCheckOut': {
    en: 'This visit is {state}: only a checked-in visit can be checked out.',
    fr: 'Cette visite est {state} : seul le départ d’une visite arrivée peut être enregistré.',
  },
  'appointments.neverCheckedIn': {
    en: 'This visit was never checked in: check the patient in first.',
    fr: 'L’arrivée de cette visite n’a jamais été enregistrée : enregistrez d’abord l’arrivée du patient.',
  },
} satisfies Record<string, Entry>;
