// Beoordeling and Rapport in the real app: an inconsistent verdict is flagged and blocks a
// final rapport; a draft made from the demo dossier is edited with a live preview of the PDF's
// own HTML, made public (pseudonyms), finalised (then frozen), and exported to PDF through the
// native save dialog, answered with xdotool as a user would type a path.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { byTestId, exportThroughDialog, screenshot, startOnDemoDossier, stopDriver } from './harness.mjs';

const TIMEOUT = 20_000;

async function point(browser, n) {
  const el = byTestId(browser, `point-${n}`);
  await el.waitForExist({ timeout: TIMEOUT });
  return el;
}

/** The text of the preview iframe's document. */
async function previewText(browser) {
  const frame = await byTestId(browser, 'report-preview');
  await frame.waitForExist({ timeout: TIMEOUT });
  await browser.switchFrame(frame);
  const text = await browser.$('body').getText();
  await browser.switchFrame(null);
  return text;
}

async function waitForPreview(browser, predicate, message) {
  await browser.waitUntil(async () => predicate(await previewText(browser)), { timeout: TIMEOUT, timeoutMsg: message });
}

describe('assessment and rapport in the real app', () => {
  let browser;

  before(async () => {
    browser = await startOnDemoDossier();
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await stopDriver();
  });

  it('shows each point with its norms and flags "gegrond" without a breached norm', async () => {
    await byTestId(browser, 'rail-assessment').click();
    const p2 = await point(browser, 2);
    assert.equal(await p2.$('[data-testid="verdict"]').getValue(), 'gegrond');
    assert.match(await p2.getText(), /Organisatie, administratie en registratie zijn op orde/, "the norm's meaning is shown");

    const p3 = await point(browser, 3);
    await p3.$('[data-testid="verdict"]').selectByAttribute('value', 'gegrond');
    await p3.$('[data-testid="save-point"]').click();
    await p3.$('[data-testid="point-notice"]').waitForExist({ timeout: TIMEOUT });
    await browser.waitUntil(async () => /geen norm is als niet behoorlijk beoordeeld/.test(await p3.getText()), {
      timeout: TIMEOUT,
      timeoutMsg: 'the Awb 9:36 lid 2 check appears at point 3',
    });
    await screenshot(browser, '20-beoordeling-inconsistent');
  });

  it('makes a draft rapport and previews the PDF HTML, confidential and public', async () => {
    await byTestId(browser, 'rail-report').click();
    await byTestId(browser, 'versions-empty').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'new-draft').click();
    await byTestId(browser, 'report-editor').waitForExist({ timeout: TIMEOUT });
    const markdown = await byTestId(browser, 'report-editor').getValue();
    assert.match(markdown, /## Beoordeling/);
    assert.match(markdown, /Klachtonderdeel 3 \(.*\) is \*\*gegrond\*\*/, 'the draft follows the stored verdicts');
    await waitForPreview(browser, (t) => t.includes('Oordeel per klachtonderdeel') && t.includes('Gemeente Voorbeeldstad'), 'confidential preview');
    await screenshot(browser, '21-rapport-concept');

    await byTestId(browser, 'public-toggle').click();
    await waitForPreview(browser, (t) => t.includes('Openbare versie') && !t.includes('Noëlle'), 'public preview without names');
    assert.match(await previewText(browser), /Gemeente Voorbeeldstad/, 'an institution keeps its name');
    await screenshot(browser, '22-rapport-openbaar');
  });

  it('saves an edit by itself', async () => {
    const editor = byTestId(browser, 'report-editor');
    await editor.click();
    await browser.keys(['Control', 'End']);
    await browser.keys('\n\nSlotopmerking van de onderzoeker.');
    await browser.waitUntil(async () => (await byTestId(browser, 'save-state').getText()) === 'Opgeslagen', {
      timeout: TIMEOUT,
      timeoutMsg: 'autosave reports the text as saved',
    });
    await waitForPreview(browser, (t) => t.includes('Slotopmerking van de onderzoeker.'), 'the preview follows the editor');
  });

  it('refuses a final rapport while a verdict is inconsistent, then freezes it once fixed', async () => {
    await byTestId(browser, 'finalise').click();
    await byTestId(browser, 'finalise-confirm').click();
    const notice = byTestId(browser, 'report-notice');
    await notice.waitForExist({ timeout: TIMEOUT });
    assert.match(await notice.getText(), /Nog niet mogelijk: .*Klachtonderdeel 3 is gegrond/s);

    await byTestId(browser, 'rail-assessment').click();
    const p3 = await point(browser, 3);
    await p3.$('[data-testid="verdict"]').selectByAttribute('value', 'niet_gegrond');
    await p3.$('[data-testid="save-point"]').click();
    await p3.$('[data-testid="point-notice"]').waitForExist({ timeout: TIMEOUT });

    await byTestId(browser, 'rail-report').click();
    await byTestId(browser, 'stale').waitForExist({ timeout: TIMEOUT });
    await screenshot(browser, '23-rapport-verouderd');
    await byTestId(browser, 'finalise').click();
    await byTestId(browser, 'finalise-confirm').click();
    await byTestId(browser, 'frozen').waitForExist({ timeout: TIMEOUT });
    assert.equal(await byTestId(browser, 'report-editor').getAttribute('readonly'), 'true', 'a final version cannot be edited');
    assert.match(await byTestId(browser, 'version').getText(), /definitief/);
  });

  it('exports the public PDF through the save dialog', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wederhoor-export-'));
    const target = path.join(dir, 'openbaar rapport.pdf');
    await byTestId(browser, 'public-toggle').click();
    await exportThroughDialog(browser, target);
    assert.ok(existsSync(target), 'the PDF is where the dialog said');
    const bytes = readFileSync(target);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', [target, '-']).toString();
    assert.ok(!text.includes('Noëlle') && !text.includes('Oosterhuis'), 'the public PDF holds no person\'s name');
    assert.ok(text.includes('Gemeente Voorbeeldstad'), 'the body keeps its name');
    assert.match(await byTestId(browser, 'export-redactions').getText(), /WIJ-team Oost → het WIJ-team/, 'the log lists what was replaced');
    await screenshot(browser, '24-rapport-geexporteerd');
  });
});
