/** The frame's words in French (see renderer/i18n/catalogue.ts). */
export const fr: Record<string, string> = {
  'app.section.today': 'Aujourd’hui',
  'app.section.patients': 'Patients',
  'app.section.staff': 'Personnel',
  'app.section.audit': 'Journal d’audit',
  'app.section.backup': 'Sauvegardes',
  'app.section.consentForms': 'Formulaires de consentement',
  'app.section.settings': 'Paramètres',
  'app.skipToContent': 'Aller au contenu',
  'app.clinicNotSetUp': 'Clinique pas encore configurée',
  'app.signedIn': 'Session : <b>{name}</b>',
  'app.switchPerson': 'Changer de personne',
  'app.lock': 'Verrouiller',
  'app.sections': 'Sections',
  'app.noProfile': 'Cette clinique n’a pas encore de profil : <a>indiquez le nom et l’adresse de la clinique</a> pour l’en-tête de ses formulaires.',
  'app.adminOnly': 'Seul un administrateur peut ouvrir cet écran. Demandez à un administrateur, ou revenez à <a>Patients</a>.',
};
