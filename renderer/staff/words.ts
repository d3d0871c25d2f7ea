import { defineMessages } from 'react-intl';
import type { Role } from '../../shared/contract/staff';

/** Words the first-run form and the staff screen share: a person is described the same way in both. */
export const staffWords = defineMessages({
  nameHint: { id: 'staff.words.nameHint', defaultMessage: 'As it should print on consent forms' },
  initialsHint: { id: 'staff.words.initialsHint', defaultMessage: '2 to 4 letters, to sign in by keyboard' },
  secretHint: { id: 'staff.words.secretHint', defaultMessage: 'A PIN of 6 or more digits, or a password of 10 or more characters' },
  repeat: { id: 'staff.words.repeat', defaultMessage: 'The same again' },
  differ: { id: 'staff.words.differ', defaultMessage: 'The two entries differ' },
});

export const roleLabels = defineMessages<Role>({
  admin: { id: 'staff.role.admin', defaultMessage: 'Admin' },
  therapist: { id: 'staff.role.therapist', defaultMessage: 'Therapist' },
  reception: { id: 'staff.role.reception', defaultMessage: 'Reception' },
});

export const roleHints = defineMessages<Role>({
  reception: { id: 'staff.roleHint.reception', defaultMessage: 'patients, consent, printing' },
  therapist: { id: 'staff.roleHint.therapist', defaultMessage: 'the desk, and clinical details' },
  admin: { id: 'staff.roleHint.admin', defaultMessage: 'everything: templates, settings, staff, the whole audit trail' },
});
