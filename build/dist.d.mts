// Types for dist.mjs, so TypeScript tests can import it.
export declare const projectRoot: string;
export declare function keepingNodeBuild<T>(root: string, work: () => T): T;
