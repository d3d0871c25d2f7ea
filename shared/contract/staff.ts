import { z } from 'zod';
import { id, isoTimestamp, maxLength, plain, requiredText, text } from './fields';
import { clinicProfileInputSchema, locales } from './settings';
import { say } from '../messages';

/**
 * Staff accounts and the session at the shared reception PC (issue 8). Who did
 * something always comes from the signed-in person in main, never from typed text.
 */

export const roles = ['admin', 'therapist', 'reception'] as const;
export type Role = (typeof roles)[number];

export const minPinDigits = 6;
export const minPasswordLength = 10;

/** A personal PIN (6+ digits, for the keypad) or a password (10+ characters). */
export const secretSchema = z
  .string({ error: say('staff.secretMissing') })
  .max(200, maxLength(200))
  .superRefine((s, ctx) => {
    if (/^\d*$/.test(s)) {
      if (s.length < minPinDigits) ctx.addIssue({ code: 'custom', message: say('staff.pinDigits', { digits: minPinDigits }) });
    } else if (s.length < minPasswordLength) {
      ctx.addIssue({ code: 'custom', message: say('staff.passwordLength', { length: minPasswordLength, digits: minPinDigits }) });
    }
  });

const initials = z
  .string({ error: say('field.expectedText') })
  .trim()
  .max(4, { message: say('staff.initials'), abort: true })
  .regex(/^\p{L}{2,4}$/u, say('staff.initials'));

const roleList = z.array(z.enum(roles)).min(1, say('staff.role')).max(roles.length);

export const staffMemberSchema = z.object({
  id,
  name: z.string(),
  initials: z.string(),
  roles: z.array(z.enum(roles)),
  active: z.boolean(),
  secretKind: z.enum(['pin', 'password']),
  /** Set while wrong attempts keep this account locked: the screen counts down to it. */
  lockedUntil: isoTimestamp.nullable(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

/** What the sign-in screen may show before anyone signs in: who works here, never more. */
const personSchema = staffMemberSchema.pick({ id: true, name: true, initials: true, secretKind: true, lockedUntil: true });

export const sessionStateSchema = z.object({
  /** No staff account exists yet: the first-run setup creates the clinic and its first admin. */
  firstRun: z.boolean(),
  user: staffMemberSchema.pick({ id: true, name: true, initials: true, roles: true }).nullable(),
  /** Signed in, but the screen is locked: only the same person's PIN, or another sign-in, opens it. */
  locked: z.boolean(),
  autoLockMinutes: z.number().int(),
  /** The desk's language: the clinic's, so the sign-in screen speaks it before anyone is known. */
  locale: z.enum(locales),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

const staffFields = {
  name: requiredText(120, say('staff.name')),
  initials,
  roles: roleList,
};

export const staffContract = {
  'setup.createFirstAdmin': {
    input: z.object({ clinic: clinicProfileInputSchema, admin: z.object({ name: staffFields.name, initials, secret: secretSchema }) }),
    output: sessionStateSchema,
  },
  'session.current': {
    /**
     * `active`: keys were pressed or the pointer moved since the screen last asked. Typing
     * a long note makes no call to main, so without this main would count it as idle.
     */
    input: z.object({ active: z.boolean().default(false) }),
    output: sessionStateSchema,
  },
  'session.people': { input: z.object({}), output: z.object({ people: z.array(personSchema) }) },
  'session.signIn': {
    input: z
      .object({ staffId: id.optional(), initials: text(4).optional(), secret: plain(200, say('staff.enterSecret')).min(1, say('staff.enterSecret')) })
      .refine((s) => s.staffId !== undefined || (s.initials ?? '') !== '', { message: say('staff.chooseYou'), path: ['staffId'] }),
    output: sessionStateSchema,
  },
  'session.lock': { input: z.object({ reason: z.enum(['manual', 'idle', 'switch']).default('manual') }), output: sessionStateSchema },
  'session.signOut': { input: z.object({}), output: sessionStateSchema },
  'staff.list': { input: z.object({}), output: z.object({ staff: z.array(staffMemberSchema) }) },
  'staff.create': { input: z.object({ ...staffFields, secret: secretSchema }), output: staffMemberSchema },
  'staff.update': { input: z.object({ id, ...staffFields, active: z.boolean() }), output: staffMemberSchema },
  'staff.resetSecret': { input: z.object({ id, secret: secretSchema }), output: staffMemberSchema },
  'staff.setAutoLock': {
    input: z.object({ minutes: z.number({ error: say('field.minutes') }).int(say('field.wholeMinutes')).min(1, say('staff.minMinute')).max(60, say('staff.maxMinutes')) }),
    output: z.object({ autoLockMinutes: z.number().int() }),
  },
} as const;
