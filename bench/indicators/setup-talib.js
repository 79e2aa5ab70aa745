// Fetches TA-Lib's C sources (shipped inside the talib npm package) into .bench-data, and
// builds (1) a static library and the timing harness with gcc -O3, (2) the talib Node addon.
// Everything is cached; delete .bench-data/talib to rebuild.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const run = (command, args, cwd, env = process.env) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env });

/** Returns paths to the harness binary and the addon, building them when missing. */
export function setupTalib(benchData, here) {
  const root = join(benchData, 'talib');
  const pkg = join(root, 'package');
  mkdirSync(root, { recursive: true });
  if (!existsSync(pkg)) {
    process.stdout.write('fetching talib@1.1.6 (TA-Lib C sources) … ');
    run('npm', ['pack', 'talib@1.1.6', '--pack-destination', root, '--silent'], root);
    const tarball = readdirSync(root).find((f) => f.endsWith('.tgz'));
    run('tar', ['xzf', tarball], root);
    console.log('done');
  }
  const lib = join(pkg, 'src', 'lib');
  const harness = join(root, 'harness-O3');
  if (!existsSync(harness)) {
    process.stdout.write('compiling TA-Lib with gcc -O3 … ');
    const objects = join(root, 'obj');
    mkdirSync(objects, { recursive: true });
    const sources = [
      ...readdirSync(join(lib, 'src', 'ta_func'))
        .filter((f) => f.endsWith('.c'))
        .map((f) => join(lib, 'src', 'ta_func', f)),
      ...['ta_global.c', 'ta_retcode.c', 'ta_version.c'].map((f) => join(lib, 'src', 'ta_common', f)),
    ];
    const includes = ['-I', join(lib, 'include'), '-I', join(lib, 'src', 'ta_common')];
    for (const source of sources) {
      const object = join(objects, source.split('/').pop().replace(/\.c$/, '.o'));
      run('gcc', ['-O3', '-w', ...includes, '-c', source, '-o', object], root);
    }
    const archive = join(root, 'libta-O3.a');
    run('ar', ['rcs', archive, ...readdirSync(objects).map((f) => join(objects, f))], root);
    run('gcc', ['-O3', ...includes, join(here, 'harness.c'), archive, '-lm', '-o', harness], root);
    console.log('done');
  }
  const addon = join(pkg, 'build', 'Release', 'talib.node');
  if (!existsSync(addon)) {
    process.stdout.write('building the talib Node addon … ');
    const env = { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' };
    run('npm', ['install', '--omit=dev', '--ignore-scripts', '--silent'], pkg, env);
    run('node', ['./src/lib/build.js'], pkg, env);
    run('npx', ['--yes', 'node-gyp', 'configure'], pkg, env);
    run('npx', ['--yes', 'node-gyp', 'build'], pkg, env);
    console.log('done');
  }
  return { harness, addonPackage: pkg };
}
