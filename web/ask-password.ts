import { createInterface } from 'node:readline';

/** The password of a command-line run: SO_ANTT_PASSWORD, else asked on the terminal. */
export function askPassword(): Promise<string> {
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
