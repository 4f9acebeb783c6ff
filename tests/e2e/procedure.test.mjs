// The procedure (Awb chapter 9) recorded in the real app on the demo dossier: the internal
// complaint (decided late), beside the request the demo holds, an information request with a term of 14 days and the
// verslag sent. The Overzicht shows the terms and the list shows the next one; then the app is
// started again with its clock (WEDERHOOR_TODAY) past the term: the term is overdue, the
// dossier comes to the top of the list above a newer one, the start notice counts it, and the
// Beoordeling offers voortvarendheid for the late handling, which is accepted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { byTestId, screenshot, startApp, startDriver, stopDriver, useTemporaryDatabase } from './harness.mjs';

const TIMEOUT = 20_000;
const until = (browser, test, message) => browser.waitUntil(test, { timeout: TIMEOUT, timeoutMsg: message });

/** A day as the forms take it (`d-m-jjjj`), `days` after today on this computer. */
function typedDay(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
}

function isoDay(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function press(element) {
  await element.scrollIntoView({ block: 'center' });
  await element.click();
}

async function addStep(browser, { kind, on, due, done, text }) {
  await press(byTestId(browser, 'step-add'));
  await byTestId(browser, 'step-form').waitForExist({ timeout: TIMEOUT });
  await byTestId(browser, 'step-kind').selectByAttribute('value', kind);
  await byTestId(browser, 'step-on').setValue(on);
  if (due === '+2') await press(byTestId(browser, 'step-due-plus-2'));
  else if (due === '+4') await press(byTestId(browser, 'step-due-plus-4'));
  if (done) await byTestId(browser, 'step-done').setValue(done);
  if (text) await byTestId(browser, 'step-text').setValue(text);
  await press(byTestId(browser, 'step-save'));
  await byTestId(browser, 'step-form').waitForExist({ timeout: TIMEOUT, reverse: true });
}

/** The term of this kind that ends last (the demo has an earlier information request, met). */
async function lastTerm(browser, kind) {
  await browser.$(`[data-testid="term"][data-kind="${kind}"]`).waitForExist({ timeout: TIMEOUT });
  const all = await browser.$$(`[data-testid="term"][data-kind="${kind}"]`);
  return all[all.length - 1];
}

async function termState(browser, kind) {
  return (await lastTerm(browser, kind)).$('[data-testid="term-state"]').getText();
}

async function openList(browser) {
  await browser.execute(() => {
    window.location.hash = '#/';
  });
  await byTestId(browser, 'dossier-table').waitForExist({ timeout: TIMEOUT });
}

async function references(browser) {
  const refs = [];
  for (const row of await browser.$$('[data-testid="dossier-row"]')) refs.push(await row.getAttribute('data-reference'));
  return refs;
}

describe('procedure and terms', () => {
  let browser;

  before(async () => {
    delete process.env.WEDERHOOR_TODAY;
    useTemporaryDatabase();
    await startDriver();
    browser = await startApp();
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    delete process.env.WEDERHOOR_TODAY;
    await stopDriver();
  });

  it('records the demo dossier’s procedure and shows its terms in the Overzicht', async () => {
    // A newer dossier first, made in the app: without terms it stays below an overdue one.
    await byTestId(browser, 'new-dossier').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'new-dossier').click();
    await byTestId(browser, 'field-title').setValue('Parkeervergunning geweigerd');
    await byTestId(browser, 'field-received').setValue(typedDay(0));
    await byTestId(browser, 'field-bodies').setValue('Gemeente Voorbeeldstad');
    await byTestId(browser, 'field-requester-name').setValue('Joël Brûlé');
    await byTestId(browser, 'submit-dossier').click();
    await byTestId(browser, 'list-notice').waitForExist({ timeout: TIMEOUT });

    // As a new user starts: an empty Verloop, then a promise of the body with a term of 4 weeks.
    await browser.$('[data-reference="2026-0001"] td.ref a').click();
    await byTestId(browser, 'steps-empty').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'terms-empty').waitForExist({ timeout: TIMEOUT });
    await press(byTestId(browser, 'step-add'));
    await byTestId(browser, 'step-kind').selectByAttribute('value', 'promise');
    assert.match(await byTestId(browser, 'step-party').getValue(), /^\d+$/, 'the only body is proposed as who promised');
    await byTestId(browser, 'step-on').setValue(typedDay(1));
    await press(byTestId(browser, 'step-save'));
    await byTestId(browser, 'error-on').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'error-on').getText(), /toekomst/i, 'a promise made tomorrow is refused');
    await byTestId(browser, 'step-on').clearValue();
    await byTestId(browser, 'step-on').setValue(typedDay(0));
    await press(byTestId(browser, 'step-due-plus-4'));
    await byTestId(browser, 'step-text').setValue('De gemeente belt verzoeker binnen vier weken terug.');
    await press(byTestId(browser, 'step-save'));
    await byTestId(browser, 'step-form').waitForExist({ timeout: TIMEOUT, reverse: true });
    assert.equal(await termState(browser, 'promise'), 'nog 28 dagen');
    await openList(browser);

    await browser.$('[data-reference="2019-0117"] td.ref a').click();
    await byTestId(browser, 'verloop').waitForExist({ timeout: TIMEOUT });
    // The demo holds the request (4 March 2019) and its information request and verslag.
    await byTestId(browser, 'step-row').waitForExist({ timeout: TIMEOUT });
    const before = (await browser.$$('[data-testid="step-row"]')).length;

    // Filed on Monday 2 July 2018: six weeks end on 13 August 2018; decided on 1 October.
    await addStep(browser, { kind: 'internal_complaint_filed', on: '2-7-2018' });
    await addStep(browser, { kind: 'internal_complaint_decided', on: '1-10-2018' });
    await addStep(browser, {
      kind: 'information_requested',
      on: typedDay(0),
      due: '+2',
      text: 'Gevraagd: de klachtregistratie en de correspondentie (Awb 9:31).',
    });
    await addStep(browser, { kind: 'findings_sent', on: typedDay(0), due: '+4' });

    // The timeline is drawn again after each save; the last one may still be on its way.
    const rows = async () => (await browser.$$('[data-testid="step-row"]')).length;
    await browser.waitUntil(async () => (await rows()) === before + 4, { timeout: TIMEOUT }).catch(() => {});
    assert.equal(await rows(), before + 4, 'four more steps on the timeline');
    assert.match(await termState(browser, 'internal_handling'), /te laat: gedaan op 1 oktober 2018, 49 dagen na het einde \(7 weken\)/);
    assert.equal(await termState(browser, 'information'), 'nog 14 dagen');
    const due = await (await lastTerm(browser, 'information')).$('[data-testid="term-due"]').getText();
    assert.match(due, /^uiterlijk \d{1,2} [a-z]+ \d{4}$/, 'a Dutch long date');
    await screenshot(browser, '70-verloop');

    await openList(browser);
    assert.deepEqual((await references(browser)).slice(0, 1), ['2026-0001'], 'the newer dossier is on top while nothing is overdue');
    const next = await browser.$('[data-reference="2019-0117"] [data-testid="next-term"]').getText();
    assert.match(next, /Gevraagde informatie/);
    assert.match(next, /nog 14 dagen/);
  });

  it('with the clock past the term, shows it overdue and the dossier at the top of the list', async () => {
    // The app inherits its environment from tauri-driver, so the driver starts again too.
    await browser.deleteSession();
    await stopDriver();
    process.env.WEDERHOOR_TODAY = isoDay(20);
    await startDriver();
    browser = await startApp();
    await byTestId(browser, 'dossier-table').waitForExist({ timeout: TIMEOUT });
    await until(browser, async () => (await references(browser))[0] === '2019-0117', 'the overdue dossier comes first');
    const notice = await byTestId(browser, 'terms-notice').getText();
    assert.match(notice, /1 termijn\(en\) zijn verlopen/);
    await press(byTestId(browser, 'terms-filter-overdue'));
    await until(browser, async () => (await references(browser)).join() === '2019-0117', 'the filter keeps the overdue dossier only');
    const next = await browser.$('[data-reference="2019-0117"] [data-testid="next-term"]').getText();
    assert.match(next, /verlopen: 6 dagen over de termijn/);
    await screenshot(browser, '71-lijst-termijn-verlopen');

    await browser.$('[data-reference="2019-0117"] td.ref a').click();
    await byTestId(browser, 'verloop').waitForExist({ timeout: TIMEOUT });
    assert.match(await termState(browser, 'information'), /^verlopen: 6 dagen over de termijn$/);
    // The reaction term of the verslag (four weeks) is still running.
    assert.equal(await termState(browser, 'findings_reaction'), 'nog 8 dagen');
  });

  it('offers voortvarendheid for the late handling and adds it with its outcome open', async () => {
    await byTestId(browser, 'rail-assessment').click();
    const offer = browser.$('[data-testid="procedure-offer"][data-norm="voortvarendheid"]');
    await offer.waitForExist({ timeout: TIMEOUT });
    assert.match(await offer.getText(), /13 augustus 2018/);
    const point = offer.$('[data-testid="offer-point"]');
    if ((await point.getValue()) === '' || (await point.getValue()) === 'null') await point.selectByIndex(1);
    await screenshot(browser, '72-beoordeling-voorstel');
    await press(offer.$('[data-testid="offer-accept"]'));
    await byTestId(browser, 'assessment-notice').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'assessment-notice').getText(), /Voortvarendheid is toegevoegd aan klachtonderdeel \d/);
    await offer.waitForExist({ timeout: TIMEOUT, reverse: true });
    const norms = await browser.$$('[data-testid="judgement-norm"]');
    const chosen = [];
    for (const n of norms) chosen.push(await n.getValue());
    assert.ok(chosen.includes('voortvarendheid'), `the norm is on the point: ${chosen}`);
  });
});
