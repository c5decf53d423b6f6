// `npm run dist`, after `npm run build`: electron-builder with build/electron-builder.yml, arguments
// passed through (`npm run dist -- --publish never`).
//
// electron-builder's npmRebuild runs @electron/rebuild on the project's own node_modules: it replaces
// better-sqlite3-multiple-ciphers/build (the Node build the tests load) with a build for Electron's
// ABI, which it then packages. So the module's build folder is set aside before and put back after,
// whether packaging succeeded or not: the tests keep working after a `npm run dist`, and the next
// packaging rebuilds for Electron again instead of finding a build it made before.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs `work` with the module's build folder set aside (copied back from a rename, so nothing is
 * copied and an interrupted run leaves the Node build in the `.node-build` folder beside it).
 * @template T
 * @param {string} root
 * @param {() => T} work
 * @returns {T}
 */
export function keepingNodeBuild(root, work) {
  const build = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build');
  const aside = `${build}.node-build`;
  // No build at all (the module's install failed): nothing to keep.
  if (!existsSync(build) && !existsSync(aside)) return work();
  // A run interrupted earlier left the Node build aside: that one is the Node build.
  if (existsSync(aside)) rmSync(build, { recursive: true, force: true });
  else renameSync(build, aside);
  try {
    return work();
  } finally {
    rmSync(build, { recursive: true, force: true });
    renameSync(aside, build);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const result = keepingNodeBuild(projectRoot, () =>
    spawnSync(process.execPath, [cli, '--config', 'build/electron-builder.yml', ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit' }),
  );
  process.exitCode = result.status ?? 1;
}
