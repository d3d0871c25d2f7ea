import type { Entry } from './say';

/** Staff, sign-in and the session: shared/contract/staff.ts, main/staff, main/session. */
export const staffMessages = {
  'staff.secretMissing': { en: 'Enter a PIN or a password', fr: 'Entrez un NIP ou un mot de passe' },
  'staff.pinDigits': { en: 'A PIN needs at least {digits} digits', fr: 'Un NIP a besoin d’au moins {digits} chiffres' },
  'staff.passwordLength': {
    en: 'A password needs at least {length} characters (or use a PIN of {digits}+ digits)',
    fr: 'Un mot de passe a besoin d’au moins {length} caractères (ou utilisez un NIP de {digits} chiffres ou plus)',
  },
  'staff.initials': { en: 'Use 2 to 4 letters', fr: 'Utilisez de 2 à 4 lettres' },
  'staff.role': { en: 'Choose at least one role', fr: 'Choisissez au moins un rôle' },
  'staff.name': { en: 'Enter the name as it should print on forms', fr: 'Entrez le nom tel qu’il doit s’imprimer sur les formulaires' },
  'staff.enterSecret': { en: 'Enter your PIN or password', fr: 'Entrez votre NIP ou votre mot de passe' },
  'staff.chooseYou': { en: 'Choose your name or type your initials', fr: 'Choisissez votre nom ou tapez vos initiales' },
  'staff.minMinute': { en: 'At least 1 minute', fr: 'Au moins 1 minute' },
  'staff.maxMinutes': { en: 'At most 60 minutes', fr: 'Au plus 60 minutes' },
  'staff.nobody': { en: 'Nobody is signed in: sign in first.', fr: 'Personne n’est connecté : connectez-vous d’abord.' },
  'staff.locked': { en: 'Rapport is locked: sign in again to go on.', fr: 'Rapport est verrouillé : reconnectez-vous pour continuer.' },
  'staff.role.forbidden': { en: 'Your role does not allow this. Ask an admin.', fr: 'Votre rôle ne le permet pas. Demandez à un administrateur.' },
  'staff.witnessList': { en: 'Choose the witness from the staff list.', fr: 'Choisissez le témoin dans la liste du personnel.' },
  'staff.witnessInactive': { en: 'Not an active staff member', fr: 'Ce n’est pas un membre actif du personnel' },
  'staff.witnessOther': { en: 'A witness is someone other than you.', fr: 'Le témoin doit être une autre personne que vous.' },
  'staff.witnessOtherField': { en: 'Choose someone other than yourself', fr: 'Choisissez une autre personne que vous' },
  'staff.initialsTaken': { en: '{name} already signs in with these initials.', fr: '{name} se connecte déjà avec ces initiales.' },
  'staff.initialsUsedBy': { en: 'Already used by {name}', fr: 'Déjà utilisées par {name}' },
  'staff.alreadySetUp': { en: 'This clinic already has staff accounts: sign in instead.', fr: 'Cette clinique a déjà des comptes du personnel : connectez-vous plutôt.' },
  'staff.noSuch': { en: 'This staff account does not exist.', fr: 'Ce compte du personnel n’existe pas.' },
  'staff.onlyAdmin': {
    en: 'This is the only active admin: make someone else an admin first.',
    fr: 'C’est le seul administrateur actif : nommez d’abord quelqu’un d’autre administrateur.',
  },
  'staff.needsAdmin': { en: 'The clinic needs one active admin', fr: 'La clinique a besoin d’un administrateur actif' },
  'staff.notSelf': { en: 'You cannot retire your own account while signed in.', fr: 'Vous ne pouvez pas retirer votre propre compte pendant que vous êtes connecté.' },
  'staff.askAdmin': { en: 'Ask another admin', fr: 'Demandez à un autre administrateur' },
  'staff.inactive': { en: 'This staff account is not active.', fr: 'Ce compte du personnel n’est pas actif.' },
  'staff.noInitials': { en: 'Nobody signs in with these initials.', fr: 'Personne ne se connecte avec ces initiales.' },
  'staff.noInitialsField': { en: 'No active staff member has these initials', fr: 'Aucun membre actif du personnel n’a ces initiales' },
  'staff.lockedNow': {
    en: "Too many wrong attempts: {name}'s account is locked for now.",
    fr: 'Trop d’essais erronés : le compte de {name} est verrouillé pour le moment.',
  },
  'staff.lockedFor': {
    en: "Too many wrong attempts: {name}'s account is locked for {minutes} min.",
    fr: 'Trop d’essais erronés : le compte de {name} est verrouillé pendant {minutes} min.',
  },
  'staff.waitCountdown': { en: 'Locked: wait for the countdown', fr: 'Verrouillé : attendez la fin du décompte' },
  'staff.wrongSecret': { en: 'That PIN or password is not right.', fr: 'Ce NIP ou ce mot de passe n’est pas le bon.' },
  // Two entries, not an ICU plural: an answer is read back by its simple {values} (say.ts).
  'staff.oneTryLeft': { en: 'Not right: 1 try left before a lock', fr: 'Incorrect : encore 1 essai avant un verrouillage' },
  'staff.triesLeft': { en: 'Not right: {left} tries left before a lock', fr: 'Incorrect : encore {left} essais avant un verrouillage' },
} satisfies Record<string, Entry>;
