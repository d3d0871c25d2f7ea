import type { Handlers } from '../ipc/dispatcher';
import type { Result } from '../../shared/contract/result';
import type { SettingsService } from './service';

export function settingsHandlers(
  settings: SettingsService,
  /** Runs a change with its audit entry, both or neither (journal.ts). */
  journaled: <O>(action: string, run: () => Promise<Result<O>>) => Promise<Result<O>>,
): Pick<Handlers, Extract<keyof Handlers, `settings.${string}`>> {
  // Settings are not records, but changing them changes records' meaning (how long a
  // consent lasts, who may leave patient mode): the audit log says when they changed.
  const audited =
    <I, O>(action: string, handler: (input: I) => Promise<Result<O>>) =>
    (input: I): Promise<Result<O>> =>
      journaled(action, () => handler(input));
  return {
    'settings.get': settings.get,
    'settings.update': audited('settings.clinic_profile_changed', settings.update),
    'settings.setLogo': audited('settings.logo_changed', settings.setLogo),
    'settings.removeLogo': audited('settings.logo_removed', settings.removeLogo),
    'settings.consentPolicy': settings.getConsentPolicy,
    'settings.updateConsentPolicy': audited('settings.consent_rules_changed', settings.updateConsentPolicy),
  };
}
