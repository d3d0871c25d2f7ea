export const fr: Record<string, string> = {
  'summary.open': 'Résumé de l’alliance (PDF)',
  'summary.print': 'Imprimer le résumé de l’alliance',
  'summary.opened': 'Résumé de l’alliance ouvert dans le lecteur de PDF et conservé avec les documents du patient.',
  'summary.printed': 'Résumé de l’alliance envoyé à {printer} (tâche {job}) et conservé avec les documents du patient.',
};
