import type { Knex } from 'knex';

/**
 * Alliance follow-ups (issue 11, items 1–4): goals agreed with the patient, homecare
 * plans and the adherence recorded against them, the clinic's follow-up rules, the
 * follow-ups those rules create, each contact attempt, and the patient's "declined
 * further contact".
 *
 * Nothing here is edited out of existence: a goal's every change is a history row, a
 * new plan supersedes the one before, a follow-up is closed (done or cancelled) with
 * who and when, a decline is undone with who and when. Days (due, target) are the
 * clinic's calendar days (YYYY-MM-DD); instants are ISO UTC.
 *
 * follow_ups is read by the alliance check-in too (kind 'alliance_checkin'): its shape
 * is shared, keep it stable.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('goals', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('patients.id');
    t.text('words').notNullable(); // the goal in the patient's own words
    t.text('patient_commits').notNullable().defaultTo('');
    t.text('therapist_commits').notNullable().defaultTo('');
    t.text('set_on').notNullable(); // clinic day it was agreed: a target cannot come before it
    t.text('target_date'); // clinic day, or none
    t.text('status').notNullable(); // active | met | changed | dropped
    t.text('source').notNullable().defaultTo('staff'); // staff | intake (seeded from "what you hope to get")
    t.text('created_by').references('staff.id');
    t.text('created_at').notNullable();
    t.text('updated_by').references('staff.id');
    t.text('updated_at').notNullable();
    t.index(['patient_id', 'status']);
  });
  await db.schema.createTable('goal_history', (t) => {
    t.text('id').primary();
    t.text('goal_id').notNullable().references('goals.id');
    t.text('patient_id').notNullable().references('patients.id');
    // The goal as it stood after this change.
    t.text('words').notNullable();
    t.text('patient_commits').notNullable();
    t.text('therapist_commits').notNullable();
    t.text('target_date');
    t.text('status').notNullable();
    t.text('note').notNullable().defaultTo(''); // what was said at the review
    t.text('follow_up_id'); // the follow-up it was reviewed at, if any
    t.text('changed_by').references('staff.id');
    t.text('changed_at').notNullable();
    t.index(['goal_id', 'changed_at']);
  });

  await db.schema.createTable('homecare_plans', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('patients.id');
    t.text('appointment_id').references('appointments.id'); // the visit it was given at, if any
    t.text('items').notNullable(); // JSON: [{ what, howOften, howLong }]
    t.text('note').notNullable().defaultTo('');
    t.text('given_on').notNullable(); // clinic day: the adherence check counts from it
    t.text('given_at').notNullable();
    t.text('given_by').references('staff.id');
    // A new plan supersedes the current one; the old one stays as history.
    t.text('superseded_at');
    t.text('superseded_by').references('homecare_plans.id');
    t.index(['patient_id', 'given_at']);
  });
  await db.schema.createTable('adherence_records', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('patients.id');
    t.text('plan_id').notNullable().references('homecare_plans.id');
    t.text('follow_up_id'); // recorded at this follow-up, if any
    t.text('level').notNullable(); // all | most | some | none
    t.text('barriers').notNullable().defaultTo('[]'); // JSON array from the short list
    t.text('barrier_note').notNullable().defaultTo('');
    t.text('recorded_by').references('staff.id');
    t.text('recorded_at').notNullable();
    t.index(['plan_id', 'recorded_at']);
  });

  // The clinic's rules, seeded with the defaults; changed in settings by an admin.
  await db.schema.createTable('followup_rules', (t) => {
    t.text('id').primary(); // first_visit_call | homecare_adherence | alliance_checkin | lapsed
    t.integer('enabled').notNullable().defaultTo(1);
    t.integer('delay_days').notNullable();
    t.text('params').notNullable().defaultTo('{}'); // JSON, per rule (alliance: which visits)
    t.text('updated_by').references('staff.id');
    t.text('updated_at').notNullable();
  });
  const at = new Date(0).toISOString();
  await db('followup_rules').insert([
    { id: 'first_visit_call', delay_days: 2, params: '{}', updated_at: at },
    { id: 'homecare_adherence', delay_days: 7, params: '{}', updated_at: at },
    { id: 'alliance_checkin', delay_days: 1, params: JSON.stringify({ visits: [1, 3], every: 5 }), updated_at: at },
    { id: 'lapsed', delay_days: 60, params: '{}', updated_at: at },
  ]);

  await db.schema.createTable('follow_ups', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('patients.id');
    t.text('kind').notNullable(); // call | adherence | alliance_checkin | lapsed | manual
    // Which rule made it, from what (a visit, a plan; for a hand-made one, itself):
    // unique, so a rule makes each follow-up exactly once however often it is re-run.
    t.text('rule_id').notNullable();
    t.text('source_id').notNullable();
    t.text('source_visit_id').references('appointments.id');
    t.text('source_plan_id').references('homecare_plans.id');
    t.text('due_day').notNullable(); // clinic day
    t.text('reason').notNullable().defaultTo(''); // why, for a hand-made one; rules' reasons come from rule and source
    t.text('status').notNullable().defaultTo('open'); // open | done | cancelled
    t.text('channel'); // phone | email | text | visit: how it was last attempted
    t.text('outcome'); // the last attempt's outcome
    t.text('note').notNullable().defaultTo('');
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_attempt_at');
    t.text('created_by').references('staff.id');
    t.text('created_at').notNullable();
    t.text('closed_by').references('staff.id');
    t.text('closed_at');
    t.text('cancel_reason');
    t.unique(['rule_id', 'source_id']);
  });
  // The queue: open ones by due day; a patient's own.
  await db.raw('CREATE INDEX follow_ups_queue ON follow_ups (status, due_day)');
  await db.raw('CREATE INDEX follow_ups_patient ON follow_ups (patient_id, status)');

  await db.schema.createTable('contact_attempts', (t) => {
    t.text('id').primary();
    t.text('follow_up_id').notNullable().references('follow_ups.id');
    t.text('patient_id').notNullable().references('patients.id');
    t.text('channel').notNullable(); // phone | email | text | visit
    t.text('outcome').notNullable(); // reached | voicemail | no_answer | wrong_number | declined | sent
    t.text('note').notNullable().defaultTo('');
    t.text('next_try_day'); // the follow-up moved to this day
    t.text('by').references('staff.id');
    t.text('at').notNullable();
    t.index(['patient_id', 'at']);
    t.index(['follow_up_id', 'at']);
  });

  // "Declined further contact": stops all outreach until staff undo it; each row kept.
  await db.schema.createTable('contact_declines', (t) => {
    t.text('id').primary();
    t.text('patient_id').notNullable().references('patients.id');
    t.text('attempt_id').references('contact_attempts.id');
    t.text('declined_by').references('staff.id');
    t.text('declined_at').notNullable();
    t.text('undone_by').references('staff.id');
    t.text('undone_at');
    t.index(['patient_id', 'undone_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['contact_declines', 'contact_attempts', 'follow_ups', 'followup_rules', 'adherence_records', 'homecare_plans', 'goal_history', 'goals']) {
    await db.schema.dropTable(table);
  }
}
