#!/usr/bin/env node
// Renders the app's PNG icons from public/favicon.svg with Debian's headless
// chromium (through Playwright, which the browser tests use already). Run it
// after changing the favicon and commit the PNGs:
//
//   node scripts/make-icons.mjs
//
// icon-192.png, icon-512.png   the favicon as it is (rounded, transparent corners),
//                              for the web app manifest ("purpose": "any")
// icon-maskable-512.png        full-bleed background, the mark inside the central
//                              safe zone, for launchers that crop to their own shape
// icon-apple-180.png           opaque and full-bleed, for iOS home screens
//                              (iOS rounds the corners itself and shows
//                              transparency as black)
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'public/favicon.svg'), 'utf8');
const viewBox = svg.match(/viewBox="0 0 (\d+) (\d+)"/);
if (!viewBox || viewBox[1] !== viewBox[2]) throw new Error('public/favicon.svg: expected a square viewBox="0 0 N N"');
const size = Number(viewBox[1]);
const background = svg.match(/<rect [^>]*fill="(#[0-9a-fA-F]{3,6})"/)?.[1];
if (!background) throw new Error('public/favicon.svg: expected a background <rect fill="#…">');
const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');

/** The favicon's content on a full square background, scaled by `scale` around the centre. */
const fullBleed = (scale) => {
  const offset = (size * (1 - scale)) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">`
    + `<rect width="${size}" height="${size}" fill="${background}"/>`
    + `<g transform="translate(${offset} ${offset}) scale(${scale})">${inner}</g></svg>`;
};

const icons = [
  { file: 'icon-192.png', px: 192, svg },
  { file: 'icon-512.png', px: 512, svg },
  // The maskable safe zone is the central circle of radius 40% of the size;
  // scaled to 80%, the mark's outermost node reaches 34% from the centre.
  { file: 'icon-maskable-512.png', px: 512, svg: fullBleed(0.8) },
  { file: 'icon-apple-180.png', px: 180, svg: fullBleed(0.85) },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.px, height: icon.px }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(icon.svg).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block}</style>`
      + `<img src="${src}" width="${icon.px}" height="${icon.px}" alt="">`);
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: join(root, 'public', icon.file), omitBackground: true });
    await page.close();
    console.log(`make-icons: public/${icon.file} ${icon.px}x${icon.px}`);
  }
} finally {
  await browser.close();
}
