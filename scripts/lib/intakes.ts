import type { App } from '../../main/app/context';

/** Fictional health histories for the demo clinic, written by us; no real person's. */
const hopes = [
  'Get back to running three times a week',
  'Sleep through the night without shoulder pain',
  'Sit at my desk all day without a stiff neck',
  'Lift my grandchildren without hurting my back',
  'Retrouver ma mobilité pour jardiner',
  'Relax and manage stress better',
];
const areas = [
  [{ area: 'Lower back', pain: 6 }],
  [{ area: 'Right shoulder', pain: 5 }, { area: 'Neck', pain: 3 }],
  [{ area: 'Left knee', pain: 4 }],
  [{ area: 'Upper back', pain: 7 }],
];
const conditions = [[], ['headaches'], ['arthritis'], ['blood_pressure', 'diabetes'], ['numbness']];

/**
 * Health histories for part of the demo patients, through the real handlers: some
 * recent, some past the clinic's twelve months (due for review), a few with a second
 * version (a change reported at a return visit) or a "no changes" confirmation; a
 * quarter have none yet. `at` moves the demo's clock.
 */
export async function demoIntakes(app: App, ids: string[], at: (date: Date | null) => void): Promise<{ written: number; failed: number }> {
  let written = 0;
  let failed = 0;
  const day = 24 * 3600 * 1000;
  for (const [i, patientId] of ids.slice(0, 80).entries()) {
    if (i % 4 === 3) continue;
    const monthsAgo = i % 5 === 0 ? 15 : (i % 11) + 1;
    at(new Date(Date.now() - monthsAgo * 30 * day));
    const answers = { conditions: conditions[i % conditions.length], areas: areas[i % areas.length], hopes: hopes[i % hopes.length], pregnancy: 'not_applicable', heardFrom: ['friend', 'online', 'health_professional'][i % 3], ...(i % 3 === 0 ? { medications: 'Ibuprofen as needed' } : {}) };
    const locale = hopes[i % hopes.length].startsWith('Retrouver') ? 'fr-CA' : 'en-CA';
    const first = await app.dispatch('intake.submit', { patientId, templateVersion: 1, locale, answers, basedOnVersion: null });
    if (!first.ok) {
      failed++;
      continue;
    }
    written++;
    if (monthsAgo > 2 && i % 6 === 1) {
      at(new Date(Date.now() - 20 * day));
      const changed = await app.dispatch('intake.submit', { patientId, templateVersion: 1, locale, answers: { ...answers, surgeryInjury: 'Sprained ankle last month', areas: [{ area: answers.areas[0].area, pain: 2 }] }, basedOnVersion: 1 });
      if (changed.ok) written++;
      else failed++;
    } else if (monthsAgo > 2 && i % 6 === 2) {
      at(new Date(Date.now() - 10 * day));
      await app.dispatch('intake.confirmNoChanges', { patientId, intakeVersion: 1 });
    }
  }
  at(null);
  return { written, failed };
}
