
/** One step of the schema: SQL run, with its version bump, in one transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
