// Search across the whole library, from a dossier made in the app: a new dossier gets a typed
// note and a statement made from it about "stookkosten"; the demo dossier's complaint letter
// speaks of a "sloopwoning". On the Dossiers screen one box finds the statement of the one and
// the source of the other, grouped per dossier; each hit opens its dossier at the passage, the
// match marked in the source reader, and the place survives a reload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { byTestId, screenshot, selectPassage, startApp, startDriver, stopDriver, useTemporaryDatabase } from './harness.mjs';

const TIMEOUT = 20_000;
const until = (browser, test, message) => browser.waitUntil(test, { timeout: TIMEOUT, timeoutMsg: message });

const TITLE = 'Stookkosten niet vergoed door de bijzondere bijstand';
const NOTE = 'Verzoeker belde op 3 november. Hij vraagt waarom de gemeente zijn stookkosten over de winter niet vergoedt, hoewel de consulent dat had toegezegd.';
const PASSAGE = 'waarom de gemeente zijn stookkosten over de winter niet vergoedt';

function typedDay(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
}

async function press(element) {
  await element.scrollIntoView({ block: 'center' });
  await element.click();
}

async function openList(browser) {
  await browser.execute(() => {
    window.location.hash = '#/';
  });
  await byTestId(browser, 'library-box').waitForExist({ timeout: TIMEOUT });
}

/** Types a search in "Zoek in alle dossiers" and waits for its groups: [{ reference, title, hits }]. */
async function searchLibrary(browser, words) {
  const box = byTestId(browser, 'library-box');
  await box.clearValue();
  await box.setValue(words);
  // The results say which search they answer, so an answer to an earlier one does not count.
  await until(
    browser,
    async () => browser.execute((w) => document.querySelector('#library-results')?.dataset.query === w, words.trim()),
    `the library answers "${words}"`,
  );
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="library-group"]')].map((g) => ({
      reference: g.querySelector('.reference').textContent,
      title: g.querySelector('.dossier-title').textContent,
      hits: [...g.querySelectorAll('[data-testid="library-hit"]')].map((a) => ({ kind: a.dataset.kind, text: a.textContent, marked: [...a.querySelectorAll('mark')].map((m) => m.textContent) })),
    })),
  );
}

/** The hit link of this kind in the group of this reference. */
function hitOf(browser, reference, kind) {
  return browser.$(`[data-testid="library-group"][data-reference="${reference}"] [data-testid="library-hit"][data-kind="${kind}"]`);
}

/** The words marked as found in the source reader, and whether the first is in view. */
async function foundInReader(browser) {
  return browser.execute(() => {
    const marks = [...document.querySelectorAll('[data-testid="source-text"] [data-found]')];
    const pane = document.querySelector('[data-testid="source-text"]').getBoundingClientRect();
    const first = marks[0]?.getBoundingClientRect();
    return {
      words: marks.map((m) => m.textContent),
      inView: !!first && first.top >= pane.top && first.bottom <= pane.bottom && first.top < window.innerHeight,
      // The passage the reader was opened for, in the pieces the marked words cut it into.
      focused: [...document.querySelectorAll('[data-testid="source-text"] mark.focus')].map((m) => m.textContent).join('') || null,
    };
  });
}

describe('library search', () => {
  let browser;
  let reference;

  before(async () => {
    delete process.env.WEDERHOOR_TODAY;
    useTemporaryDatabase();
    await startDriver();
    browser = await startApp();
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await stopDriver();
  });

  it('starts from a new, empty dossier: nothing of it is found yet', async () => {
    await byTestId(browser, 'new-dossier').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'new-dossier').click();
    await byTestId(browser, 'field-title').setValue(TITLE);
    await byTestId(browser, 'field-received').setValue(typedDay(0));
    await byTestId(browser, 'field-bodies').setValue('Gemeente Voorbeeldstad');
    await byTestId(browser, 'field-requester-name').setValue('Joël Brûlé');
    await byTestId(browser, 'submit-dossier').click();
    await byTestId(browser, 'list-notice').waitForExist({ timeout: TIMEOUT });
    reference = /Dossier (\S+) is aangemaakt/.exec(await byTestId(browser, 'list-notice').getText())?.[1];
    assert.ok(reference, 'the list says which reference the new dossier got');

    assert.deepEqual(await searchLibrary(browser, 'stookkosten'), [], 'an empty dossier and the demo have no stookkosten');
    assert.match(await byTestId(browser, 'library-empty').getText(), /Niets gevonden in de dossiers/);
    await screenshot(browser, '90-bibliotheek-niets');
  });

  it('adds a note and a statement about stookkosten to the new dossier', async () => {
    await byTestId(browser, 'library-clear').click();
    await browser.$(`[data-reference="${reference}"] td.ref a`).click();
    await byTestId(browser, 'rail-sources').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'rail-sources').click();
    await byTestId(browser, 'type-source').click();
    await byTestId(browser, 'typed-source-form').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'source-form-title').setValue('Telefoonnotitie verzoeker 3 november');
    await byTestId(browser, 'source-form-received').setValue(typedDay(0));
    await byTestId(browser, 'source-form-text').setValue(NOTE);
    await byTestId(browser, 'source-form-save').click();
    await byTestId(browser, 'source-reader').waitForExist({ timeout: TIMEOUT });

    await selectPassage(browser, PASSAGE);
    await byTestId(browser, 'make-statement').click();
    await byTestId(browser, 'statement-form').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'statement-party').selectByVisibleText('Joël Brûlé (Verzoeker)');
    await byTestId(browser, 'statement-kind').selectByAttribute('value', 'claim');
    await byTestId(browser, 'statement-topic').setValue('bijzondere bijstand');
    await byTestId(browser, 'save-statement').click();
    await until(browser, async () => (await byTestId(browser, 'sources-notice').getText()) === 'Lezing opgeslagen.', 'the statement is saved');
  });

  it('finds the new dossier’s statement and the demo’s source, grouped per dossier', async () => {
    await openList(browser);
    const heat = await searchLibrary(browser, 'Stookkost');
    assert.equal(heat.length, 1, 'only the new dossier has the word');
    assert.equal(heat[0].reference, reference);
    assert.equal(heat[0].title, TITLE);
    assert.deepEqual(heat[0].hits.map((h) => h.kind).sort(), ['source', 'statement'], 'the note and the statement made from it');
    for (const hit of heat[0].hits) assert.deepEqual(hit.marked, ['stookkosten'], 'a beginning typed in capitals marks the whole word');

    const demo = await searchLibrary(browser, 'sloopwoning');
    assert.deepEqual(
      demo.map((g) => g.reference),
      ['2019-0117'],
      'the demo dossier’s complaint letter is a source with the word',
    );
    assert.deepEqual(demo[0].hits.map((h) => h.kind), ['source']);
    assert.match(demo[0].hits[0].text, /Klachtbrief van verzoekster/);

    const wide = await searchLibrary(browser, 'gemeente');
    assert.deepEqual(wide.map((g) => g.reference).sort(), ['2019-0117', reference].sort(), 'a common word finds both dossiers');
    assert.ok(wide.every((g) => g.hits.length <= 5), 'at most five passages a dossier');
    await screenshot(browser, '91-bibliotheek-resultaten');
  });

  it('opens the statement at its passage, the word marked, also after a reload', async () => {
    await searchLibrary(browser, 'stookkosten');
    await screenshot(browser, '92-bibliotheek-stookkosten');
    await press(hitOf(browser, reference, 'statement'));
    await byTestId(browser, 'source-reader').waitForExist({ timeout: TIMEOUT });
    await until(browser, async () => (await foundInReader(browser)).words.length > 0, 'the reader marks the word searched for');
    let found = await foundInReader(browser);
    assert.deepEqual(found.words, ['stookkosten'], 'the word searched for is marked in the note');
    assert.equal(found.focused, PASSAGE, 'the statement’s passage is the one focused');
    assert.ok(found.inView, 'the marked word is in view');
    assert.match(await browser.execute(() => location.hash), /^#\/dossier\/\d+\/stuk\/\d+\/lezing\/\d+\?zoek=stookkosten$/);
    await screenshot(browser, '93-lezing-geopend');

    await browser.refresh();
    await byTestId(browser, 'source-reader').waitForExist({ timeout: TIMEOUT });
    await until(browser, async () => (await foundInReader(browser)).words.length === 1, 'after a reload the same passage is open, the word marked');
    found = await foundInReader(browser);
    assert.equal(found.focused, PASSAGE, 'the same passage is focused after the reload');
  });

  it('opens the demo’s source in the reader with the word marked and in view', async () => {
    await openList(browser);
    await searchLibrary(browser, 'sloopwoning');
    await press(hitOf(browser, '2019-0117', 'source'));
    await byTestId(browser, 'source-reader').waitForExist({ timeout: TIMEOUT });
    await until(browser, async () => (await browser.$('[data-testid="source-reader"] h2').getText()) === 'Klachtbrief van verzoekster', 'the complaint letter opens');
    await until(browser, async () => (await foundInReader(browser)).words.length > 0, 'the word is marked in the letter');
    const found = await foundInReader(browser);
    assert.deepEqual(found.words, ['sloopwoning']);
    assert.ok(found.inView, 'the reader scrolled to the word');
    assert.equal(await byTestId(browser, 'rail-reference').getText(), '2019-0117');
    await screenshot(browser, '94-stuk-geopend');

    // Back on the list the search is still there; "meer" and the kinds stay reachable by keyboard.
    await openList(browser);
    assert.equal(await byTestId(browser, 'library-box').getValue(), 'sloopwoning', 'the last search is kept');
    await until(browser, async () => (await browser.$$('[data-testid="library-hit"]')).length === 1, 'and its result shown again');
    await byTestId(browser, 'library-box').click();
    await browser.keys('ArrowDown');
    assert.equal(await browser.execute(() => document.activeElement?.dataset.testid), 'library-hit', 'ArrowDown goes from the box to the first hit');
    await browser.keys('ArrowUp');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'library-box', 'ArrowUp goes back to the box');
    await browser.keys('Escape');
    await until(browser, async () => (await byTestId(browser, 'library-box').getValue()) === '', 'Escape in the box clears it');
  });
});
