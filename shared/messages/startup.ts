import type { Entry } from './say';

/**
 * What the Electron shell says in its own windows, not the desk's page: the start-up
 * checks (main/startup), shown before the desk opens, in the clinic's language when its
 * settings can be read, else the computer's; and the window's question before a reload
 * or closing loses typing (main/electron/window.ts).
 */
export const startupMessages = {
  'window.leave.message': { en: 'This form has changes that are not saved.', fr: 'Ce formulaire contient des changements non enregistrés.' },
  'window.leave.detail': { en: 'If you leave now, what was typed is lost.', fr: 'Si vous quittez maintenant, ce qui a été saisi sera perdu.' },
  'window.leave.discard': { en: 'Discard changes', fr: 'Abandonner les changements' },
  'window.leave.keep': { en: 'Keep editing', fr: 'Continuer la saisie' },
  'startup.title.folderMissing': { en: 'Rapport’s data folder cannot be found', fr: 'Le dossier de données de Rapport est introuvable' },
  'startup.title.folderReadOnly': { en: 'Rapport cannot write to its data folder', fr: 'Rapport ne peut pas écrire dans son dossier de données' },
  'startup.title.folderSynced': { en: 'Rapport’s data is in a synced or network folder', fr: 'Les données de Rapport sont dans un dossier synchronisé ou réseau' },
  'startup.title.alreadyOpen': { en: 'Rapport is already open', fr: 'Rapport est déjà ouvert' },
  'startup.title.diskFull': { en: 'The disk is full', fr: 'Le disque est plein' },
  'startup.title.diskNearlyFull': { en: 'The disk is nearly full', fr: 'Le disque est presque plein' },
  'startup.title.databaseDamaged': { en: 'Rapport’s database is damaged', fr: 'La base de données de Rapport est endommagée' },
  'startup.folderMissing': {
    en: 'Rapport’s data folder cannot be found ({folder}). If it is on another drive, connect that drive, then start Rapport again. Nothing has been changed.',
    fr: 'Le dossier de données de Rapport est introuvable ({folder}). S’il est sur un autre disque, branchez ce disque, puis relancez Rapport. Rien n’a été modifié.',
  },
  'startup.folderReadOnly': {
    en: 'Rapport cannot write to its data folder ({folder}): it is read-only or this user may not change it. Ask whoever looks after this computer to give this user write access, then start Rapport again. Nothing has been changed.',
    fr: 'Rapport ne peut pas écrire dans son dossier de données ({folder}) : il est en lecture seule, ou cet utilisateur n’a pas le droit de le modifier. Demandez à la personne qui s’occupe de cet ordinateur de donner à cet utilisateur le droit d’y écrire, puis relancez Rapport. Rien n’a été modifié.',
  },
  'startup.folderCloud': {
    en: 'Rapport’s data folder is in a folder that a cloud service (OneDrive, Dropbox, Google Drive, iCloud…) keeps in sync ({folder}). The database can be damaged there, because the service copies it while Rapport writes. Move the Rapport folder to a folder on this computer’s own disk, then start Rapport again; to keep a copy elsewhere, use Backups, which are safe on any drive.',
    fr: 'Le dossier de données de Rapport est dans un dossier qu’un service infonuagique (OneDrive, Dropbox, Google Drive, iCloud…) synchronise ({folder}). La base de données peut y être endommagée, car le service la copie pendant que Rapport écrit. Déplacez le dossier Rapport dans un dossier du disque de cet ordinateur, puis relancez Rapport; pour en garder une copie ailleurs, utilisez les sauvegardes, sûres sur n’importe quel disque.',
  },
  'startup.folderNetwork': {
    en: 'Rapport’s data folder is in a network folder ({folder}). The database can be damaged there, because a network folder cannot share what SQLite needs while Rapport writes. Move the Rapport folder to a folder on this computer’s own disk, then start Rapport again; to keep a copy elsewhere, use Backups, which are safe on any drive.',
    fr: 'Le dossier de données de Rapport est dans un dossier réseau ({folder}). La base de données peut y être endommagée, car un dossier réseau ne peut pas partager ce dont SQLite a besoin pendant que Rapport écrit. Déplacez le dossier Rapport dans un dossier du disque de cet ordinateur, puis relancez Rapport; pour en garder une copie ailleurs, utilisez les sauvegardes, sûres sur n’importe quel disque.',
  },
  'startup.diskFull': {
    en: 'The disk that holds Rapport’s data is full ({mb} MB free). Rapport cannot safely save anything. Free some space (empty the recycle bin, remove large files), then start Rapport again.',
    fr: 'Le disque qui contient les données de Rapport est plein ({mb} Mo libres). Rapport ne peut rien enregistrer sans risque. Libérez de l’espace (videz la corbeille, retirez de gros fichiers), puis relancez Rapport.',
  },
  'startup.diskNearlyFull': {
    en: 'The disk that holds Rapport’s data is nearly full ({mb} MB free). Rapport will open, but free some space soon: when the disk is full, nothing new can be saved.',
    fr: 'Le disque qui contient les données de Rapport est presque plein ({mb} Mo libres). Rapport va s’ouvrir, mais libérez de l’espace bientôt : quand le disque sera plein, plus rien ne pourra être enregistré.',
  },
  'startup.alreadyOpen': {
    en: 'Rapport is already open with this data ({holder}). Use that window, or close it first. Two copies at once could overwrite each other’s work.',
    fr: 'Rapport est déjà ouvert avec ces données ({holder}). Utilisez cette fenêtre, ou fermez-la d’abord. Deux copies ouvertes à la fois pourraient écraser le travail l’une de l’autre.',
  },
  'startup.damagedWithBackup': {
    en: 'Rapport’s database is damaged and cannot be opened safely. You can restore the last good backup (made {made}); the damaged data is set aside, not deleted. Work recorded after that backup will need to be entered again.',
    fr: 'La base de données de Rapport est endommagée et ne peut pas être ouverte sans risque. Vous pouvez restaurer la dernière bonne sauvegarde (faite le {made}); les données endommagées sont mises de côté, pas supprimées. Le travail enregistré après cette sauvegarde devra être saisi de nouveau.',
  },
  'startup.damagedNoBackup': {
    en: 'Rapport’s database is damaged and cannot be opened safely, and no backup was found. Do not delete anything: copy the whole data folder to a USB drive and ask for help.',
    fr: 'La base de données de Rapport est endommagée et ne peut pas être ouverte sans risque, et aucune sauvegarde n’a été trouvée. Ne supprimez rien : copiez tout le dossier de données sur une clé USB et demandez de l’aide.',
  },
  'startup.restoreFailed': {
    en: 'The backup could not be restored: {reason} Nothing has been changed.',
    fr: 'La sauvegarde n’a pas pu être restaurée : {reason} Rien n’a été modifié.',
  },
  'startup.restore': { en: 'Restore the last good backup', fr: 'Restaurer la dernière bonne sauvegarde' },
  'startup.continue': { en: 'Continue', fr: 'Continuer' },
  'startup.quit': { en: 'Quit', fr: 'Quitter' },
  'startup.failed': { en: 'Rapport could not start', fr: 'Rapport n’a pas pu démarrer' },
  'startup.failedDetail': {
    en: '{reason}\n\nNothing has been changed. Start Rapport again; if this happens again, note this message and ask for help.',
    fr: '{reason}\n\nRien n’a été modifié. Relancez Rapport; si cela se reproduit, notez ce message et demandez de l’aide.',
  },
} satisfies Record<string, Entry>;
