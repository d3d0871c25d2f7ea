import type { Entry } from './say';

/** The dispatcher's own answers and the computer's faults (main/ipc). */
export const ipcMessages = {
  'ipc.unknownChannel': {
    en: 'This action is not available in this version of Rapport.',
    fr: 'Cette action n’existe pas dans cette version de Rapport.',
  },
  'ipc.invalidInput': { en: 'Some fields need attention.', fr: 'Certains champs sont à revoir.' },
  'ipc.internal': {
    en: 'Rapport could not complete this action. Nothing was changed.',
    fr: 'Rapport n’a pas pu terminer cette action. Rien n’a été modifié.',
  },
  'ipc.forbiddenWindow': { en: 'This window is not allowed to use Rapport.', fr: 'Cette fenêtre n’a pas le droit d’utiliser Rapport.' },
  'ipc.closing': { en: 'Rapport is closing. Nothing was changed.', fr: 'Rapport est en train de se fermer. Rien n’a été modifié.' },
  'fault.diskFull': {
    en: 'The disk that holds Rapport’s data is full, so nothing was saved. Free some space on it (empty the recycle bin, move old files), then try again.',
    fr: 'Le disque qui contient les données de Rapport est plein : rien n’a été enregistré. Libérez de l’espace (videz la corbeille, déplacez de vieux fichiers), puis réessayez.',
  },
  'fault.readOnly': {
    en: 'Rapport’s data folder cannot be written to (the disk or share is read-only, or its permissions changed), so nothing was saved. Ask whoever looks after this computer to make the folder writable again, then try again.',
    fr: 'Rapport ne peut pas écrire dans son dossier de données (le disque ou le partage est en lecture seule, ou ses autorisations ont changé) : rien n’a été enregistré. Demandez à la personne qui s’occupe de cet ordinateur de rendre le dossier de nouveau accessible en écriture, puis réessayez.',
  },
  'fault.busy': {
    en: 'The database is in use by another program (a backup or another copy of Rapport), so nothing was saved. Wait a moment and try again; if it keeps happening, close the other program.',
    fr: 'La base de données est utilisée par un autre programme (une sauvegarde ou une autre copie de Rapport) : rien n’a été enregistré. Attendez un moment et réessayez; si cela se répète, fermez l’autre programme.',
  },
  'fault.missingFolder': {
    en: 'A folder inside Rapport’s data folder (the documents or the logo folder) is missing: it may have been moved or deleted. Nothing was saved. Put the folder back, or restore the last backup.',
    fr: 'Un dossier du dossier de données de Rapport (celui des documents ou du logo) est introuvable : il a peut-être été déplacé ou supprimé. Rien n’a été enregistré. Remettez le dossier en place, ou restaurez la dernière sauvegarde.',
  },
  'fault.storage': {
    en: 'The disk reported an error while Rapport read or wrote its data, so nothing was saved. Restart Rapport; if it happens again, have the disk checked and restore the last backup.',
    fr: 'Le disque a signalé une erreur pendant que Rapport lisait ou écrivait ses données : rien n’a été enregistré. Redémarrez Rapport; si cela se reproduit, faites vérifier le disque et restaurez la dernière sauvegarde.',
  },
} satisfies Record<string, Entry>;
