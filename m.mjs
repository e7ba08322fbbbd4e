// quick src-based size measurement (scratch)
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const root = process.argv[2] ?? '/work/wt/size';
const alias = (e) => `${root}/src/${e}.ts`;
const sub = (e) => `'${alias(e)}'`;
const every = (es) => es.map((e) => `export * from ${sub(e)};`).join('\n');
const ALL = ['index','payment','page','device','location','media','bluetooth','hce','applet','events','login','wallets'];
const pages = {
  call: `import { createClient } from ${sub('index')};\nexport const run = (tn) => createClient({ signer: '/s' }).call('pay', { tn });`,
  pay: `import { createClient } from ${sub('index')};\nimport { pay } from ${sub('payment')};\nexport const run = (tn) => pay(createClient({ signer: '/s' }), { tn });`,
  core4: every(['index','payment','page','device','location']),
  everything: every(ALL.filter((e) => e !== 'wallets')),
  all: every(ALL),
};
for (const [name, contents] of Object.entries(pages)) {
  const r = await build({ stdin: { contents, resolveDir: root, loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2020', write: false, logLevel: 'silent', tsconfig: `${root}/tsconfig.json` });
  const b = r.outputFiles[0].contents;
  if (process.env.DUMP === name) process.stdout.write(Buffer.from(b).toString() + '\n');
  console.log(name.padEnd(12), b.length, gzipSync(b, { level: 9 }).length);
}
