// Signals across dossiers and the list's filters, from a dossier made in the app beside the
// demo: a new dossier about another body (with diacritics and a long name) gets a complaint
// point judged gegrond on an older norm, which counts under the current norm it maps to. The
// list is filtered on that norm and on the body and shows exactly the right dossiers; after a
// restart the filter is back, and a filter typed into the hash is read as far as it can be. On
// Signalen a period that cannot be read is refused per field, an empty period says so, and a
// bar opens exactly the dossiers behind it. Then the yearly overview (PDF) and the count (CSV)
// are exported through the save dialog, each on record in the audit log.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { artifacts, byTestId, screenshot, startApp, startDriver, stopDriver, useTemporaryDatabase } from './harness.mjs';

const TIMEOUT = 20_000;
const DEMO = '2019-0117';
const BODY = 'Gemeente Súdwest-Fryslân, afdeling Belastingen en Kwijtschelding';
const OLDER_NORM = 'klassiek/adequate-organisatorische-voorzieningen';
const until = (browser, test, message) => browser.waitUntil(test, { timeout: TIMEOUT, timeoutMsg: message });

async function press(element) {
  await element.scrollIntoView({ block: 'center' });
  await element.click();
}

async function references(browser) {
  const refs = [];
  for (const row of await browser.$$('[data-testid="dossier-row"]')) refs.push(await row.getAttribute('data-reference'));
  return refs;
}

async function chips(browser) {
  const out = [];
  for (const chip of await browser.$$('[data-testid="filter-chip"]')) out.push(String(await chip.getProperty('textContent')).replace(/\s+/g, ' ').trim());
  return out;
}

async function openList(browser) {
  await browser.execute(() => {
    window.location.hash = '#/';
  });
  await byTestId(browser, 'list-filters').waitForExist({ timeout: TIMEOUT });
}

const hash = (browser) => browser.execute(() => decodeURIComponent(window.location.hash));

/** Waits until the list shows exactly these dossiers, in this order. */
async function listShows(browser, expected, message) {
  await until(browser, async () => (await references(browser)).join() === expected.join(), `${message} (shows ${await references(browser)})`);
}

/** The bar of the row labelled `label` in a section's chart. */
function bar(browser, chart, label, depth = 0) {
  const nested = depth === 1 ? ' and contains(@class, "nested")' : ' and not(contains(@class, "nested"))';
  return browser.$(`//ul[@data-testid="bars-${chart}"]/li[@data-label="${label}"${nested}]//a[@data-testid="bar"]`);
}

async function openSignals(browser) {
  await press(byTestId(browser, 'signals-link'));
  await byTestId(browser, 'signals-period').waitForExist({ timeout: TIMEOUT });
}

async function choosePeriod(browser, from, to) {
  await byTestId(browser, 'period-from').clearValue();
  await byTestId(browser, 'period-from').setValue(from);
  await byTestId(browser, 'period-to').clearValue();
  if (to) await byTestId(browser, 'period-to').setValue(to);
  await press(byTestId(browser, 'period-show'));
}

/**
 * Clicks an export button and answers the native GTK save dialog with `target`, as a user types
 * a path (xdotool), then waits for the screen to say where the file went.
 */
async function saveThroughDialog(browser, button, target, said) {
  await press(byTestId(browser, button));
  const dialog = execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--name', 'Save File|opslaan'], { timeout: TIMEOUT })
    .toString()
    .trim()
    .split('\n')[0];
  execFileSync('xdotool', ['windowfocus', '--sync', dialog], { timeout: TIMEOUT });
  await browser.pause(500);
  execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+a']);
  execFileSync('xdotool', ['type', '--delay', '15', target]);
  execFileSync('xdotool', ['key', 'Return']);
  const notice = byTestId(browser, 'signals-notice');
  try {
    await until(browser, async () => said.test(await notice.getText().catch(() => '')), `the screen says where ${path.basename(target)} went`);
  } catch (e) {
    try {
      execFileSync('import', ['-window', 'root', path.join(artifacts, 'signals-dialog-failure.png')]);
    } catch {
      // No screenshot tool: the assertion still says what failed.
    }
    throw e;
  }
  assert.ok((await notice.getText()).includes(target), 'the notice names the file');
  assert.ok(existsSync(target), 'the file is where the dialog said');
}

describe('signals and the list filters, from a dossier made in the app', () => {
  let browser;
  let reference;
  let database;

  before(async () => {
    database = useTemporaryDatabase();
    await startDriver();
    browser = await startApp();
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await stopDriver();
  });

  it('makes a dossier about another body with a point judged gegrond on an older norm', async () => {
    await byTestId(browser, 'new-dossier').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'new-dossier').click();
    await byTestId(browser, 'field-title').setValue('Verzoek om kwijtschelding van de afvalstoffenheffing niet beantwoord');
    await byTestId(browser, 'field-received').setValue('3-2-2025');
    await byTestId(browser, 'field-bodies').setValue(BODY);
    await byTestId(browser, 'field-keywords').setValue('kwijtschelding, bereikbaarheid');
    await byTestId(browser, 'field-requester-name').setValue('Anaïs Çelik-de Vries');
    await byTestId(browser, 'submit-dossier').click();
    await byTestId(browser, 'list-notice').waitForExist({ timeout: TIMEOUT });
    reference = /Dossier (\S+) is aangemaakt/.exec(await byTestId(browser, 'list-notice').getText())?.[1];
    assert.ok(reference, 'the list says which reference the new dossier got');

    await browser.$(`[data-reference="${reference}"] td.ref a`).click();
    await byTestId(browser, 'point-text').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'point-text').setValue('Het verzoek om kwijtschelding is na vier maanden nog niet beantwoord.');
    await press(byTestId(browser, 'point-add'));
    await byTestId(browser, 'complaint-point').waitForExist({ timeout: TIMEOUT });

    await byTestId(browser, 'rail-assessment').click();
    const point = byTestId(browser, 'point-1');
    await point.waitForExist({ timeout: TIMEOUT });
    await press(point.$('[data-testid="add-norm"]'));
    const judgement = point.$('[data-testid="judgement"]');
    await judgement.$('[data-testid="judgement-norm"]').selectByAttribute('value', OLDER_NORM);
    await judgement.$('[data-testid="outcome-niet_behoorlijk"]').click();
    await judgement.$('[data-testid="judgement-considerations"]').setValue('Het verzoek is niet geregistreerd; niemand volgde het op.');
    await point.$('[data-testid="verdict"]').selectByAttribute('value', 'gegrond');
    await press(point.$('[data-testid="save-point"]'));
    await point.$('[data-testid="point-notice"]').waitForExist({ timeout: TIMEOUT });
    assert.match(await point.$('[data-testid="point-notice"]').getText(), /opgeslagen/i, 'the assessment is saved');
  });

  it('filters the list on a current norm (finding its older form) and on a body, exactly', async () => {
    await openList(browser);
    await listShows(browser, [reference, DEMO], 'both dossiers before filtering');

    // The demo judged goede organisatie itself; the new dossier an older norm that maps to it.
    await byTestId(browser, 'filter-norm').selectByAttribute('value', 'goede-organisatie');
    await listShows(browser, [reference, DEMO], 'a current norm also finds the older norm mapped to it');
    await byTestId(browser, 'filter-norm').selectByAttribute('value', OLDER_NORM);
    await listShows(browser, [reference], 'the older norm itself only finds the dossier judged on it');
    await byTestId(browser, 'filter-norm').selectByAttribute('value', 'goede-organisatie');

    await byTestId(browser, 'filter-body').selectByAttribute('value', 'b:Gemeente Voorbeeldstad');
    await listShows(browser, [DEMO], 'the demo is about Gemeente Voorbeeldstad');
    await byTestId(browser, 'filter-body').selectByAttribute('value', 'p:WIJ-team Oost');
    await listShows(browser, [DEMO], 'the WIJ-team is a partner in the demo only');
    await byTestId(browser, 'filter-body').selectByAttribute('value', `b:${BODY}`);
    await listShows(browser, [reference], 'the norm and the new body together leave the new dossier');

    assert.deepEqual(await chips(browser), [`Instantie: ${BODY}×`, 'Norm niet behoorlijk: Goede organisatie×'], 'the filters are shown as chips');
    const shown = await hash(browser);
    assert.match(shown, /^#\/\?/, 'the filters are in the hash');
    assert.match(shown, /instantie=Gemeente Súdwest-Fryslân, afdeling Belastingen en Kwijtschelding/);
    assert.match(shown, /norm=goede-organisatie/);
    await screenshot(browser, '80-lijst-gefilterd');

    // Search words on top leave nothing: the message names every filter and the words.
    await byTestId(browser, 'dossier-search').setValue('parkeervergunning');
    await byTestId(browser, 'dossiers-no-match').waitForExist({ timeout: TIMEOUT });
    const empty = await byTestId(browser, 'dossiers-no-match').getText();
    assert.match(empty, /Geen dossiers voldoen aan “Instantie: Gemeente Súdwest-Fryslân, afdeling Belastingen en Kwijtschelding”, “Norm niet behoorlijk: Goede organisatie” en “Zoekwoorden: parkeervergunning”\./);
    await screenshot(browser, '81-lijst-geen-resultaat');
    // As a user empties the box (WebDriver's clear does not tell the page).
    await press(byTestId(browser, 'dossier-search'));
    await browser.keys(['Control', 'a']);
    await browser.keys(['Backspace']);
    await listShows(browser, [reference], 'without the words the dossier is back');
  });

  it('comes back to the same filters after a restart', async () => {
    // Local storage is written behind the page's back; give it a moment before the app closes.
    await browser.pause(1500);
    await browser.deleteSession();
    browser = await startApp();
    await byTestId(browser, 'list-filters').waitForExist({ timeout: TIMEOUT });
    await listShows(browser, [reference], 'the remembered filters are applied on start');
    assert.deepEqual(await chips(browser), [`Instantie: ${BODY}×`, 'Norm niet behoorlijk: Goede organisatie×'], 'and shown again');
    assert.equal(await byTestId(browser, 'filter-norm').getValue(), 'goede-organisatie', 'the control shows the norm chosen');

    await press(browser.$('[data-testid="filter-chip"][data-filter="norm"]'));
    await listShows(browser, [reference], 'removing the norm chip keeps the body filter');
    await press(byTestId(browser, 'filters-clear-all'));
    await listShows(browser, [reference, DEMO], '"Alle filters wissen" shows everything again');
    assert.equal(await hash(browser), '#/', 'and the hash is bare');
  });

  it('reads a filter typed into the hash, ignores what it cannot read, and clears from an empty result', async () => {
    await browser.execute(() => {
      window.location.hash = '#/?instantie=Gemeente%20Voorbeeldstad&jaar=2025&onzin=%E0%A4&status=verzonnen';
    });
    await byTestId(browser, 'dossiers-no-match').waitForExist({ timeout: TIMEOUT });
    assert.deepEqual(await chips(browser), ['Instantie: Gemeente Voorbeeldstad×', 'Jaar: 2025×'], 'unknown and garbled parameters are left out');
    assert.match(await byTestId(browser, 'dossiers-no-match').getText(), /“Instantie: Gemeente Voorbeeldstad” en “Jaar: 2025”/);
    await press(byTestId(browser, 'no-match-clear'));
    await listShows(browser, [reference, DEMO], '"Filters wissen" shows everything');
    assert.equal(await hash(browser), '#/');
  });

  it('refuses a period it cannot read per field, and says so when a period has no dossiers', async () => {
    await openSignals(browser);
    await choosePeriod(browser, '31-2-2025', '');
    await byTestId(browser, 'period-error-from').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'period-error-from').getText(), /geen bestaande datum/);
    assert.ok(!(await byTestId(browser, 'period-error-to').isExisting()), 'an empty end is an open side, not an error');
    await screenshot(browser, '82-signalen-fout');

    await choosePeriod(browser, '1-1-2021', '31-12-2021');
    await byTestId(browser, 'signals-empty').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'signals-empty').getText(), /geen dossiers ontvangen in 2021/);
    assert.ok(!(await byTestId(browser, 'period-error-from').isExisting()), 'the error went with the good input');
    await screenshot(browser, '83-signalen-leeg');
  });

  it('opens exactly the dossiers behind a bar', async () => {
    await press(byTestId(browser, 'period-all'));
    await until(browser, async () => /alle jaren/.test(await byTestId(browser, 'signals-period').getText()), 'everything is counted');
    assert.equal(await byTestId(browser, 'figure-dossiers').$('.number').getText(), '2', 'the demo and the new dossier');
    assert.ok(await byTestId(browser, 'small-legend').isExisting(), 'counts under five dossiers are explained');
    await screenshot(browser, '84-signalen-alles');
    await byTestId(browser, 'section-quarters').scrollIntoView({ block: 'end' });
    await screenshot(browser, '85-signalen-normen-kwartalen');
    // As judged, the older norm stands on its own instead of beneath goede organisatie.
    await press(byTestId(browser, 'norms-judged'));
    await bar(browser, 'judged-norms', 'Adequate organisatorische voorzieningen').waitForExist({ timeout: TIMEOUT });
    await press(byTestId(browser, 'norms-current'));

    await press(bar(browser, 'bodies', BODY));
    await listShows(browser, [reference], 'the bar of the new body opens the new dossier only');
    assert.deepEqual(await chips(browser), [`Uit Signalen: ${BODY}, alle jaren (1 dossier)×`]);

    await openSignals(browser);
    assert.match(await byTestId(browser, 'signals-period').getText(), /alle jaren/, 'Signalen keeps the period chosen');
    await press(bar(browser, 'verdicts', 'Gegrond'));
    await listShows(browser, [reference, DEMO], 'both dossiers have a point judged gegrond');

    await openSignals(browser);
    await press(bar(browser, 'norms', 'Adequate organisatorische voorzieningen', 1));
    await listShows(browser, [reference], 'the older norm beneath goede organisatie is the new dossier’s');

    await openSignals(browser);
    await press(bar(browser, 'bodies', 'WIJ-team Oost', 1));
    await listShows(browser, [DEMO], 'the partner beneath its body opens the demo');
  });

  it('exports the yearly overview (PDF) and the count (CSV) through the save dialog, on record', async () => {
    await openSignals(browser);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'wederhoor-signalen-'));
    const csvFile = path.join(folder, 'telling.csv');
    await saveThroughDialog(browser, 'export-overview-csv', csvFile, /Telling opgeslagen/);
    const csv = readFileSync(csvFile, 'utf8');
    assert.match(csv, /Súdwest-Fryslân/, 'bodies keep their (public) names and their diacritics');
    assert.doesNotMatch(csv, /Anaïs|Çelik|Noëlle/, 'no requester is named in the count');

    const pdfFile = path.join(folder, 'jaaroverzicht.pdf');
    await saveThroughDialog(browser, 'export-overview-pdf', pdfFile, /Jaaroverzicht opgeslagen/);
    assert.equal(readFileSync(pdfFile).subarray(0, 5).toString(), '%PDF-', 'a PDF was written');

    // Data left the database, anonymised or not: both exports are in the audit log.
    const actions = execFileSync('sqlite3', [database, "SELECT action FROM audit_log WHERE action LIKE 'export.signals%' ORDER BY id"]).toString().trim().split('\n');
    assert.deepEqual(actions, ['export.signals_csv', 'export.signals_pdf']);
  });

  it('reads in English too', async () => {
    await browser.$('button=EN').click();
    await until(browser, async () => /Period: all years/.test(await byTestId(browser, 'signals-period').getText()), 'the screen switches language');
    await screenshot(browser, '86-signals-english');
    await browser.$('button=NL').click();
  });
});
