#!/usr/bin/env node
// Copies chosen Noto Emoji images (Apache-2.0) from the npm package @iconify-json/noto into
// catalog/art/noto/<name>.svg. Run by hand when a kit needs a new asset; not part of the build:
//   npm install --prefix /tmp/noto @iconify-json/noto
//   node scripts/art-import-noto.mjs /tmp/noto/node_modules/@iconify-json/noto name...
import fs from 'node:fs';
import path from 'node:path';

const [pkgDir, ...names] = process.argv.slice(2);
if (!pkgDir || names.length === 0) {
  console.error('usage: art-import-noto.mjs <path to @iconify-json/noto> <icon name>...');
  process.exit(2);
}
const set = JSON.parse(fs.readFileSync(path.join(pkgDir, 'icons.json'), 'utf8'));
const outDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'catalog', 'art', 'noto');
fs.mkdirSync(outDir, { recursive: true });
for (const name of names) {
  const alias = set.aliases?.[name];
  const icon = set.icons[name] ?? (alias && set.icons[alias.parent]);
  if (!icon) { console.error(`no icon named ${name}`); process.exit(1); }
  const w = icon.width ?? set.width ?? 16, h = icon.height ?? set.height ?? 16;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${w}" height="${h}" viewBox="${icon.left ?? 0} ${icon.top ?? 0} ${w} ${h}">${icon.body}</svg>\n`;
  fs.writeFileSync(path.join(outDir, `${name}.svg`), svg);
}
console.log(`wrote ${names.length} icons to ${outDir}`);
