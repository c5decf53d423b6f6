// Types for build-electron.mjs, so TypeScript tests can import it.
export declare const projectRoot: string;
export declare const mainExternals: readonly string[];
export declare function buildElectron(options?: {
  readonly outDir?: string;
  readonly logLevel?: 'verbose' | 'debug' | 'info' | 'warning' | 'error' | 'silent';
}): Promise<{ readonly main: string; readonly preload: string; readonly backendWorker: string; readonly backupWorker: string; readonly sqliteReader: string }>;
