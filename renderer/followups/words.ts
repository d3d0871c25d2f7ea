import { defineMessages } from 'react-intl';

/**
 * The follow-up screens' words. The call prompts are ours, written from the alliance
 * themes in DESIGN.md ("Facts for the clinical content": communication, partnership,
 * expectation, roles and responsibilities, influencing factors, individualized
 * therapy): one thing to ask, one thing to listen for, short enough to read mid-call.
 */
/** Kinds without placeholders; the others are written where their values are (why.ts). */
export const kindNames = defineMessages({
  call: { id: 'followups.kind.call', defaultMessage: 'Check-in call after the first visit' },
  adherence: { id: 'followups.kind.adherence', defaultMessage: 'Homecare plan: how is it going?' },
});

export const prompts = defineMessages({
  callAsk: { id: 'followups.prompt.call.ask', defaultMessage: 'How have you felt since your first visit? Was it what you expected, and do you know what comes next?' },
  callListen: { id: 'followups.prompt.call.listen', defaultMessage: 'Expectations not met, next steps unclear, soreness that worries them: pass it to the therapist.' },
  adherenceAsk: { id: 'followups.prompt.adherence.ask', defaultMessage: 'How much of the homecare plan have you managed: all, most, some or none? What gets in the way?' },
  adherenceListen: { id: 'followups.prompt.adherence.listen', defaultMessage: 'Too many exercises, unsure how to do them, pain: the therapist can shorten or adjust the plan.' },
  allianceAsk: { id: 'followups.prompt.alliance.ask', defaultMessage: 'Do you feel listened to? Does the plan fit what you want to get back to, and is it clear what you and your therapist each do?' },
  allianceListen: { id: 'followups.prompt.alliance.listen', defaultMessage: 'Doubts about the plan or the fit with the therapist, goals that have changed: note their words for the therapist.' },
  lapsedAsk: { id: 'followups.prompt.lapsed.ask', defaultMessage: 'It has been a while since your last visit: how are you doing? Would you like to book a time?' },
  lapsedListen: { id: 'followups.prompt.lapsed.listen', defaultMessage: 'Why they stopped (time, cost, no change felt, not the right fit): say it back, do not argue, note it.' },
  manualAsk: { id: 'followups.prompt.manual.ask', defaultMessage: 'Ask about what this follow-up was set for.' },
  manualListen: { id: 'followups.prompt.manual.listen', defaultMessage: 'Anything the therapist should know before the next visit.' },
  ask: { id: 'followups.prompt.askLabel', defaultMessage: 'Ask:' },
  listen: { id: 'followups.prompt.listenLabel', defaultMessage: 'Listen for:' },
});

export const promptFor = {
  call: { ask: prompts.callAsk, listen: prompts.callListen, themes: ['expectation', 'communication'] },
  adherence: { ask: prompts.adherenceAsk, listen: prompts.adherenceListen, themes: ['partnership', 'roles'] },
  alliance_checkin: { ask: prompts.allianceAsk, listen: prompts.allianceListen, themes: ['communication', 'partnership', 'roles'] },
  lapsed: { ask: prompts.lapsedAsk, listen: prompts.lapsedListen, themes: ['connectedness', 'influencing'] },
  manual: { ask: prompts.manualAsk, listen: prompts.manualListen, themes: ['roles'] },
} as const;

export const themeNames = defineMessages({
  expectation: { id: 'followups.theme.expectation', defaultMessage: 'expectation' },
  communication: { id: 'followups.theme.communication', defaultMessage: 'communication' },
  partnership: { id: 'followups.theme.partnership', defaultMessage: 'partnership' },
  roles: { id: 'followups.theme.roles', defaultMessage: 'roles and responsibilities' },
  connectedness: { id: 'followups.theme.connectedness', defaultMessage: 'connectedness' },
  influencing: { id: 'followups.theme.influencing', defaultMessage: 'influencing factors' },
});

export const outcomeNames = defineMessages({
  reached: { id: 'followups.outcome.reached', defaultMessage: 'Reached' },
  voicemail: { id: 'followups.outcome.voicemail', defaultMessage: 'Voicemail' },
  no_answer: { id: 'followups.outcome.noAnswer', defaultMessage: 'No answer' },
  wrong_number: { id: 'followups.outcome.wrongNumber', defaultMessage: 'Wrong number' },
  declined: { id: 'followups.outcome.declined', defaultMessage: 'Declined further contact' },
});

export const channelNames = defineMessages({
  phone: { id: 'followups.channel.phone', defaultMessage: 'Phone call' },
  text: { id: 'followups.channel.text', defaultMessage: 'Text message' },
  email: { id: 'followups.channel.email', defaultMessage: 'E-mail' },
  visit: { id: 'followups.channel.visit', defaultMessage: 'In person, at a visit' },
});

export const goalStatusNames = defineMessages({
  active: { id: 'followups.goal.active', defaultMessage: 'Active' },
  met: { id: 'followups.goal.met', defaultMessage: 'Met' },
  changed: { id: 'followups.goal.changed', defaultMessage: 'Changed' },
  dropped: { id: 'followups.goal.dropped', defaultMessage: 'Dropped' },
});

/** How much of the homecare plan was done: the same words where it is recorded and on the dashboard. */
export const levelNames = defineMessages({
  all: { id: 'followups.level.all', defaultMessage: 'All' },
  most: { id: 'followups.level.most', defaultMessage: 'Most' },
  some: { id: 'followups.level.some', defaultMessage: 'Some' },
  none: { id: 'followups.level.none', defaultMessage: 'None' },
});

export const barrierNames = defineMessages({
  time: { id: 'followups.barrier.time', defaultMessage: 'No time' },
  pain: { id: 'followups.barrier.pain', defaultMessage: 'Pain or discomfort' },
  forgot: { id: 'followups.barrier.forgot', defaultMessage: 'Forgot' },
  unsure_how: { id: 'followups.barrier.unsureHow', defaultMessage: 'Unsure how to do it' },
  no_change_felt: { id: 'followups.barrier.noChange', defaultMessage: 'Felt no change' },
  equipment: { id: 'followups.barrier.equipment', defaultMessage: 'No equipment or space' },
  other: { id: 'followups.barrier.other', defaultMessage: 'Something else' },
});
