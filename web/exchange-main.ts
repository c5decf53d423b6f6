import { createInterface } from 'node:readline';
import { runExchangeCli } from './exchange-cli';

/** `npm run exchange -- …` (web/exchange-cli.ts). */
function askPassword(): Promise<string> {
  const fromEnv = process.env.SO_ANTT_PASSWORD;
  if (fromEnv !== undefined) return Promise.resolve(fromEnv);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  return new Promise((resolve) => {
    rl.question('Mật khẩu: ', (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

const code = await runExchangeCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), password: askPassword });
process.exit(code);
