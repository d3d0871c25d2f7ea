import { contextBridge, ipcRenderer } from 'electron';
import type { RapportBridge } from '../../shared/contract';

/**
 * The renderer's only door to main. A sandboxed preload may import nothing but
 * 'electron' (it is bundled to CommonJS), which is why the channel name is written out
 * here rather than imported from policy.ts; a unit test keeps the two in step.
 * ipcRenderer itself is never exposed: a page holding it could send on any channel.
 */
const bridge: RapportBridge = {
  invoke: (channel, input) => ipcRenderer.invoke('rapport:invoke', channel, input),
};

contextBridge.exposeInMainWorld('rapport', bridge);
