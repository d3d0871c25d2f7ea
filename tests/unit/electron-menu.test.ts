import { describe, expect, it } from 'vitest';
import { menuTemplate, rolesOf } from '../../main/electron/menu';

describe('application menu', () => {
  it('a packaged build has no reload and no developer tools, on any platform', () => {
    for (const isMac of [true, false]) {
      const roles = rolesOf(menuTemplate({ isMac, isPackaged: true }));
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('forceReload');
      expect(roles).not.toContain('toggleDevTools');
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomIn', 'resetZoom']));
    }
  });

  it('a development build keeps them', () => {
    expect(rolesOf(menuTemplate({ isMac: false, isPackaged: false }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});
