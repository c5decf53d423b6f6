import { askPassword } from './ask-password';
import { runVerifyCli } from './verify-cli';

/** `npm run verify -- …` (web/verify-cli.ts). */
const code = await runVerifyCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), password: askPassword });
process.exit(code);
