import type { SummaryInput } from '../../main/followups/summary/types';

/** A fixed record, as data.ts would hand it over: the golden file's input. */
export function fixedSummary(locale: SummaryInput['locale']): SummaryInput {
  const score = (theme: string, label: string, value: number) => ({ theme, label, score: value, min: 1, max: 5, low: value <= 2 });
  return {
    documentId: '5d0c2f4e-8a1b-4c3d-9e2f-7a6b5c4d3e2f',
    createdAt: '2026-04-02T16:30:00.000Z',
    locale,
    timeZone: 'America/Toronto',
    clinic: { name: 'Clinique Rapport Massothérapie', addressLines: ['12 rue Principale', 'Gatineau QC J8X 1A1'], phone: '819 555 0100', email: 'accueil@rapport.example' },
    logo: null,
    patient: { fullName: 'Nguyễn Thị Minh', dateOfBirth: '1972-11-05', recordId: '0f1e2d3c-4b5a-4697-8877-665544332211' },
    goals: [
      { words: 'Carry the grandchildren without shoulder pain', patientCommits: 'Shoulder rolls at lunch', therapistCommits: 'Adjust the plan every two weeks', status: 'active', setOn: '2026-02-10', targetDate: '2026-06-01' },
      { words: 'Turn my head fully when driving', patientCommits: '', therapistCommits: '', status: 'met', setOn: '2026-01-20', targetDate: null },
    ],
    plan: {
      items: [{ what: 'Shoulder rolls', howOften: 'Three times a day', howLong: '6 weeks' }, { what: 'Doorway stretch', howOften: 'Morning and night', howLong: '6 weeks' }],
      note: 'Gentle range only',
      givenOn: '2026-02-10',
      givenBy: 'Amélie Tremblay, RMT',
      adherence: [
        { level: 'most', barriers: ['forgot'], barrierNote: '', at: '2026-03-20T15:00:00.000Z' },
        { level: 'some', barriers: ['time', 'pain'], barrierNote: 'Busy at work', at: '2026-02-27T15:00:00.000Z' },
      ],
    },
    earlierPlans: 1,
    checkins: [
      { takenAt: '2026-03-25T15:00:00.000Z', scores: [score('communication', 'Communication', 4.5), score('partnership', 'Partnership', 4), score('connectedness', 'Trust and connection', 2)] },
      { takenAt: '2026-02-12T15:00:00.000Z', scores: [score('communication', 'Communication', 4), score('partnership', 'Partnership', 3.5), score('connectedness', 'Trust and connection', 4)] },
    ],
    checkinsTotal: 3,
    checkinSource: { title: 'How are your visits going?', version: 2, validated: false },
    contacts: [
      { at: '2026-03-20T15:00:00.000Z', kind: 'adherence', channel: 'phone', outcome: 'reached', by: 'Marc Tremblay', note: 'Doing most of it' },
      { at: '2026-03-19T15:00:00.000Z', kind: 'adherence', channel: 'phone', outcome: 'voicemail', by: 'Marc Tremblay', note: '' },
    ],
    contactsTotal: 2,
  };
}

/**
 * The same record with a long history: every list past what one page shows and every
 * text at the contract's longest, so the layout has rows to give up (the benchmark's case).
 */
export function longSummary(locale: SummaryInput['locale']): SummaryInput {
  const base = fixedSummary(locale);
  const long = (n: number, word: string) => `${word} `.repeat(Math.ceil(n / (word.length + 1))).slice(0, n).trim();
  const themes = base.checkins[0].scores;
  return {
    ...base,
    goals: Array.from({ length: 12 }, (_, i) => ({ ...base.goals[i % 2], words: `${i + 1}. ${long(490, base.goals[i % 2].words)}`, patientCommits: long(1000, 'stretch'), therapistCommits: long(1000, 'review') })),
    plan: {
      ...base.plan!,
      items: Array.from({ length: 8 }, (_, i) => ({ what: `${i + 1}. ${long(190, 'exercise')}`, howOften: long(100, 'often'), howLong: long(100, 'weeks') })),
      note: long(1000, 'note'),
      adherence: Array.from({ length: 40 }, (_, i) => ({ ...base.plan!.adherence[i % 2], barrierNote: long(500, 'busy') })),
    },
    checkins: Array.from({ length: 4 }, (_, k) => ({ takenAt: `2026-03-0${k + 1}T15:00:00.000Z`, scores: Array.from({ length: 20 }, (_, i) => ({ ...themes[i % themes.length], theme: `theme-${i}`, label: `${themes[i % themes.length].label} ${i + 1}` })) })),
    checkinsTotal: 30,
    contacts: Array.from({ length: 8 }, (_, i) => ({ ...base.contacts[i % 2], note: long(2000, 'rang') })),
    contactsTotal: 150,
  };
}
