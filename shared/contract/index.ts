import type { z } from 'zod';
import { patientsContract } from './patients';
import { settingsContract } from './settings';
import { consentContract } from './consent';
import { staffContract } from './staff';
import { auditContract } from './audit';
import { exportContract } from './export';
import { intakeContract } from './intake';
import { backupContract } from './backup';
import { appointmentsContract } from './appointments';
import { screeningContract } from './screening';
import { todayContract } from './today';
import { checklistContract } from './checklist'; // day
import { contactLogContract } from './contactlog'; // day
// follow-ups
import { followupsContract } from './followups';
// check-ins
import { checkinContract } from './checkin';
// alliance summary
import { summaryContract } from './summary';
// dashboard
import { dashboardContract } from './dashboard';
import type { Result } from './result';

/**
 * The one IPC contract: channel name → input and output schema. Main registers a
 * handler per channel from it, the preload forwards only `invoke`, and the renderer's
 * client is typed by it. Add a feature by adding its contract file here.
 */
export const contract = {
  ...patientsContract,
  ...settingsContract,
  ...consentContract,
  ...staffContract,
  ...auditContract,
  ...exportContract,
  ...intakeContract,
  ...appointmentsContract,
  ...screeningContract,
  ...todayContract,
  // day
  ...checklistContract,
  ...contactLogContract,
  // follow-ups
  ...followupsContract,
  // check-ins
  ...checkinContract,
  // alliance summary
  ...summaryContract,
  // dashboard
  ...dashboardContract,
  // Last: a backup's audit entry lands when the copy is done, after the calls before it.
  ...backupContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller may send (defaults not yet applied). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];
export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** The one function the preload exposes on `window.rapport`. */
export type Invoke = <C extends Channel>(channel: C, input: Input<C>) => Promise<Result<Output<C>>>;
export interface RapportBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
}

export * from './result';
