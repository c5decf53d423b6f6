import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  readonly preload: string;
  /** DevTools are for development; a packaged build closes them off (one less way to run code). */
  readonly devTools: boolean;
  /** Window icon (used on Linux; Windows takes the executable's icon). */
  readonly icon?: string;
}

/** The window's background while the renderer loads: the interface's page background (--bg in renderer/styles.css). */
export const WINDOW_BACKGROUND = '#f3f5f8';

/**
 * The one window's options. Every web preference that matters for security is spelled out, even
 * where it is Electron's default, so a change of default or a careless edit shows up in the tests:
 * the renderer is an ordinary sandboxed web page whose only way out is the preload's `invoke`.
 */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Sổ ANTT',
    width: 1280,
    height: 800,
    // Below this the register tables and the A4 print preview stop being usable.
    minWidth: 1024,
    minHeight: 640,
    // Shown on 'ready-to-show', so the user never sees a blank white frame.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: false,
    ...(input.icon === undefined ? {} : { icon: input.icon }),
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The spellchecker would download dictionaries from Google's servers: no remote content.
      spellcheck: false,
      experimentalFeatures: false,
      // A file dropped on the window must not replace the app with that file.
      navigateOnDragDrop: false,
      // A page that loops alert() could otherwise lock the user out of the window.
      safeDialogs: true,
      devTools: input.devTools,
    },
  };
}
