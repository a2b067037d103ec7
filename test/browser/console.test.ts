/**
 * The browser console in a real browser: Debian's Chromium (never one downloaded at run time) driven by
 * puppeteer-core. Links the demo account, says "play my workout mix", sees the now-playing screen, taps pause,
 * sees the emulator paused and the screen updated, switches to the Echo Dot and sees no screen; saves the
 * screenshot the README shows.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ConsoleApp } from '../../tools/console/app';
import { startWebConsole, type WebConsole } from '../../tools/console/web/server';
import { demo } from '../support/world';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = path.resolve(__dirname, '../../docs/screenshots/browser-console.png');

jest.setTimeout(90_000);

let app: ConsoleApp;
let web: WebConsole;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser test needs Debian's package. ` +
        'Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).',
    );
  app = await ConsoleApp.start({ say: () => undefined, link: false });
  web = await startWebConsole(app, 0);
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-')),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--window-size=1200,800',
    ],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  // The page may not reach the internet (album art lives on i.scdn.co): answer images with a gray square.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith(web.url)) void request.continue();
    else if (request.resourceType() === 'image')
      void request.respond({ status: 200, contentType: 'image/svg+xml', body: ART });
    else void request.abort();
  });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await app?.close();
});

const ART =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#b03060"/>' +
  '<circle cx="32" cy="32" r="14" fill="#222"/></svg>';

const text = (selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
// The page's own DOM types are not this project's (no "dom" lib): read what it shows through small shapes.
type Shown = { dataset: Record<string, string | undefined>; hidden: boolean };
const turns = () => page.$eval('body', (el) => Number((el as unknown as Shown).dataset.turns ?? 0));
const turnsAfter = (n: number) => page.waitForFunction(`Number(document.body.dataset.turns ?? 0) > ${n}`);
async function say(words: string) {
  const before = await turns();
  await page.type('#utterance', words);
  await page.keyboard.press('Enter');
  await turnsAfter(before);
}

test('link, play my workout mix, see it, tap pause, switch to an Echo Dot', async () => {
  await page.goto(web.url);
  await page.waitForSelector('body[data-ready="true"]');
  expect(await text('#link-state')).toBe('Spotify not linked');
  await page.click('#link');
  await page.waitForSelector('#link-state[data-linked="true"]');

  await say('play my workout mix');
  await page.waitForSelector('#screen [data-apl-id="title"]');
  expect(await text('#turns li:first-child .alexa')).toMatch(/Playing Workout Mix on Kitchen speaker/);
  expect((await text('#screen [data-apl-id="title"]')).length).toBeGreaterThan(0);
  await page.waitForFunction(`document.querySelector('#screen img[data-apl-id="art"]').naturalWidth > 0`);
  const art = await page.$eval('#screen img[data-apl-id="art"]', (img) => ({
    src: (img as unknown as { src: string }).src,
    width: (img as unknown as { naturalWidth: number }).naturalWidth,
  }));
  expect(art.src).toMatch(/^https:\/\//);
  expect(art.width).toBeGreaterThan(0);
  expect(await page.$('#screen [data-apl-id="button-pause"]')).not.toBeNull();
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });

  const before = await turns();
  await page.click('#screen [data-apl-id="button-pause"]');
  await turnsAfter(before);
  expect(demo(app.emulator!).player.isPlaying).toBe(false);
  await page.waitForSelector('#screen [data-apl-id="button-resume"]');
  expect(await text('#turns li:first-child .alexa')).toBe('Skill: Paused.');
  expect(await text('#turns li:first-child .calls')).toMatch(/PUT \/v1\/me\/player\/pause 204/);
  expect(await page.$eval('#player', (el) => (el as unknown as Shown).dataset.playing)).toBe('false');

  await page.select('#profile', 'echo-dot');
  await page.waitForFunction(`document.getElementById('no-screen').hidden === false`);
  await say("what's playing");
  expect(await text('#turns li:first-child .alexa')).toMatch(/Workout|paused|Kitchen/i);
  expect(await page.$('#screen [data-apl-id]')).toBeNull();
  expect(await page.$eval('#screen', (el) => (el as unknown as Shown).hidden)).toBe(true);
});
