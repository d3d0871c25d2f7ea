import type { FollowUp } from '../../shared/contract/followups';

/**
 * A prepared e-mail for a follow-up, as a mailto: link the clinic's own mail program
 * opens: Rapport has no mail server and sends nothing (issue 11, item 4). The words are
 * the patient's (they read it), in the clinic's language; nothing clinical is in it,
 * since the desk reviews and sends it from an ordinary mailbox.
 */
const words = {
  'en-CA': {
    subject: (clinic: string) => `Checking in from ${clinic}`,
    greeting: (name: string) => `Hello ${name},`,
    body: {
      call: 'We are checking in after your first visit. How are you feeling since then? Is there anything you would like us to know before your next visit?',
      adherence: 'We are checking in on the homecare plan you were given. How is it going? If anything gets in the way, tell us and your therapist can adjust it.',
      alliance_checkin: 'We would like to hear how your care is going for you: whether you feel listened to and whether the plan fits your goals. Reply at any time.',
      lapsed: 'It has been a while since your last visit. We hope you are well. If you would like to book, reply to this message or call us.',
      manual: 'We are following up with you. Reply to this message or call us when it suits you.',
    },
    close: (clinic: string) => `Kind regards,\n${clinic}`,
  },
  'fr-CA': {
    subject: (clinic: string) => `Des nouvelles de ${clinic}`,
    greeting: (name: string) => `Bonjour ${name},`,
    body: {
      call: 'Nous prenons de vos nouvelles après votre première visite. Comment vous sentez-vous depuis ? Y a-t-il quelque chose que vous aimeriez nous dire avant votre prochain rendez-vous ?',
      adherence: 'Nous prenons de vos nouvelles au sujet du programme d’exercices à la maison qui vous a été remis. Comment ça se passe ? Si quelque chose vous en empêche, dites-le-nous : votre thérapeute pourra l’adapter.',
      alliance_checkin: 'Nous aimerions savoir comment se passent vos soins pour vous : si vous vous sentez écouté et si le plan correspond à vos objectifs. Répondez quand vous le voulez.',
      lapsed: 'Cela fait un moment depuis votre dernière visite. Nous espérons que vous allez bien. Pour prendre rendez-vous, répondez à ce courriel ou appelez-nous.',
      manual: 'Nous faisons un suivi auprès de vous. Répondez à ce courriel ou appelez-nous quand cela vous convient.',
    },
    close: (clinic: string) => `Cordialement,\n${clinic}`,
  },
} as const;

export function mailtoFor(f: Pick<FollowUp, 'email' | 'patientName' | 'kind'>, locale: 'en-CA' | 'fr-CA', clinic: string): string {
  const w = words[locale];
  const body = [w.greeting(f.patientName), '', w.body[f.kind], '', w.close(clinic)].join('\n');
  // encodeURIComponent, not URLSearchParams: mail programs read %20, not "+", as a space (RFC 6068).
  return `mailto:${encodeURIComponent(f.email)}?subject=${encodeURIComponent(w.subject(clinic))}&body=${encodeURIComponent(body)}`;
}

/** What main lets through to the operating system: a mailto: link, nothing else. */
export const isMailto = (url: string) => /^mailto:[^/]/i.test(url) && !/[\r\n]/.test(url);
