import { describe, expect, it } from 'vitest';
import { sidOf, windowsAclArgs } from '../../db/file-modes';

/** docs/security.md, "Files": on Windows the data folder's access list is cut to the current account. */
describe('the data folder on Windows', () => {
  it('reads the account SID from whoami, local or domain, and nothing from other output', () => {
    expect(sidOf('"ca-xa-pc\\can.bo","S-1-5-21-3623811015-3361044348-30300820-1013"\r\n')).toBe('S-1-5-21-3623811015-3361044348-30300820-1013');
    expect(sidOf('"CATINH\\nguyen.van.an","S-1-5-21-1004336348-1177238915-682003330-512"')).toBe('S-1-5-21-1004336348-1177238915-682003330-512');
    expect(sidOf('ERROR: Access is denied.')).toBeNull();
    expect(sidOf('"pc\\user","not-a-sid"')).toBeNull();
  });

  it('removes the inherited entries and grants the account alone full control, inherited by folders and files', () => {
    const args = windowsAclArgs('C:\\Users\\can.bo\\AppData\\Roaming\\so-antt\\data', 'S-1-5-21-1-2-3-1013');
    expect(args[0]).toBe('C:\\Users\\can.bo\\AppData\\Roaming\\so-antt\\data');
    expect(args).toContain('/inheritance:r');
    const grant = args[args.indexOf('/grant:r') + 1];
    expect(grant).toBe('*S-1-5-21-1-2-3-1013:(OI)(CI)F');
    // One grant only: no group (Users, Administrators, SYSTEM) is named.
    expect(args.filter((arg) => arg.includes(':('))).toEqual([grant]);
  });
});
