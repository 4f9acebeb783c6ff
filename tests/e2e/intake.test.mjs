// Evidence as it arrives, in the real app, from an empty dossier: a scan read by OCR (with
// progress) and found by a word in it; an e-mail whose attachments are listed under it; a Word
// file with footnotes and comments; a protected PDF opened with its password; and a zip bomb
// that ends in a clear message while the app stays usable.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { byTestId, repo, screenshot, startApp, startDriver, stopDriver, useTemporaryDatabase } from './harness.mjs';

const TIMEOUT = 30_000;
const corpus = (name) => path.join(repo, 'tests', 'data', 'corpus', name);
const until = (browser, test, message) => browser.waitUntil(test, { timeout: TIMEOUT, timeoutMsg: message });

/** A DOCX whose document.xml unpacks to 1 GB of spaces while its directory claims 1 KB. */
async function zipBomb(file) {
  const deflate = zlib.createDeflateRaw({ level: 1 });
  const chunks = [];
  deflate.on('data', (c) => chunks.push(c));
  const block = Buffer.alloc(16 << 20, 0x20);
  for (let i = 0; i < 64; i++) if (!deflate.write(block)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  const data = Buffer.concat(chunks);
  const name = Buffer.from('word/document.xml');
  const fields = () => {
    const b = Buffer.alloc(26);
    b.writeUInt16LE(20, 0); // version needed
    b.writeUInt16LE(8, 4); // deflated
    b.writeUInt32LE(data.length, 14);
    b.writeUInt32LE(1000, 18); // the lie
    b.writeUInt16LE(name.length, 22);
    return b;
  };
  const sig = (n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const local = Buffer.concat([sig(0x04034b50), fields(), name, data]);
  const central = Buffer.concat([sig(0x02014b50), Buffer.from([20, 0]), fields(), Buffer.alloc(14), name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  writeFileSync(file, Buffer.concat([local, central, end]));
}

async function addFile(browser, file) {
  await byTestId(browser, 'source-file').addValue(file);
  await byTestId(browser, 'add-source-form').waitForExist({ timeout: TIMEOUT });
  await byTestId(browser, 'save-source').click();
}

async function noticeMatches(browser, pattern) {
  await until(browser, async () => pattern.test(await byTestId(browser, 'sources-notice').getText().catch(() => '')), `the notice says ${pattern}`);
}

describe('evidence as it arrives, from an empty dossier', () => {
  let browser;

  before(async () => {
    useTemporaryDatabase();
    await startDriver();
    browser = await startApp();
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await stopDriver();
  });

  it('reads a scanned letter by OCR, shows progress and finds it by a word', async () => {
    await byTestId(browser, 'new-dossier').click();
    await byTestId(browser, 'field-title').setValue('Bezwaar huishoudelijke hulp niet behandeld');
    await byTestId(browser, 'field-received').setValue('2-12-2026');
    await byTestId(browser, 'field-bodies').setValue('Gemeente Voorbeeldstad');
    await byTestId(browser, 'field-requester-name').setValue('Chloë Vermeulen-Ğündüz');
    await byTestId(browser, 'submit-dossier').click();
    await byTestId(browser, 'list-notice').waitForExist({ timeout: TIMEOUT });
    const reference = /Dossier (\S+) is aangemaakt/.exec(await byTestId(browser, 'list-notice').getText())?.[1];
    await browser.$(`[data-reference="${reference}"] td.ref a`).click();
    await byTestId(browser, 'rail-sources').click();
    await byTestId(browser, 'source-file').waitForExist({ timeout: TIMEOUT });

    await byTestId(browser, 'source-file').addValue(corpus('images/scan-bezwaar.png'));
    await byTestId(browser, 'add-source-form').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'save-source').click();
    await byTestId(browser, 'read-progress').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'read-progress').getText(), /OCR/, 'the reader says it is recognising text');
    await noticeMatches(browser, /Stuk “scan-bezwaar\.png” is toegevoegd/);
    assert.match(await byTestId(browser, 'text-origin').getText(), /Tekst herkend met OCR .*zekerheid \d+%/);
    assert.match(await byTestId(browser, 'source-text').getText(), /bezwaarschrift/i);
    await screenshot(browser, '60-scan-ocr');

    await byTestId(browser, 'dossier-search-box').setValue('huishoudelijke');
    const hit = browser.$('//ul[@data-testid="search-hits"]//button[.//span[contains(., "scan-bezwaar.png")]]');
    await hit.waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'dossier-search-box').clearValue();
  });

  it('stores an e-mail with its attachments listed under it', async () => {
    await addFile(browser, corpus('mail/bijlagen.eml'));
    await noticeMatches(browser, /2 bijlage\(n\) apart bewaard/);
    const headers = await byTestId(browser, 'mail-headers').getText();
    assert.match(headers, /Van/);
    assert.match(headers, /Onderwerp/);
    const items = await browser.$$('[data-testid="source-item"]');
    const listed = [];
    for (const item of items) listed.push([await item.getText(), await item.getAttribute('data-depth')]);
    const mail = listed.findIndex(([text]) => text.includes('bijlagen.eml'));
    assert.ok(mail >= 0, JSON.stringify(listed));
    assert.match(listed[mail + 1][0], /inkomensverklaring-2024\.pdf/);
    assert.equal(listed[mail + 1][1], '1', 'the attachment is one level under its e-mail');
    assert.match(listed[mail + 2][0], /brief-zorgverzekeraar\.docx/);
    await screenshot(browser, '61-email-met-bijlagen');
  });

  it('reads a Word file with its footnotes, comments and header', async () => {
    await addFile(browser, corpus('office/docx-features.docx'));
    await noticeMatches(browser, /docx-features\.docx/);
    const text = await byTestId(browser, 'source-text').getText();
    assert.match(text, /\[Voetnoot 1\]/);
    assert.match(text, /\[Opmerking van /);
    assert.match(text, /\[Koptekst\]/);
    await screenshot(browser, '62-docx-voetnoten');
  });

  it('keeps a protected PDF, asks for its password and then reads it', async () => {
    await addFile(browser, corpus('pdf/versleuteld-aes256.pdf'));
    await noticeMatches(browser, /versleuteld-aes256\.pdf/);
    assert.match(await byTestId(browser, 'reading-notes').getText(), /beveiligd met een wachtwoord/);
    await byTestId(browser, 'pdf-password').setValue('verkeerd');
    await byTestId(browser, 'pdf-unlock').click();
    await byTestId(browser, 'reading-error').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'reading-error').getText(), /wachtwoord opent dit PDF-bestand niet/);
    await byTestId(browser, 'pdf-password').clearValue();
    await byTestId(browser, 'pdf-password').setValue('Wederhoor2026!');
    await byTestId(browser, 'pdf-unlock').click();
    await byTestId(browser, 'source-text').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'source-text').getText(), /schuldhulpverleningstraject/);
  });

  it('ends a zip bomb in a clear message and stays usable', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wederhoor-bom-'));
    const bomb = path.join(dir, 'brief-gemeente.docx');
    await zipBomb(bomb);
    const started = Date.now();
    await addFile(browser, bomb);
    await noticeMatches(browser, /brief-gemeente\.docx/);
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
    assert.match(await byTestId(browser, 'reading-notes').getText(), /zip-bom/);
    // Still responsive: another source opens at once.
    const first = browser.$('//button[@data-testid="source-item"][.//strong[contains(., "scan-bezwaar.png")]]');
    await first.click();
    await until(browser, async () => /bezwaarschrift/i.test(await byTestId(browser, 'source-text').getText().catch(() => '')), 'the scan opens again');
  });
});
