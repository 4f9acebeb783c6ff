// Security in the real app (issue 12): an encrypted database (made by the command line with a
// passphrase) opens only after the passphrase is typed at start; a wrong one is told so. Then a
// backup is made and listed with what it holds, and the dossier's logboek shows the chain intact
// with the backup and an export on record.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { byTestId, repo, screenshot, startApp, startDriver, stopDriver, useTemporaryDatabase } from './harness.mjs';

const TIMEOUT = 20_000;
const PASSPHRASE = 'een lange wachtwoordzin met ë';
const cli = path.join(repo, 'target', 'debug', 'wederhoor');

describe('an encrypted database in the real app', () => {
  let browser;

  before(async () => {
    const db = useTemporaryDatabase();
    // Made encrypted by the command line, with the demo and one export on record.
    const env = { ...process.env, WEDERHOOR_PASSPHRASE: PASSPHRASE };
    execFileSync(cli, ['--db', db, 'demo'], { env });
    execFileSync(cli, ['--db', db, 'export', '2019-0117', '-o', path.join(path.dirname(db), 'demo.json')], { env });
    delete process.env.WEDERHOOR_PASSPHRASE;
    await startDriver();
    browser = await startApp();
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await stopDriver();
  });

  it('asks for the passphrase at start and refuses a wrong one', async () => {
    const field = byTestId(browser, 'unlock-passphrase');
    await field.waitForExist({ timeout: TIMEOUT, timeoutMsg: 'the app starts locked' });
    assert.ok(!(await browser.$('[data-reference="2019-0117"]').isExisting()), 'no dossier is shown while locked');
    await screenshot(browser, '50-vergrendeld');
    await field.addValue('verkeerd');
    await byTestId(browser, 'unlock-open').click();
    const problem = byTestId(browser, 'unlock-problem');
    await problem.waitForExist({ timeout: TIMEOUT });
    assert.match(await problem.getText(), /klopt niet/);
    await browser.execute(() => {
      const input = document.querySelector('[data-testid="unlock-passphrase"]');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await field.addValue(PASSPHRASE);
    await byTestId(browser, 'unlock-open').click();
    await browser.$('[data-reference="2019-0117"]').waitForExist({ timeout: TIMEOUT, timeoutMsg: 'the right passphrase opens the library' });
  });

  it('makes a verified backup and lists what it holds', async () => {
    await byTestId(browser, 'security-link').click();
    const state = byTestId(browser, 'encryption-state');
    await state.waitForExist({ timeout: TIMEOUT });
    assert.match(await state.getText(), /Versleuteld/);
    await byTestId(browser, 'backup-now').click();
    const notice = byTestId(browser, 'security-notice');
    await browser.waitUntil(async () => /Back-up gemaakt en gecontroleerd/.test(await notice.getText().catch(() => '')), {
      timeout: TIMEOUT,
      timeoutMsg: 'the backup is made and checked',
    });
    const first = byTestId(browser, 'backup');
    await first.waitForExist({ timeout: TIMEOUT });
    assert.match(await first.getText(), /1 dossier\(s\)/);
    assert.match(await first.getText(), /2019-0117/);
    await screenshot(browser, '51-beveiliging-en-back-ups');
  });

  it("shows the dossier's logboek with the chain intact and the export on record", async () => {
    await browser.$('.security a.back').click();
    const link = browser.$('[data-reference="2019-0117"] td.ref a');
    await link.waitForExist({ timeout: TIMEOUT });
    await link.click();
    await byTestId(browser, 'rail-log').click();
    const chain = byTestId(browser, 'log-chain');
    await chain.waitForExist({ timeout: TIMEOUT });
    assert.match(await chain.getText(), /ongebroken/);
    const actions = await browser.$$('[data-testid="log-entry"]').map((el) => el.getAttribute('data-action'));
    assert.ok(actions.includes('export.dossier_file'), `the export is logged: ${actions}`);
    assert.ok(actions.includes('dossier.import') || actions.includes('dossier.create'), `${actions}`);
    await screenshot(browser, '52-logboek');
  });
});
