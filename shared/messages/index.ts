import { z } from 'zod';
import { catalogue, type MessageLocale } from './say';
import { ipcMessages } from './ipc';
import { fieldMessages } from './fields';
import { patientMessages } from './patients';
import { consentMessages } from './consent';
import { staffMessages } from './staff';
import { appointmentMessages } from './appointments';
import { screeningMessages } from './screening';
import { intakeMessages } from './intake';
import { backupMessages } from './backup';
import { settingsMessages } from './settings';
import { otherMessages } from './other';
import { followUpMessages } from './followups';
import { checkinMessages } from './checkin';
import { dayMessages } from './day';
import { summaryMessages } from './summary';
import { dashboardMessages } from './dashboard';
import { startupMessages } from './startup';

export type { MessageLocale, Entry, Values } from './say';

/** Every message main says to the desk, by feature; see say.ts for how they are used. */
export const messages = {
  ...ipcMessages,
  ...fieldMessages,
  ...patientMessages,
  ...consentMessages,
  ...staffMessages,
  ...appointmentMessages,
  ...screeningMessages,
  ...intakeMessages,
  ...backupMessages,
  ...settingsMessages,
  ...otherMessages,
  ...followUpMessages,
  ...checkinMessages,
  ...dayMessages,
  ...summaryMessages,
  ...dashboardMessages,
  ...startupMessages,
};
export type MessageId = keyof typeof messages;

export const { say, sayIn, resay } = catalogue<MessageId>(messages);

/** zod's own messages (a wrong type, a missing key) in the given language, for a parse. */
export const zodLocale = (locale: MessageLocale) => ({ error: (locale === 'fr-CA' ? z.locales.frCA() : z.locales.en()).localeError });

let desk: MessageLocale = 'en-CA';
/**
 * The renderer checks its forms with the contract before calling main (renderer/ui/form.ts):
 * its field messages follow the desk's language, which the IPC client sets from the session.
 * Main never sets it: there the dispatcher re-says each answer in the clinic's language.
 */
export function setDeskLocale(locale: MessageLocale): void {
  if (locale === desk) return;
  desk = locale;
  z.config(locale === 'fr-CA' ? z.locales.frCA() : z.locales.en());
}
export const deskLocale = (): MessageLocale => desk;
