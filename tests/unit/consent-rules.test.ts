import { describe, expect, it } from 'vitest';
import { fillPlaceholders, unknownPlaceholders } from '../../shared/consent/placeholders';
import type { ConsentStatus } from '../../shared/contract/consent';
import { formLocaleFor, formsStillNeeded, formsToSign } from '../../shared/consent/needs';
import { ageOn } from '../../shared/text/date';
import { checkSignaturePng } from '../../main/consent/signature';
import { consentStatus, type ConsentFact, type StatusVersion } from '../../main/consent/status';
import { addMonthsToDay, dayIn, zonedNoon } from '../../shared/time';
import { encodePng, scribblePng, solidPng } from '../support/png';

describe('signature check', () => {
  it('accepts a drawn signature and refuses blank, transparent, tiny and broken images', () => {
    expect(checkSignaturePng(scribblePng(7))).toMatchObject({ ok: true });
    expect(checkSignaturePng(solidPng(300, 100, [255, 255, 255]))).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
    expect(checkSignaturePng(encodePng(300, 100, new Uint8Array(300 * 100 * 4)))).toMatchObject({ ok: false });
    const dot = new Uint8Array(300 * 100 * 4);
    dot.set([0, 0, 0, 255], (50 * 300 + 150) * 4);
    expect(checkSignaturePng(encodePng(300, 100, dot))).toMatchObject({ ok: false });
    expect(checkSignaturePng(Buffer.alloc(0))).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
    const broken = scribblePng(7);
    broken.fill(0, 40, 80);
    expect(checkSignaturePng(broken)).toMatchObject({ ok: false });
  });
});

describe('placeholders', () => {
  it('finds the unknown ones and fills the known ones', () => {
    expect(unknownPlaceholders('{{clinic.name}} {{ patient.name }} {{patient.nmae}} {{x}}')).toEqual(['patient.nmae', 'x']);
    expect(fillPlaceholders('I, {{patient.name}}, at {{ clinic.name }}', { 'patient.name': 'Zoë', 'clinic.name': 'Harbour', 'clinic.phone': '' })).toBe('I, Zoë, at Harbour');
  });
});

describe('consent status', () => {
  const version = (kind: StatusVersion['kind'], v: number, material = false): StatusVersion => ({ id: `${kind}-${v}`, kind, version: v, material, name: kind });
  const versions = [version('treatment', 1), version('outbreak', 1), version('privacy', 1), version('sensitive_areas', 1)];
  const fact = (f: Partial<ConsentFact>): ConsentFact => ({ id: 'c', kind: 'treatment', method: 'screen', choices: [], signedAt: '2026-01-31T20:00:00.000Z', templateVersion: 1, withdrawnAt: null, ...f });
  const state = (consents: ConsentFact[], now: string, renewalMonths = 12, extra: StatusVersion[] = []) =>
    consentStatus({ consents, versions: [...versions, ...extra], policy: { sensitiveAreaFrequency: 'every_visit', renewalMonths }, now: new Date(now), timeZone: 'America/Toronto' });

  it('works out only the kinds asked for, each as it stands among all of them', () => {
    const consents = [fact({}), fact({ id: 'o', kind: 'outbreak', withdrawnAt: '2026-02-02T12:00:00.000Z' })];
    const all = state(consents, '2026-03-01T12:00:00.000Z');
    const two = consentStatus({ consents, versions, policy: { sensitiveAreaFrequency: 'every_visit', renewalMonths: 12 }, now: new Date('2026-03-01T12:00:00.000Z'), timeZone: 'America/Toronto', kinds: ['outbreak', 'treatment'] });
    expect(two.map((s) => [s.kind, s.state])).toEqual([['outbreak', 'withdrawn'], ['treatment', 'on_file']]);
    expect(two).toEqual([all.find((s) => s.kind === 'outbreak'), all.find((s) => s.kind === 'treatment')]);
  });

  it('expires at the end of the renewal period, the 31st landing on the month’s last day', () => {
    const [treatment] = state([fact({})], '2027-01-30T12:00:00.000Z');
    expect(treatment).toMatchObject({ state: 'on_file', expiresOn: '2027-01-31' });
    expect(state([fact({ signedAt: '2026-01-31T20:00:00.000Z' })], '2026-03-01T12:00:00.000Z', 1)[0].expiresOn).toBe('2026-02-28');
    expect(state([fact({})], '2027-02-01T12:00:00.000Z')[0].state).toBe('expired');
    expect(state([fact({})], '2040-01-01T12:00:00.000Z', 0)[0]).toMatchObject({ state: 'on_file', expiresOn: null });
  });

  it('withdrawn beats everything; a newer signature replaces it', () => {
    expect(state([fact({ withdrawnAt: '2026-02-01T00:00:00.000Z' })], '2026-02-02T12:00:00.000Z')[0].state).toBe('withdrawn');
    expect(state([fact({ withdrawnAt: '2026-02-01T00:00:00.000Z' }), fact({ id: 'd', signedAt: '2026-02-03T00:00:00.000Z' })], '2026-02-04T12:00:00.000Z')[0]).toMatchObject({ state: 'on_file', consentId: 'd' });
  });

  it('asks for re-consent only after a material change', () => {
    expect(state([fact({})], '2026-02-02T12:00:00.000Z', 12, [version('treatment', 2)])[0].state).toBe('on_file');
    expect(state([fact({})], '2026-02-02T12:00:00.000Z', 12, [version('treatment', 2), version('treatment', 3, true)])[0]).toMatchObject({ state: 'reconsent', currentVersion: 3 });
  });

  it('does date arithmetic on the clinic’s days', () => {
    expect(addMonthsToDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDay('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsToDay('2026-11-25', 12)).toBe('2027-11-25');
    expect(zonedNoon('2026-11-30', 'America/Vancouver')).toBe('2026-11-30T20:00:00.000Z');
    expect(zonedNoon('2026-07-01', 'America/Toronto')).toBe('2026-07-01T16:00:00.000Z');
    expect(dayIn('Pacific/Auckland', zonedNoon('2026-11-24', 'Pacific/Auckland'))).toBe('2026-11-24');
    // Valid through the last day, whatever the hour.
    const late = state([fact({ signedAt: '2026-01-31T20:00:00.000Z' })], '2027-02-01T04:59:00.000Z')[0];
    expect(late).toMatchObject({ state: 'on_file', expiresOn: '2027-01-31' });
  });

  it('counts days in the clinic’s time zone, not UTC', () => {
    expect(dayIn('America/Toronto', '2026-02-01T03:00:00.000Z')).toBe('2026-01-31');
    const sensitive = fact({ kind: 'sensitive_areas', choices: ['gluteal'], signedAt: '2026-01-31T20:00:00.000Z' });
    const spoken = fact({ id: 'v', kind: 'sensitive_areas', method: 'verbal', choices: ['gluteal'], signedAt: '2026-02-01T02:00:00.000Z' });
    // 21:00 in Toronto on the 31st: the same visit day as the written consent and the spoken one.
    const same = state([sensitive, spoken], '2026-02-01T02:30:00.000Z').find((s) => s.kind === 'sensitive_areas')!;
    expect(same).toMatchObject({ state: 'on_file', verbalToday: ['gluteal'] });
    const next = state([sensitive, spoken], '2026-02-01T15:00:00.000Z').find((s) => s.kind === 'sensitive_areas')!;
    expect(next).toMatchObject({ state: 'needed_this_visit', verbalToday: [] });
  });
});

describe('who needs what, in which language', () => {
  it('starts the forms in the language the record names, whatever its spelling; anything else gets the clinic’s', () => {
    for (const l of ['French', 'français', 'Francais', 'FR', 'fr-CA']) expect(formLocaleFor(l, 'en-CA'), l).toBe('fr-CA');
    for (const l of ['English', 'en', 'anglais']) expect(formLocaleFor(l, 'fr-CA'), l).toBe('en-CA');
    for (const l of ['', 'Punjabi', 'Frisian']) expect(formLocaleFor(l, 'fr-CA'), l).toBe('fr-CA');
  });

  it('needs treatment and outbreak before treatment; privacy is still to sign; sensitive areas only when those areas are treated', () => {
    const item = (kind: ConsentStatus['kind'], state: ConsentStatus['state']) => ({ kind, state }) as ConsentStatus;
    const items = [item('treatment', 'on_file'), item('outbreak', 'reconsent'), item('privacy', 'missing'), item('sensitive_areas', 'withdrawn')];
    expect(formsStillNeeded(items).map((i) => i.kind)).toEqual(['outbreak']);
    expect(formsToSign(items).map((i) => i.kind)).toEqual(['outbreak', 'privacy']);
  });

  it('counts age in whole years on the day', () => {
    expect(ageOn('2010-11-30', '2026-11-30')).toBe(16);
    expect(ageOn('2010-12-01', '2026-11-30')).toBe(15);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('gives no age for a date that does not exist, is still being typed, or is in the future', () => {
    expect(ageOn('1990-02-31', '2026-11-30')).toBeNull();
    expect(ageOn('14/03/1985', '2026-11-30')).toBeNull();
    expect(ageOn('1985-03', '2026-11-30')).toBeNull();
    expect(ageOn('2026-12-01', '2026-11-30')).toBeNull();
    expect(ageOn('1890-01-01', '2026-11-30')).toBeNull();
    expect(ageOn('2026-11-30', '2026-11-30')).toBe(0);
  });
});
