// The foundation's end-to-end path: demo on first start, the "Nieuw dossier" form with bad and
// good input, the dossier surviving a restart, the demo dossier's Overzicht, and importing files.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { byTestId, repo, screenshot, startApp, startDriver, stopDriver, useTemporaryDatabase } from './harness.mjs';

const TIMEOUT = 20_000;
const NEW_TITLE = 'Naheffing parkeerbelasting na verhuizing — mevrouw Zoë Ünal-Brouwer';

async function rowReferences(browser) {
  await byTestId(browser, 'dossier-table').waitForExist({ timeout: TIMEOUT });
  const rows = await browser.$$('[data-testid="dossier-row"]');
  const refs = [];
  for (const row of rows) refs.push(await row.getAttribute('data-reference'));
  return refs;
}

async function pointTexts(browser) {
  const out = [];
  for (const li of await browser.$$('[data-testid="complaint-point"]')) out.push(await li.getText());
  return out;
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
    await stopDriver();
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
    await byTestId(browser, 'field-requester-name').setValue('Zoë Ünal-Brouwer');
    await byTestId(browser, 'field-requester-pseudonym').clearValue();
    await byTestId(browser, 'field-requester-pseudonym').setValue('verzoekster');
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

  it('builds the new dossier in the app: parties, complaint points, undo and redo', async () => {
    await browser.$('[data-reference="2026-0001"] td.ref a').click();
    await byTestId(browser, 'overview-title').waitForExist({ timeout: TIMEOUT });
    const parties = async () => (await browser.$$('[data-testid="party-row"]')).length;
    assert.equal(await parties(), 2, 'the form made the requester and the body parties');

    await byTestId(browser, 'party-add').click();
    await byTestId(browser, 'party-name').setValue('Jan de Vries');
    await byTestId(browser, 'party-pseudonym').setValue('Zoë Ünal-Brouwer');
    await byTestId(browser, 'party-submit').click();
    const clash = byTestId(browser, 'error-pseudonym');
    await clash.waitForExist({ timeout: TIMEOUT });
    assert.match(await clash.getText(), /naam van een partij/, 'a pseudonym that names the requester is refused');
    await byTestId(browser, 'party-pseudonym').clearValue();
    await byTestId(browser, 'party-pseudonym').setValue('ambtenaar A.');
    await byTestId(browser, 'party-submit').click();
    await screenshot(browser, '03a-party-form');
    await browser.waitUntil(async () => (await parties()) === 3, { timeout: TIMEOUT, timeoutMsg: 'the official is added' });

    for (const text of ['Geen ontvangstbevestiging.', 'Niet teruggebeld.']) {
      await byTestId(browser, 'point-text').setValue(text);
      await byTestId(browser, 'point-add').click();
      await browser.waitUntil(async () => (await pointTexts(browser)).some((p) => p.includes(text)), { timeout: TIMEOUT, timeoutMsg: `point ${text} is added` });
    }
    await (await browser.$$('[data-testid="point-up"]'))[0].click();
    await browser.waitUntil(async () => (await pointTexts(browser))[0].includes('Niet teruggebeld.'), { timeout: TIMEOUT });
    await screenshot(browser, '03-built-dossier');

    const undo = byTestId(browser, 'undo');
    let said = '';
    await browser
      .waitUntil(async () => /Ongedaan maken: klachtonderdeel .* verplaatst/.test((said = String(await undo.getProperty("textContent")).trim())), { timeout: TIMEOUT })
      .catch(() => assert.fail(`the button says what it undoes, but reads "${said}"`));
    await undo.click();
    await browser.waitUntil(async () => (await pointTexts(browser))[0].includes('Geen ontvangstbevestiging.'), { timeout: TIMEOUT });
    await byTestId(browser, 'redo').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'redo').click();
    await browser.waitUntil(async () => (await pointTexts(browser))[0].includes('Niet teruggebeld.'), { timeout: TIMEOUT });

    await (await browser.$$('[data-testid="party-remove"]'))[2].click();
    await browser.waitUntil(async () => (await parties()) === 2, { timeout: TIMEOUT });
    await byTestId(browser, 'undo').click();
    await browser.waitUntil(async () => (await parties()) === 3, { timeout: TIMEOUT, timeoutMsg: 'undo brings the removed party back' });
    await browser.$('a.back').click();
    await byTestId(browser, 'new-dossier').waitForExist({ timeout: TIMEOUT });
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

    const rail = await browser.$$('nav.rail li button');
    const labels = [];
    for (const b of rail) labels.push(await b.getText());
    assert.deepEqual(
      labels,
      ['Overzicht', 'Stukken', 'Tegenover elkaar', 'Tegenstrijdigheden', 'Beoordeling', 'Rapport', 'Logboek'],
      'every screen of the investigation is in the rail and reachable, in the order of the work, the Logboek last',
    );
    await screenshot(browser, '03-overview');
  });
});

describe('importing a dossier file in the real app', () => {
  let browser;
  let dir;

  before(async () => {
    useTemporaryDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'wederhoor-import-'));
    await startDriver();
    browser = await startApp();
    await byTestId(browser, 'dossier-table').waitForExist({ timeout: TIMEOUT });
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await stopDriver();
  });

  function demoWith(edit) {
    const file = JSON.parse(readFileSync(path.join(repo, 'crates/store/demo/2019-0117-geen-postadres.json'), 'utf8'));
    edit(file);
    const target = path.join(dir, `${file.dossier.reference}-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(target, JSON.stringify(file));
    return target;
  }

  it('refuses a file with a dangling reference and names the place', async () => {
    const bad = demoWith((f) => {
      f.dossier.reference = '2019-0999';
      f.statements[3].party = 'p9';
    });
    await byTestId(browser, 'import-file').addValue(bad);
    const notice = byTestId(browser, 'list-notice');
    await notice.waitForExist({ timeout: TIMEOUT });
    assert.match(await notice.getText(), /statements\[3\]\.party: onbekende partij "p9"/);
    assert.deepEqual(await rowReferences(browser), ['2019-0117'], 'nothing was imported');
    await screenshot(browser, '04-import-refused');
  });

  it('imports a valid file and lists the new dossier', async () => {
    const good = demoWith((f) => {
      f.dossier.reference = '2020-0042';
      f.dossier.received_on = '2020-01-15';
    });
    await byTestId(browser, 'import-file').addValue(good);
    await browser.waitUntil(async () => (await rowReferences(browser)).includes('2020-0042'), { timeout: TIMEOUT });
    assert.equal(await byTestId(browser, 'list-notice').getText(), 'Dossier 2020-0042 is geïmporteerd.');
  });

  it('keeps a dossier with 30 parties and long Dutch names readable, and its forms too', async () => {
    const first = ['Anne-Marie', 'Noë', 'Ïsabel', 'Joël', 'Chloë', 'Zoë', 'Daniël', 'Ruud', 'Eliënne', 'Gerrit-Jan'];
    const last = ['van der Heijden-Oosterhuis', 'Ünal-Brouwer', 'de Vries-Çelik', "in 't Veld", 'Vermeulen-Ğündüz'];
    const wide = demoWith((f) => {
      f.dossier.reference = '2020-0030';
      f.dossier.title = 'Langdurige onbereikbaarheid van de afdeling Werk, Inkomen en Maatschappelijke Ondersteuning tijdens de herindeling';
      for (let i = 0; i < 25; i++) {
        f.parties.push({
          id: `px${i}`,
          role: i % 3 === 0 ? 'official' : 'witness',
          name: `${first[i % first.length]} ${last[i % last.length]}`,
          pseudonym: i % 3 === 0 ? `ambtenaar ${String.fromCharCode(66 + i)}.` : `getuige ${i + 1}`,
          aliases: [first[i % first.length]],
        });
      }
    });
    await byTestId(browser, 'import-file').addValue(wide);
    await browser.waitUntil(async () => (await rowReferences(browser)).includes('2020-0030'), { timeout: TIMEOUT });
    await browser.$('[data-reference="2020-0030"] td.ref a').click();
    await byTestId(browser, 'overview-title').waitForExist({ timeout: TIMEOUT });
    assert.equal((await browser.$$('[data-testid="party-row"]')).length, 30);
    await browser.$('#parties-title').scrollIntoView();
    await screenshot(browser, '05-dertig-partijen');
    // Scrolled into the middle: at the top, the sticky undo bar would take the click.
    await byTestId(browser, 'dossier-edit').scrollIntoView({ block: 'center' });
    await byTestId(browser, 'dossier-edit').click();
    await byTestId(browser, 'dossier-form').waitForExist({ timeout: TIMEOUT });
    // Only blanks: clearValue alone fires no input event in WebKit, so the form would not see it.
    await byTestId(browser, 'dossier-title').clearValue();
    await byTestId(browser, 'dossier-title').setValue('   ');
    await byTestId(browser, 'dossier-received').clearValue();
    await byTestId(browser, 'dossier-received').setValue('1-1-2099');
    await byTestId(browser, 'dossier-save').scrollIntoView({ block: 'center' });
    await byTestId(browser, 'dossier-save').click();
    await byTestId(browser, 'error-title').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'error-receivedOn').getText(), /toekomst/, 'both failing fields are marked at once');
    await screenshot(browser, '06-dossiergegevens-fouten');
    await browser.$('button=Annuleren').click();
    await byTestId(browser, 'reaction-add').scrollIntoView({ block: 'center' });
    await byTestId(browser, 'reaction-add').click();
    await byTestId(browser, 'reaction-save').scrollIntoView({ block: 'center' });
    await byTestId(browser, 'reaction-save').click();
    await byTestId(browser, 'error-partyId').waitForExist({ timeout: TIMEOUT });
    assert.ok(await byTestId(browser, 'error-text').isExisting(), 'who, when and what are all marked');
    await byTestId(browser, 'reaction-form').scrollIntoView();
    await screenshot(browser, '07-reactie-fouten');
  });
});
