// Sources and the two accounts side by side, in the real app: add a PDF letter and a register
// export to the demo dossier, make a statement from a selected passage, and see both accounts
// on one time axis with the weekly chart; then mark a conflict between them.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { byTestId, repo, screenshot, selectPassage, startOnDemoDossier, stopDriver } from './harness.mjs';

const TIMEOUT = 20_000;
const fixture = (name) => path.join(repo, 'tests', 'data', 'sources', name);
const PASSAGE = 'Daarna belde ik nog vaak.';

describe('sources and side by side in the real app', () => {
  let browser;

  before(async () => {
    browser = await startOnDemoDossier();
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await stopDriver();
  });

  it('adds a PDF letter with its supplier and shows its text', async () => {
    await byTestId(browser, 'rail-sources').click();
    await byTestId(browser, 'source-file').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'source-file').addValue(fixture('klachtbrief.pdf'));
    await byTestId(browser, 'add-source-form').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'source-supplier').selectByVisibleText('Noëlle van den Berg (Verzoeker)');
    await byTestId(browser, 'source-received').setValue('7-1-2019');
    await byTestId(browser, 'save-source').click();
    await byTestId(browser, 'source-reader').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'sources-notice').getText(), /Stuk “klachtbrief\.pdf” is toegevoegd/);
    assert.match(await byTestId(browser, 'source-text').getText(), /Op 2 oktober 2018 heb ik het KCC gebeld/);
  });

  it('makes a statement from a selected passage', async () => {
    await selectPassage(browser, PASSAGE);
    await byTestId(browser, 'make-statement').click();
    await byTestId(browser, 'statement-form').waitForExist({ timeout: TIMEOUT });
    assert.equal(await byTestId(browser, 'statement-quote').getText(), PASSAGE, 'the form shows the selected words');
    await byTestId(browser, 'statement-date-kind').selectByAttribute('value', 'range');
    await byTestId(browser, 'statement-from').setValue('3-10-2018');
    await byTestId(browser, 'statement-to').setValue('31-12-2018');
    await byTestId(browser, 'statement-channel').selectByAttribute('value', 'phone');
    await byTestId(browser, 'statement-topic').setValue('postadres');
    await screenshot(browser, '10-source-reader');
    await byTestId(browser, 'save-statement').click();
    await browser.waitUntil(async () => (await byTestId(browser, 'sources-notice').getText()) === 'Lezing opgeslagen.', { timeout: TIMEOUT });
    const marked = await browser.$('[data-testid="source-text"] mark');
    await marked.waitForExist({ timeout: TIMEOUT });
    assert.equal(await marked.getText(), PASSAGE, 'the passage is now marked as quoted');
  });

  it('imports a register export after a preview', async () => {
    await byTestId(browser, 'source-file').addValue(fixture('kcc-contacten.csv'));
    await byTestId(browser, 'as-register').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'as-register').click();
    const preview = byTestId(browser, 'register-preview');
    await preview.waitForExist({ timeout: TIMEOUT });
    assert.match(await preview.getText(), /2018-10-02T10:14/, 'the preview shows dates as they will be stored');
    await screenshot(browser, '11-register-preview');
    await byTestId(browser, 'run-register-import').click();
    await browser.waitUntil(async () => /2 registraties ingelezen, 0 overgeslagen/.test(await byTestId(browser, 'sources-notice').getText()), {
      timeout: TIMEOUT,
    });
  });

  it('shows both accounts on one time axis with the weekly chart', async () => {
    await byTestId(browser, 'rail-sideBySide').click();
    await byTestId(browser, 'week-chart').waitForExist({ timeout: TIMEOUT });
    assert.equal(await byTestId(browser, 'registered-total').getText(), '4', 'two demo records and two imported');
    assert.equal(await byTestId(browser, 'claimed-total').getText(), '10', 'at least ten claimed');
    const card = await browser.$(`//article[@data-side="citizen"][.//p[contains(., "${PASSAGE}")]]`);
    await card.waitForExist({ timeout: TIMEOUT });
    assert.equal(await card.$('[data-testid="card-date"]').getText(), '3-10-2018 – 31-12-2018', 'in the citizen column, as a span');
    const records = await browser.$$('article[data-side="body"]');
    assert.ok(records.length >= 4, 'the body column holds the records');
    await screenshot(browser, '12-side-by-side');
  });

  it('marks a claim and a record as conflicting', async () => {
    const card = await browser.$(`//article[@data-side="citizen"][.//p[contains(., "${PASSAGE}")]]`);
    await card.$('input[type="checkbox"]').click();
    await browser.$('article[data-side="body"] input[type="checkbox"]').click();
    await byTestId(browser, 'mark-conflict').click();
    await byTestId(browser, 'mark-title').setValue('Hoe vaak gebeld na 2 oktober');
    await byTestId(browser, 'mark-save').click();
    await browser.waitUntil(async () => /Tegenstrijdigheid “Hoe vaak gebeld na 2 oktober” vastgelegd/.test(await byTestId(browser, 'side-notice').getText()), {
      timeout: TIMEOUT,
    });
  });

  it('opens the passage a card rests on', async () => {
    // The side-by-side cards carry only the source of their first excerpt; following it must
    // land in that source with this statement's passage in focus.
    const card = await browser.$(`//article[@data-side="citizen"][.//p[contains(., "${PASSAGE}")]]`);
    await card.$('[data-testid="card-to-source"]').click();
    const focused = await browser.$('[data-testid="source-text"] mark.focus');
    await focused.waitForExist({ timeout: TIMEOUT });
    assert.equal(await focused.getText(), PASSAGE, 'the letter, with this statement\'s passage in focus');
  });

  it('refuses geen oordeel before both sides were heard, then decides the conflict', async () => {
    await byTestId(browser, 'rail-conflicts').click();
    const item = await browser.$('//button[@data-testid="conflict-item"][.//strong[text()="Hoe vaak gebeld na 2 oktober"]]');
    await item.waitForExist({ timeout: TIMEOUT });
    await item.click();
    await byTestId(browser, 'conflict-resolution-select').selectByAttribute('value', 'not_establishable');
    await byTestId(browser, 'conflict-save').click();
    const error = byTestId(browser, 'conflict-resolution-error');
    await error.waitForExist({ timeout: TIMEOUT });
    assert.match(await error.getText(), /pas “niet vast te stellen” als beide partijen elkaars lezing hebben gezien/);
    await screenshot(browser, '13-conflict-refused');

    await byTestId(browser, 'conflict-heard').click();
    await byTestId(browser, 'conflict-reasoning').setValue('Verzoekster heeft geen beloverzicht; het KCC houdt geen gesprekshistorie bij.');
    await byTestId(browser, 'conflict-save').click();
    await browser.waitUntil(async () => (await byTestId(browser, 'conflicts-notice').getText()) === 'Tegenstrijdigheid opgeslagen.', { timeout: TIMEOUT });
    await browser.waitUntil(async () => /Niet vast te stellen \(geen oordeel\)/.test(await item.getText()), {
      timeout: TIMEOUT,
      timeoutMsg: 'the list shows the decision',
    });
    assert.match(await byTestId(browser, 'conflict-findings').getText(), /Lezing van verzoekster\.[\s\S]*Lezing van de gemeente\.[\s\S]*Vaststelling\./);
    await screenshot(browser, '14-conflict-decided');

    const counted = await browser.$('//button[@data-testid="conflict-item"][.//strong[text()="Aantal contacten met het KCC"]]');
    await counted.click();
    await byTestId(browser, 'record-missing').waitForExist({ timeout: TIMEOUT });
    await screenshot(browser, '15-conflict-with-hearing');
    await byTestId(browser, 'record-missing').click();
    await browser.waitUntil(
      async () => /Vastgelegd bij klachtonderdeel 1: Goede organisatie — niet behoorlijk/.test(await byTestId(browser, 'conflicts-notice').getText()),
      { timeout: TIMEOUT },
    );

    await byTestId(browser, 'rail-overview').click();
    const first = await browser.$('[data-testid="complaint-point"]');
    await first.waitForExist({ timeout: TIMEOUT });
    assert.match(await first.getText(), /Goede organisatie — niet behoorlijk/, 'the missing record is now a finding on point 1');
    const row = await browser.$('//li[@data-testid="overview-conflict"][.//strong[text()="Hoe vaak gebeld na 2 oktober"]]');
    await row.waitForExist({ timeout: TIMEOUT });
    assert.match(await row.getText(), /hoor en wederhoor gedaan[\s\S]*Niet vast te stellen/, 'the Overzicht shows it decided');
  });

  it('finds the passage through the dossier search, diacritics folded', async () => {
    await byTestId(browser, 'dossier-search-box').setValue('doorverwezen');
    await byTestId(browser, 'search-hits').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'search-hits').getText(), /klachtbrief\.pdf/);
  });
});
