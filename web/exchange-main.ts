import { askPassword } from './ask-password';
import { runExchangeCli } from './exchange-cli';

/** `npm run exchange -- …` (web/exchange-cli.ts). */
const code = await runExchangeCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), password: askPassword });
process.exit(code);
