import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Electron's default one has Reload and Developer Tools: on a
 * front-desk PC either would let anyone (a patient holding the screen included) poke
 * at the app, so a packaged build has neither. Edit keeps copy and paste working in
 * text fields; View keeps zoom, which people with low vision rely on.
 */
export function menuTemplate({ isMac, isPackaged }: { isMac: boolean; isPackaged: boolean }): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = isPackaged ? [] : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }];
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, ...developer],
    },
    { role: 'windowMenu' },
  ];
}

/**
 * The menu while a patient holds the screen: copy and paste for the name field and zoom
 * for reading, nothing else. No minimize, close, quit, hide, full screen, reload or
 * developer tools, so none of their keyboard shortcuts exist either (a role brings its
 * accelerator with it; these items have none beyond editing and zoom).
 */
export function patientModeMenuTemplate({ isMac }: { isMac: boolean }): MenuItemConstructorOptions[] {
  return [
    // macOS makes the first menu the app menu: give it one with nothing that leaves.
    ...(isMac ? [{ label: 'Rapport', submenu: [{ role: 'about' }] } as MenuItemConstructorOptions] : []),
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }] },
  ];
}

/** Every role in a template, submenus included. */
export function rolesOf(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? rolesOf(i.submenu) : [])]);
}
