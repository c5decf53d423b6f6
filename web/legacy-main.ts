import { askPassword } from './ask-password';
import { runLegacyCli } from './legacy-cli';

/** `npm run import-legacy -- …` (web/legacy-cli.ts). */
const code = await runLegacyCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), password: askPassword });
process.exit(code);
