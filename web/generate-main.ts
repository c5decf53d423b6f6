import { askPassword } from './ask-password';
import { runGenerateCli } from './generate-cli';

/** `npm run generate -- …` (web/generate-cli.ts). */
const code = await runGenerateCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), password: askPassword });
process.exit(code);
