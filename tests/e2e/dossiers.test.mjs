// The foundation's end-to-end path: demo on first start, the "Nieuw dossier" form with bad and
// good input, the dossier surviving a restart, and the demo dossier's Overzicht.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { byTestId, screenshot, startApp, startDriver, stopDriver, useTemporaryDatabase } from './harness.mjs';

const TIMEOUT = 20_000;
const NEW_TITLE = 'Naheffing parkeerbelasting na verhuizing — mevrouw Zoë Ünal-Brouwer';

async function rowReferences(browser) {
  await byTestId(browser, 'dossier-table').waitForExist({ timeout: TIMEOUT });
  const rows = await browser.$$('[data-testid="dossier-row"]');
  const refs = [];
  for (const row of rows) refs.push(await row.getAttribute('data-reference'));
  return refs;
}

describe('dossiers in the real app', () => {
  let browser;

  before(async () => {
    useTemporaryDatabase();
    await startDriver();
    browser = await startApp();
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    stopDriver();
  });

  it('shows the demo dossier on the first start of an empty library', async () => {
    const refs = await rowReferences(browser);
    assert.deepEqual(refs, ['2019-0117'], 'an empty database gets the demo dossier and nothing else');
    const title = await browser.getTitle();
    assert.equal(title, 'Wederhoor');
    await screenshot(browser, '01-dossier-list');
  });

  it('refuses an empty title and an impossible date with clear Dutch messages', async () => {
    await byTestId(browser, 'new-dossier').click();
    await byTestId(browser, 'new-dossier-form').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'field-received').setValue('31-02-2026');
    await byTestId(browser, 'field-bodies').setValue('Gemeente Voorbeeldstad');
    await byTestId(browser, 'submit-dossier').click();

    const titleError = byTestId(browser, 'error-title');
    await titleError.waitForExist({ timeout: TIMEOUT });
    assert.equal(await titleError.getText(), 'Vul dit veld in.');
    assert.match(await byTestId(browser, 'error-receivedOn').getText(), /geen bestaande datum/);
    assert.match(await byTestId(browser, 'form-error').getText(), /niet aangemaakt/);
    await screenshot(browser, '02-form-errors');
    assert.deepEqual(await rowReferences(browser), ['2019-0117'], 'nothing was created');
  });

  it('creates a dossier through the form and lists it', async () => {
    await byTestId(browser, 'field-title').setValue(NEW_TITLE);
    await byTestId(browser, 'field-received').clearValue();
    await byTestId(browser, 'field-received').setValue('3-2-2026');
    await byTestId(browser, 'field-keywords').setValue('parkeerbelasting, naheffing');
    await byTestId(browser, 'submit-dossier').click();

    await byTestId(browser, 'list-notice').waitForExist({ timeout: TIMEOUT });
    assert.equal(await byTestId(browser, 'list-notice').getText(), 'Dossier 2026-0001 is aangemaakt.');
    assert.deepEqual(await rowReferences(browser), ['2026-0001', '2019-0117'], 'newest received first');
    const row = await browser.$('[data-reference="2026-0001"]');
    assert.match(await row.getText(), /Zoë Ünal-Brouwer/, 'diacritics survive the round trip');
    assert.match(await row.getText(), /Intake/, 'a new dossier starts at intake');
  });

  it('filters the list with the search box, ignoring diacritics', async () => {
    await byTestId(browser, 'dossier-search').setValue('zoe unal');
    await browser.waitUntil(async () => (await rowReferences(browser)).length === 1, { timeout: TIMEOUT });
    assert.deepEqual(await rowReferences(browser), ['2026-0001']);
    await byTestId(browser, 'dossier-search').setValue('bestaat-niet');
    await byTestId(browser, 'dossiers-no-match').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'dossier-search').clearValue();
  });

  it('still shows the new dossier after the app is closed and started again', async () => {
    await browser.deleteSession();
    browser = await startApp();
    assert.deepEqual(await rowReferences(browser), ['2026-0001', '2019-0117'], 'what was saved is still there');
  });

  it("opens the demo dossier's Overzicht", async () => {
    await browser.$('[data-reference="2019-0117"] td.ref a').click();
    const title = byTestId(browser, 'overview-title');
    await title.waitForExist({ timeout: TIMEOUT });
    assert.equal(await title.getText(), 'Geen postadres na woningbrand');
    assert.equal(await byTestId(browser, 'rail-reference').getText(), '2019-0117');

    const verdicts = await browser.$$('[data-testid="verdict"]');
    const texts = [];
    for (const v of verdicts) texts.push(await v.getText());
    assert.deepEqual(texts, ['Geen oordeel', 'Gegrond', 'Niet gegrond'], 'the three complaint points with their verdicts');
    assert.match(await byTestId(browser, 'count-records').getText(), /^2\b/, 'two registered contacts');
    assert.equal((await browser.$$('[data-testid="party-row"]')).length, 5);

    const sources = byTestId(browser, 'rail-sources');
    assert.equal(await sources.getTagName(), 'span', 'screens not built yet are not clickable');
    await screenshot(browser, '03-overview');
  });
});
