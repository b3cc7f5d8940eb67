// Makes public/favicon.ico (16, 32, 48 px) from public/favicon.svg with Chromium, for browsers and
// pages (the payment provider's, a PDF) that ask for /favicon.ico. Run from web/: node scripts/favicon.mjs
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
const require = createRequire(new URL("../package.json", import.meta.url));
const { chromium } = require("playwright-core");
const svg = readFileSync("public/favicon.svg", "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const images = [];
for (const size of [16, 32, 48]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
  images.push({ size, png: await page.screenshot({ omitBackground: true }) });
}
await browser.close();
// ICO: header, one directory entry per image, then the PNGs (PNG-in-ICO, read by every current browser).
const header = Buffer.alloc(6); header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map(({ size, png }) => {
  const e = Buffer.alloc(16);
  e.writeUInt8(size, 0); e.writeUInt8(size, 1); e.writeUInt8(0, 2); e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4); e.writeUInt16LE(32, 6); e.writeUInt32LE(png.length, 8); e.writeUInt32LE(offset, 12);
  offset += png.length; return e;
});
writeFileSync("public/favicon.ico", Buffer.concat([header, ...entries, ...images.map((i) => i.png)]));
