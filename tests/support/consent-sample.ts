import { encodePng } from '../../main/images/png';
import type { ConsentPdfInput } from '../../main/consent/pdf/types';
import { checkSignaturePng } from '../../main/consent/signature';
import type { PreparedImage } from '../../main/images/prepare';

/**
 * A realistic consent, drawn with made-up people, for the tests and the benchmark. The
 * logo and the signature are drawn here as real PNGs, so no binary fixture is checked in.
 */

function canvas(width: number, height: number) {
  const px = new Uint8Array(width * height * 4);
  const dot = (cx: number, cy: number, r: number, [red, g, b]: [number, number, number]) => {
    for (let y = Math.floor(cy - r - 1); y <= Math.ceil(cy + r + 1); y++) {
      for (let x = Math.floor(cx - r - 1); x <= Math.ceil(cx + r + 1); x++) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        // Soft edge: one pixel of anti-aliasing, like a pen on a touch screen.
        const a = Math.max(0, Math.min(1, r + 0.5 - Math.hypot(x - cx, y - cy)));
        const i = (y * width + x) * 4;
        const alpha = Math.max(px[i + 3], Math.round(a * 255));
        px.set([red, g, b, alpha], i);
      }
    }
  };
  return { px, dot, png: () => encodePng(width, height, px, 4) };
}

/** A handwritten-looking signature on a transparent background, as signature_pad gives. */
export function sampleSignaturePng(): Buffer {
  const c = canvas(600, 180);
  const ink: [number, number, number] = [20, 30, 70];
  for (let t = 0; t <= 1; t += 0.0004) {
    const x = 40 + 500 * t;
    const y = 95 + 38 * Math.sin(t * 27) * Math.exp(-t * 1.2) + 12 * Math.sin(t * 71) - 20 * t;
    c.dot(x + 14 * Math.cos(t * 27), y, 2.2 + 0.8 * Math.sin(t * 9), ink);
  }
  for (let t = 0; t <= 1; t += 0.001) c.dot(60 + 470 * t, 150 - 6 * Math.sin(t * 3), 1.6, ink); // the underline
  return c.png();
}

/** The sample signature as the PDF takes it: checked and decoded, as the consent service passes it. */
export function sampleSignature(png = sampleSignaturePng()): PreparedImage {
  const checked = checkSignaturePng(png);
  if (!checked.ok) throw new Error(checked.message);
  return checked.image;
}

/** A clinic mark: a teal disc with a white leaf, for the letterhead. */
export function sampleLogoPng(): Buffer {
  const size = 160;
  const c = canvas(size, size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - 80, y - 80);
      const i = (y * size + x) * 4;
      if (d < 78) c.px.set([15, 95, 110, Math.round(Math.min(1, 78 - d) * 255)], i);
      // A leaf: the overlap of two discs, tilted.
      const inLeaf = Math.hypot(x - 62, y - 98) < 48 && Math.hypot(x - 98, y - 62) < 48;
      if (inLeaf) c.px.set([255, 255, 255, 255], i);
    }
  }
  for (let t = 0; t <= 1; t += 0.005) c.dot(52 + 58 * t, 108 - 58 * t, 2, [15, 95, 110]); // the vein
  return c.png();
}

const en = {
  name: 'Consent to treatment during a communicable-disease outbreak',
  title: 'Consent to Treatment During a Communicable-Disease Outbreak',
  sections: [
    {
      heading: 'Why we ask',
      paragraphs: [
        'During an outbreak of a communicable disease, any treatment that brings a therapist and a patient close together for a length of time carries some risk of passing on an infection. This form explains that risk, what the clinic does to reduce it, and what we ask of you. Please read it, ask any question you have, and sign only when you are satisfied with the answers.',
        'Your therapist or a member of our front-desk team has gone through this form with you. Signing it does not replace that conversation; it records that it took place.',
      ],
    },
    {
      heading: 'The risk',
      paragraphs: [
        'Massage therapy and physiotherapy cannot be given from a distance. Even with every measure below in place, the risk of transmission is reduced, not removed. People can pass on an infection before they feel unwell, and some never feel unwell at all.',
        'Some people are more likely to become seriously ill if infected: people aged 70 or over, people with a weakened immune system, and people with heart, lung or kidney disease, diabetes or cancer. If this applies to you or to someone you live with, please tell us: we may suggest a later appointment or a different approach to your care.',
      ],
    },
    {
      heading: 'What the clinic does',
      paragraphs: [
        'Every patient is screened twice: when the appointment is booked and again on arrival. Anyone who answers yes to a screening question is not treated that day, and the answer is recorded in their file.',
        'Staff screen themselves before each shift and stay home when unwell. Treatment tables, face cradles, door handles, payment terminals and every surface you touch are cleaned and disinfected between patients. Linens are changed for every patient and laundered at high temperature.',
        'Your therapist washes or sanitizes their hands before and after your treatment and wears a medical mask and, where the treatment calls for it, eye protection and gloves. Appointments are spaced so that patients do not wait together, and the waiting area is arranged to keep people two metres apart.',
      ],
    },
    {
      heading: 'What we ask of you',
      paragraphs: [
        'Please answer the screening questions honestly each time, come alone unless you need a caregiver, arrive on time rather than early, sanitize your hands when you come in, and wear a mask in the clinic except when your treatment makes that impossible. Tell us right away if you develop symptoms within 14 days after your visit, so that we can inform anyone who may have been exposed.',
      ],
    },
    {
      heading: 'Your choices',
      paragraphs: [
        'You may decline treatment, ask for a change to your treatment, or withdraw this consent at any time, including during a treatment, without giving a reason. Declining or withdrawing will not affect your future care at this clinic.',
        'By signing below, you confirm that the risk and the measures above were explained to you, that your questions were answered, and that you consent to treatment knowing this risk.',
      ],
    },
  ],
  choices: [
    { group: 'Areas to be treated', label: 'Back and shoulders', checked: true },
    { group: 'Areas to be treated', label: 'Gluteal region', checked: true },
    { group: 'Areas to be treated', label: 'Upper inner thigh', checked: false },
    { group: 'Areas to be treated', label: 'Chest wall', checked: false },
    { group: 'Follow-up contact', label: 'The clinic may phone me about this treatment', checked: true },
    { group: 'Follow-up contact', label: 'The clinic may e-mail me', checked: false },
  ],
};

const fr: typeof en = {
  name: 'Consentement au traitement en période d’éclosion d’une maladie transmissible',
  title: 'Consentement au traitement en période d’éclosion d’une maladie transmissible',
  sections: [
    {
      heading: 'Pourquoi nous vous le demandons',
      paragraphs: [
        'En période d’éclosion d’une maladie transmissible, tout traitement qui rapproche le thérapeute et le patient pendant un certain temps comporte un risque de transmission d’une infection. Ce formulaire explique ce risque, ce que la clinique fait pour le réduire et ce que nous vous demandons. Veuillez le lire, poser toutes vos questions et ne signer que lorsque les réponses vous satisfont.',
        'Votre thérapeute ou un membre de notre équipe d’accueil a passé ce formulaire en revue avec vous. Votre signature ne remplace pas cette conversation : elle atteste qu’elle a eu lieu.',
      ],
    },
    {
      heading: 'Le risque',
      paragraphs: [
        'La massothérapie et la physiothérapie ne peuvent pas se donner à distance. Même avec toutes les mesures décrites ci-dessous, le risque de transmission est réduit, mais pas éliminé. Une personne peut transmettre une infection avant de se sentir malade, et certaines ne se sentent jamais malades.',
        'Certaines personnes risquent davantage de tomber gravement malades si elles sont infectées : les personnes de 70 ans ou plus, celles dont le système immunitaire est affaibli et celles qui ont une maladie du cœur, des poumons ou des reins, le diabète ou un cancer. Si c’est votre cas ou celui d’une personne avec qui vous vivez, dites-le-nous : nous pourrions vous proposer un rendez-vous plus tard ou une autre approche.',
      ],
    },
    {
      heading: 'Ce que fait la clinique',
      paragraphs: [
        'Chaque patient fait l’objet d’un dépistage à deux reprises : au moment de la prise de rendez-vous et de nouveau à l’arrivée. Une personne qui répond oui à une question de dépistage n’est pas traitée ce jour-là, et sa réponse est consignée à son dossier.',
        'Le personnel fait son autoévaluation avant chaque quart de travail et reste à la maison en cas de symptômes. Les tables de traitement, les appuie-tête, les poignées de porte, les terminaux de paiement et toutes les surfaces que vous touchez sont nettoyés et désinfectés entre chaque patient. La literie est changée pour chaque patient et lavée à haute température.',
        'Votre thérapeute se lave ou se désinfecte les mains avant et après votre traitement et porte un masque médical et, au besoin, une protection oculaire et des gants. Les rendez-vous sont espacés pour éviter que les patients attendent ensemble, et la salle d’attente est aménagée pour garder deux mètres entre les personnes.',
      ],
    },
    {
      heading: 'Ce que nous vous demandons',
      paragraphs: [
        'Veuillez répondre franchement aux questions de dépistage chaque fois, venir seul à moins d’avoir besoin d’un proche aidant, arriver à l’heure plutôt qu’en avance, vous désinfecter les mains en entrant et porter un masque dans la clinique, sauf lorsque votre traitement ne le permet pas. Avisez-nous sans tarder si des symptômes apparaissent dans les 14 jours suivant votre visite, afin que nous puissions informer les personnes qui pourraient avoir été exposées.',
      ],
    },
    {
      heading: 'Vos choix',
      paragraphs: [
        'Vous pouvez refuser un traitement, demander qu’il soit modifié ou retirer ce consentement en tout temps, y compris pendant un traitement, sans avoir à vous justifier. Un refus ou un retrait n’aura aucune incidence sur vos soins futurs à la clinique.',
        'En signant ci-dessous, vous confirmez que le risque et les mesures décrits plus haut vous ont été expliqués, qu’on a répondu à vos questions et que vous consentez au traitement en connaissance de ce risque.',
      ],
    },
  ],
  choices: [
    { group: 'Régions à traiter', label: 'Dos et épaules', checked: true },
    { group: 'Régions à traiter', label: 'Région fessière', checked: true },
    { group: 'Régions à traiter', label: 'Haut de l’intérieur de la cuisse', checked: false },
    { group: 'Régions à traiter', label: 'Paroi thoracique', checked: false },
    { group: 'Suivi', label: 'La clinique peut me téléphoner au sujet de ce traitement', checked: true },
    { group: 'Suivi', label: 'La clinique peut m’écrire par courriel', checked: false },
  ],
};

/** A two-page signed consent (logo, embedded font, on-screen signature), in English or French. */
export function sampleConsent(locale: ConsentPdfInput['locale'] = 'en-CA', overrides: Partial<ConsentPdfInput> = {}): ConsentPdfInput {
  const text = locale === 'fr-CA' ? fr : en;
  return {
    documentId: '3f2a91c0-7b4e-4d1a-9c55-2e8f0a6b1d37',
    createdAt: '2025-03-14T21:32:05.000Z',
    locale,
    timeZone: 'America/Vancouver',
    clinic: {
      name: locale === 'fr-CA' ? 'Clinique de massothérapie Rive-Nord' : 'Cedar Grove Massage & Physiotherapy',
      addressLines: locale === 'fr-CA' ? ['1250, rue Principale, bureau 200', 'Laval (Québec)  H7N 4B2'] : ['1250 Commercial Drive, Suite 200', 'Vancouver, BC  V5L 3X4'],
      phone: '604-555-0142',
      email: 'frontdesk@cedargrove.example',
      logo: { bytes: sampleLogoPng(), type: 'png' },
    },
    patient: {
      fullName: "Zoë O'Brien-Müller",
      preferredName: 'Zoë',
      dateOfBirth: '1986-07-21',
      phone: '604-555-0199',
      recordId: 'c81d4e2e-bcf2-4e1a-8f7b-5a3d2e9f0c11',
    },
    template: { name: text.name, version: 3, title: text.title, sections: text.sections },
    choices: text.choices,
    signature: { method: 'screen', image: sampleSignature(), signerName: "Zoë O'Brien-Müller", signedAt: '2025-03-14T21:31:40.000Z' },
    explainedBy: 'Amélie Tremblay, RMT',
    witnessedBy: null,
    ...overrides,
  };
}
