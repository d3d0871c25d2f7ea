import type { Entry } from './say';

/** Backups and restore: shared/contract/backup.ts, main/backup. */
export const backupMessages = {
  'backup.choose': { en: 'Choose a backup from the list', fr: 'Choisissez une sauvegarde dans la liste' },
  'backup.expectedFolder': { en: 'Expected a folder', fr: 'Dossier attendu' },
  'backup.enterFolder': { en: 'Enter the folder for backups', fr: 'Entrez le dossier des sauvegardes' },
  'backup.fullPath': {
    en: 'Enter the full path of the folder, e.g. E:\\Rapport backups',
    fr: 'Entrez le chemin complet du dossier, p. ex. E:\\Sauvegardes Rapport',
  },
  'backup.folderGone': {
    en: 'The backup folder cannot be found. Connect the backup drive, or choose the folder again.',
    fr: 'Le dossier des sauvegardes est introuvable. Branchez le disque de sauvegarde, ou choisissez de nouveau le dossier.',
  },
  'backup.notFound': { en: 'Not found', fr: 'Introuvable' },
  'backup.gone': { en: 'This backup is no longer in the backup folder.', fr: 'Cette sauvegarde n’est plus dans le dossier des sauvegardes.' },
  'backup.unusable': { en: 'This backup cannot be used: {reason} Choose another backup.', fr: 'Cette sauvegarde est inutilisable : {reason} Choisissez-en une autre.' },
  'backup.running': { en: 'A backup is running. Wait for it to finish, then try again.', fr: 'Une sauvegarde est en cours. Attendez qu’elle finisse, puis réessayez.' },
  'backup.alreadyRunning': { en: 'A backup is already running.', fr: 'Une sauvegarde est déjà en cours.' },
  'backup.noRestoreHere': { en: 'Restore is not available in this window. Nothing was changed.', fr: 'La restauration n’est pas offerte dans cette fenêtre. Rien n’a été modifié.' },
  'backup.notReplaced': { en: 'The data could not be replaced ({reason}). The current data is unchanged.', fr: 'Les données n’ont pas pu être remplacées ({reason}). Les données actuelles sont inchangées.' },
  'backup.outside': { en: 'Backups must go outside the data folder', fr: 'Les sauvegardes doivent aller hors du dossier de données' },
  'backup.outsideField': {
    en: 'Choose a folder outside the data folder (another drive is best)',
    fr: 'Choisissez un dossier hors du dossier de données (un autre disque est préférable)',
  },
  'backup.noFolder': { en: 'This folder cannot be found', fr: 'Ce dossier est introuvable' },
  'backup.noFolderField': {
    en: 'This folder cannot be found. Connect the drive, or create the folder first.',
    fr: 'Ce dossier est introuvable. Branchez le disque, ou créez d’abord le dossier.',
  },
  'backup.cannotWrite': { en: 'Rapport cannot write to this folder', fr: 'Rapport ne peut pas écrire dans ce dossier' },
  'backup.cannotWriteField': { en: 'Rapport cannot write to this folder. Choose another one.', fr: 'Rapport ne peut pas écrire dans ce dossier. Choisissez-en un autre.' },
  'backup.chooseFolder': { en: 'Choose a backup folder first', fr: 'Choisissez d’abord un dossier de sauvegarde' },
  'backup.nothingToUndo': { en: 'There is no restore to undo.', fr: 'Il n’y a aucune restauration à annuler.' },
  'backup.checkFailed': { en: 'The backup did not pass its check: {reason}', fr: 'La sauvegarde n’a pas réussi sa vérification : {reason}' },
  'backup.driveFull': { en: 'The backup drive is full. Free some space or use a larger drive.', fr: 'Le disque de sauvegarde est plein. Libérez de l’espace ou utilisez un disque plus grand.' },
  'backup.driveReadOnly': {
    en: 'Rapport cannot write to the backup folder. Check the drive is not locked or read-only.',
    fr: 'Rapport ne peut pas écrire dans le dossier des sauvegardes. Vérifiez que le disque n’est ni verrouillé ni en lecture seule.',
  },
  'backup.disappeared': {
    en: 'The backup folder or a file disappeared during the backup. Check the drive is connected.',
    fr: 'Le dossier des sauvegardes ou un fichier a disparu pendant la sauvegarde. Vérifiez que le disque est branché.',
  },
  'backup.notWritten': {
    en: 'The backup could not be written. Try again; if it fails again, try another drive.',
    fr: 'La sauvegarde n’a pas pu être écrite. Réessayez; si elle échoue encore, essayez un autre disque.',
  },
  'backup.noManifest': { en: 'Its list of contents is missing or damaged.', fr: 'Sa liste de contenu est absente ou endommagée.' },
  'backup.badManifest': { en: 'Its list of contents is damaged.', fr: 'Sa liste de contenu est endommagée.' },
  'backup.fileMissing': { en: 'A file is missing from it ({kind}).', fr: 'Un fichier y manque ({kind}).' },
  'backup.fileChanged': { en: 'A file in it has changed since it was written ({kind}).', fr: 'Un de ses fichiers a changé depuis son écriture ({kind}).' },
  'backup.kind.database': { en: 'the database', fr: 'la base de données' },
  'backup.kind.document': { en: 'a signed document', fr: 'un document signé' },
  'backup.kind.logo': { en: 'the logo', fr: 'le logo' },
  'backup.kind.settings': { en: 'the settings', fr: 'les paramètres' },
  'backup.noDatabase': { en: 'It holds no database.', fr: 'Elle ne contient aucune base de données.' },
  'backup.integrity': { en: 'Its database does not pass SQLite’s integrity check.', fr: 'Sa base de données ne réussit pas la vérification d’intégrité de SQLite.' },
  'backup.newer': {
    en: 'It was made by a newer version of Rapport. Update Rapport on this computer first.',
    fr: 'Elle a été faite par une version plus récente de Rapport. Mettez d’abord Rapport à jour sur cet ordinateur.',
  },
  'backup.documentMismatch': {
    en: 'A signed document the database names is missing from it or does not match its record.',
    fr: 'Un document signé nommé dans la base de données y manque ou ne correspond pas à son enregistrement.',
  },
} satisfies Record<string, Entry>;
