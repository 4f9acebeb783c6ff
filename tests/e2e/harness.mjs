// Drives the real Wederhoor binary: tauri-driver (spawned detached, stopped by process group)
// in front of WebKitWebDriver, webdriverio as the client. Each session starts the app afresh,
// so ending one and starting another is "close the app and start it again".
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const binary = process.env.WEDERHOOR_APP ?? path.join(repo, 'target', 'debug', 'wederhoor-app');
export const artifacts = path.join(here, 'artifacts');
const port = Number(process.env.TAURI_DRIVER_PORT ?? 4444);

let driver;

/**
 * A fresh, empty database for this test run (the app loads the demo dossier into it), and a
 * fresh home for the web view's own storage, so nothing a person did in the app on this machine
 * (such as choosing English) leaks into the tests. The app inherits these through tauri-driver.
 */
export function useTemporaryDatabase() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wederhoor-e2e-'));
  process.env.WEDERHOOR_DB = path.join(dir, 'wederhoor.db');
  for (const [name, sub] of [['XDG_DATA_HOME', 'data'], ['XDG_CONFIG_HOME', 'config'], ['XDG_CACHE_HOME', 'cache']]) {
    process.env[name] = path.join(dir, sub);
    mkdirSync(process.env[name], { recursive: true });
  }
  return process.env.WEDERHOOR_DB;
}

function portOpen() {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function waitUntilPortIs(open, ms) {
  const deadline = Date.now() + ms;
  while ((await portOpen()) !== open) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

export async function startDriver() {
  // A driver of the previous suite may still be releasing the port.
  if (!(await waitUntilPortIs(false, 10_000))) throw new Error(`poort ${port} is al in gebruik; stop de andere tauri-driver eerst`);
  driver = spawn(process.env.TAURI_DRIVER ?? 'tauri-driver', ['--port', String(port)], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 20_000;
  while (!(await portOpen())) {
    if (driver.exitCode !== null) throw new Error(`tauri-driver stopte meteen (code ${driver.exitCode})`);
    if (Date.now() > deadline) throw new Error('tauri-driver luistert na 20 s nog niet');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops tauri-driver and everything it started, and waits until its port is free. */
export async function stopDriver() {
  if (driver?.pid) {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await waitUntilPortIs(false, 10_000);
}

/** Starts the app and returns the webdriverio browser driving its web view. */
export async function startApp() {
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    connectionRetryCount: 2,
    capabilities: { 'tauri:options': { application: binary } },
  });
  await browser.setTimeout({ implicit: 0 });
  return browser;
}

export async function screenshot(browser, name) {
  mkdirSync(artifacts, { recursive: true });
  // WebKitWebDriver captures the last painted frame; give the web view a moment to paint.
  await browser.pause(400);
  await browser.saveScreenshot(path.join(artifacts, `${name}.png`));
}

/** The element with this data-testid. */
export function byTestId(browser, id) {
  return browser.$(`[data-testid="${id}"]`);
}

/** Starts the driver and the app on a fresh database and opens the demo dossier. */
export async function startOnDemoDossier() {
  useTemporaryDatabase();
  await startDriver();
  const browser = await startApp();
  const link = browser.$('[data-reference="2019-0117"] td.ref a');
  await link.waitForExist({ timeout: 20_000 });
  await link.click();
  await byTestId(browser, 'rail-overview').waitForExist({ timeout: 20_000 });
  return browser;
}

/**
 * Clicks "Exporteer PDF…" and answers the native GTK save dialog with `target`, as a user types
 * a path (xdotool), then waits for the screen to say where the PDF went.
 */
export async function exportThroughDialog(browser, target, timeout = 20_000) {
  await byTestId(browser, 'export-pdf').click();
  // The dialog opens with its name field focused: wait for it (the title is in the system's
  // language), give it the keyboard, then type the path.
  const dialog = execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--name', 'Save File|opslaan'], { timeout })
    .toString()
    .trim()
    .split('\n')[0];
  execFileSync('xdotool', ['windowfocus', '--sync', dialog], { timeout });
  await browser.pause(500);
  execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+a']);
  execFileSync('xdotool', ['type', '--delay', '15', target]);
  execFileSync('xdotool', ['key', 'Return']);
  const notice = byTestId(browser, 'report-notice');
  try {
    await browser.waitUntil(async () => /PDF opgeslagen/.test(await notice.getText().catch(() => '')), {
      timeout,
      timeoutMsg: 'the export reports where it wrote the PDF',
    });
  } catch (e) {
    // What the X display showed, to tell a dialog problem from an export problem
    // (ImageMagick's `import`, where installed).
    try {
      execFileSync('import', ['-window', 'root', path.join(artifacts, 'dialog-failure.png')]);
    } catch {
      // No screenshot tool: the assertion still says what failed.
    }
    throw e;
  }
}

/** Selects `passage` in the source reader's text, as a user drags over it with the mouse. */
export async function selectPassage(browser, passage) {
  await browser.execute((wanted) => {
    const pre = document.querySelector('[data-testid="source-text"]');
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent.includes(wanted)) node = walker.nextNode();
    if (!node) throw new Error('passage not in the text: ' + pre.textContent);
    const start = node.textContent.indexOf(wanted);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + wanted.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    pre.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, passage);
}

/** The undo button's words (WebKitWebDriver reads the sticky button's text as empty). */
export async function undoText(browser, id = 'undo') {
  return String(await byTestId(browser, id).getProperty('textContent')).trim();
}
