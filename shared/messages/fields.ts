import type { Entry } from './say';

/** The contract's shared field messages (shared/contract/fields.ts and the schema basics). */
export const fieldMessages = {
  'field.maxLength': { en: 'Keep this under {max} characters', fr: 'Gardez ce texte sous {max} caractères' },
  'field.invisible': {
    en: 'Remove the invisible or control character (U+{code}) at position {position}; retype this field if you cannot see it',
    fr: 'Retirez le caractère invisible ou de contrôle (U+{code}) à la position {position}; retapez ce champ si vous ne le voyez pas',
  },
  'field.expectedText': { en: 'Expected text', fr: 'Texte attendu' },
  'field.expectedDate': { en: 'Expected a date', fr: 'Date attendue' },
  'field.expectedTime': { en: 'Expected a time', fr: 'Heure attendue' },
  'field.expectedFile': { en: 'Expected the file contents', fr: 'Contenu du fichier attendu' },
  'field.notBase64': { en: 'The file contents are not base64', fr: 'Le contenu du fichier n’est pas en base64' },
  'field.recordId': { en: 'Not a valid record id', fr: 'Identifiant de dossier non valide' },
  'field.dateForm': { en: 'Use the form YYYY-MM-DD', fr: 'Utilisez la forme AAAA-MM-JJ' },
  'field.dateMissing': { en: 'This date does not exist', fr: 'Cette date n’existe pas' },
  'field.timestamp': { en: 'Expected an ISO 8601 UTC timestamp', fr: 'Horodatage ISO 8601 UTC attendu' },
  'field.email': { en: 'Enter an e-mail like name@example.com', fr: 'Entrez un courriel comme nom@exemple.com' },
  'field.phoneShape': {
    en: 'Use digits, spaces, ( ) - . and one leading +; an extension as "ext. 123" or "x123"',
    fr: 'Utilisez des chiffres, des espaces, ( ) - . et un seul + au début; un poste sous la forme « poste 123 », « ext. 123 » ou « x123 »',
  },
  'field.phoneDigits': { en: 'A phone number has 7 to 15 digits', fr: 'Un numéro de téléphone a de 7 à 15 chiffres' },
  'field.clockTime': { en: 'Use the form HH:MM (24-hour clock)', fr: 'Utilisez la forme HH:MM (horloge de 24 heures)' },
  'field.minutes': { en: 'Enter a number of minutes', fr: 'Entrez un nombre de minutes' },
  'field.wholeMinutes': { en: 'Whole minutes', fr: 'Des minutes entières' },
  'field.months': { en: 'Enter a number of months', fr: 'Entrez un nombre de mois' },
  'field.wholeMonths': { en: 'Whole months only', fr: 'Des mois entiers seulement' },
  'field.changeNote': { en: 'Say what changed and why', fr: 'Dites ce qui a changé et pourquoi' },
  'field.formName': { en: 'Enter the form name', fr: 'Entrez le nom du formulaire' },
  'field.formNeedsSection': { en: 'A form needs at least one section', fr: 'Un formulaire a besoin d’au moins une section' },
} satisfies Record<string, Entry>;
