// Types for prepare-electron.mjs, so TypeScript tests can import it.
export declare const projectRoot: string;
export declare const SQLITE_MODULE: string;
export declare function installedElectron(root: string): { version: string; binaryPresent: boolean };
export interface BuildStep {
  readonly name: 'prebuilt' | 'compile';
  readonly command: string;
  readonly args: string[];
  readonly cwd: string;
}
export declare function buildCommands(options: {
  root: string;
  workDir: string;
  electronVersion: string;
  platform: string;
  arch: string;
  node: string;
}): BuildStep[];
export declare function toolEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string>;
export declare function isNetworkFailure(output: string): boolean;
export type PrepareFailure = 'electron-missing' | 'electron-skipped' | 'offline' | 'build-failed';
export declare class PrepareError extends Error {
  constructor(kind: PrepareFailure, details?: { electronVersion?: string; logFile?: string });
  readonly kind: PrepareFailure;
  readonly details: { electronVersion?: string; logFile?: string };
}
export declare function failureMessage(error: PrepareError): string;
export interface LoggedStep {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  logFile: string;
}
export declare function runLogged(step: LoggedStep): Promise<{ code: number; output: string }>;
export declare function prepareElectron(options?: {
  root?: string;
  env?: Readonly<Record<string, string | undefined>>;
  platform?: string;
  arch?: string;
  run?: (step: LoggedStep) => Promise<{ code: number; output: string }>;
  say?: (line: string) => void;
}): Promise<{ electronVersion: string; binding: string; made: boolean }>;
