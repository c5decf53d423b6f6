// Types for electron-sqlite-path.mjs, so TypeScript (the shell, the tests) can import it.
export declare const ELECTRON_SQLITE_CACHE: string;
export declare function electronSqliteBuild(projectRoot: string, electronVersion: string): string;
