// A whole investigation built in the real app from an empty dossier, as a new user does it: no
// dossier file is imported. Parties (with pseudonyms, aliases and a partner acting for the
// body), complaint points, a typed phone note and a PDF letter, statements from passages, a
// conflict heard on both sides and decided, each point assessed, a verslag van bevindingen and
// a rapport made final, and the public PDF, which must name no person but does name the body.
// Then three edits are undone, the app restarted, and the edits redone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  byTestId,
  exportThroughDialog,
  repo,
  screenshot,
  selectPassage,
  startApp,
  startDriver,
  stopDriver,
  undoText,
  useTemporaryDatabase,
} from './harness.mjs';

const TIMEOUT = 20_000;
const REQUESTER = 'Zoë Ünal-Brouwer';
const ALIASES = ['Zoë', 'mevrouw Ünal-Brouwer'];
const BODY = 'Gemeente Voorbeeldstad';
const OFFICIAL = 'Pieter Dijkstra';
const PARTNER = 'Stadsbeheer Parkeren Noord';
const NOTE_TEXT = [
  'Telefoonnotitie van het klantcontactcentrum, 12 november 2026.',
  'In het klantsysteem staan twee contacten met mevrouw over het bezwaar.',
  'Een terugbelverzoek van 21 oktober 2026 is niet geregistreerd.',
].join(' ');
const CLAIM_CALLS = 'Ik heb daarna vijf keer gebeld en nooit een ontvangstbevestiging gekregen.';
const CLAIM_CALLBACK = 'De baliemedewerker beloofde mij op 21 oktober 2026 teruggebeld te worden.';
const RECORD_CONTACTS = 'In het klantsysteem staan twee contacten met mevrouw over het bezwaar.';
const RECORD_CALLBACK = 'Een terugbelverzoek van 21 oktober 2026 is niet geregistreerd.';
const CONFLICT = 'Hoe vaak belde verzoekster';

const rows = (browser, testId) => browser.$$(`[data-testid="${testId}"]`);
const count = async (browser, testId) => (await rows(browser, testId)).length;
const texts = async (browser, testId) => {
  const out = [];
  for (const el of await rows(browser, testId)) out.push(await el.getText());
  return out;
};
const until = (browser, test, message) => browser.waitUntil(test, { timeout: TIMEOUT, timeoutMsg: message });
/** Clicks `element` scrolled to the middle of the screen: at the top, the sticky undo bar would take the click. */
async function press(element) {
  await element.scrollIntoView({ block: 'center' });
  await element.click();
}
const partyRow = (browser, name) => browser.$(`//tr[@data-testid="party-row"][.//td[contains(., "${name}")]]`);

async function fillParty(browser, { role, name, pseudonym, aliases, actsFor }) {
  await byTestId(browser, 'party-form').waitForExist({ timeout: TIMEOUT });
  if (role) await byTestId(browser, 'party-role').selectByAttribute('value', role);
  if (name !== undefined) {
    await byTestId(browser, 'party-name').clearValue();
    await byTestId(browser, 'party-name').setValue(name);
  }
  if (pseudonym === 'suggested') await byTestId(browser, 'suggest-pseudonym').click();
  if (aliases) {
    await byTestId(browser, 'party-aliases').clearValue();
    await byTestId(browser, 'party-aliases').setValue(aliases.join(', '));
  }
  if (actsFor) await byTestId(browser, 'party-acts-for').selectByVisibleText(actsFor);
}

async function submitParty(browser) {
  await press(byTestId(browser, 'party-submit'));
  await byTestId(browser, 'party-form').waitForExist({ timeout: TIMEOUT, reverse: true });
}

async function makeStatement(browser, passage, { party, kind, day, topic }) {
  await selectPassage(browser, passage);
  await byTestId(browser, 'make-statement').click();
  await byTestId(browser, 'statement-form').waitForExist({ timeout: TIMEOUT });
  await byTestId(browser, 'statement-party').selectByVisibleText(party);
  await byTestId(browser, 'statement-kind').selectByAttribute('value', kind);
  if (day) {
    await byTestId(browser, 'statement-date-kind').selectByAttribute('value', 'day');
    await byTestId(browser, 'statement-day').setValue(day);
  }
  await byTestId(browser, 'statement-topic').setValue(topic);
  await byTestId(browser, 'save-statement').click();
  await until(browser, async () => (await byTestId(browser, 'sources-notice').getText()) === 'Lezing opgeslagen.', `statement "${passage}" is saved`);
  await byTestId(browser, 'statement-form').waitForExist({ timeout: TIMEOUT, reverse: true });
}

async function openSource(browser, title) {
  const item = await browser.$(`//button[@data-testid="source-item"][.//strong[text()="${title}"]]`);
  await item.waitForExist({ timeout: TIMEOUT });
  await press(item);
  await until(browser, async () => (await browser.$('[data-testid="source-reader"] h2').getText()) === title, `source ${title} opens`);
}

async function recordReaction(browser, { party, day, text, contests }) {
  await byTestId(browser, 'reaction-add').click();
  await byTestId(browser, 'reaction-form').waitForExist({ timeout: TIMEOUT });
  await byTestId(browser, 'reaction-party').selectByVisibleText(party);
  await byTestId(browser, 'reaction-received').setValue(day);
  await byTestId(browser, 'reaction-text').setValue(text);
  const box = await browser.$(`//label[.//span[contains(., "${contests}")]]/input[@data-testid="reaction-contest"]`);
  await box.waitForExist({ timeout: TIMEOUT });
  await box.click();
  await byTestId(browser, 'reaction-save').click();
  await byTestId(browser, 'reaction-form').waitForExist({ timeout: TIMEOUT, reverse: true });
}

async function assess(browser, number, verdict, breach) {
  const point = byTestId(browser, `point-${number}`);
  await point.waitForExist({ timeout: TIMEOUT });
  if (breach) {
    await point.$('[data-testid="add-norm"]').click();
    const judgement = point.$('[data-testid="judgement"]');
    await judgement.$('[data-testid="judgement-norm"]').selectByAttribute('value', breach);
    await judgement.$('[data-testid="outcome-niet_behoorlijk"]').click();
    await judgement.$('[data-testid="judgement-considerations"]').setValue('Het bezwaar is niet bevestigd en verzoekster is niet teruggebeld.');
  }
  await point.$('[data-testid="verdict"]').selectByAttribute('value', verdict);
  await point.$('[data-testid="save-point"]').click();
  await point.$('[data-testid="point-notice"]').waitForExist({ timeout: TIMEOUT });
}

async function draftAndFinalise(browser, kind) {
  await byTestId(browser, `kind-${kind}`).click();
  await byTestId(browser, 'new-draft').click();
  await byTestId(browser, 'report-editor').waitForExist({ timeout: TIMEOUT });
  await byTestId(browser, 'finalise').click();
  assert.match(await browser.$('#confirm-text').getText(), /niet ongedaan worden gemaakt/, 'the app says a final version is not undone');
  await byTestId(browser, 'finalise-confirm').click();
  await byTestId(browser, 'frozen').waitForExist({ timeout: TIMEOUT });
}

async function openDossier(browser, reference) {
  const link = browser.$(`[data-reference="${reference}"] td.ref a`);
  await link.waitForExist({ timeout: TIMEOUT });
  await link.click();
  await byTestId(browser, 'overview-title').waitForExist({ timeout: TIMEOUT });
}

async function step(browser, button, expected) {
  await until(browser, async () => expected.test(await undoText(browser, button)), `the ${button} button says ${expected} (it says "${await undoText(browser, button)}")`);
  await byTestId(browser, button).click();
}

describe('an investigation built in the app from an empty dossier', () => {
  let browser;
  let reference;

  before(async () => {
    useTemporaryDatabase();
    await startDriver();
    browser = await startApp();
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await stopDriver();
  });

  it('creates the dossier with its requester and body', async () => {
    await byTestId(browser, 'new-dossier').click();
    await byTestId(browser, 'field-title').setValue('Bezwaar tegen naheffing parkeerbelasting niet behandeld');
    await byTestId(browser, 'field-received').setValue('16-11-2026');
    await byTestId(browser, 'field-bodies').setValue(BODY);
    await byTestId(browser, 'field-requester-name').setValue(REQUESTER);
    await byTestId(browser, 'field-requester-pseudonym').clearValue();
    await byTestId(browser, 'field-requester-pseudonym').setValue('verzoekster');
    await byTestId(browser, 'submit-dossier').click();
    await byTestId(browser, 'list-notice').waitForExist({ timeout: TIMEOUT });
    reference = /Dossier (\S+) is aangemaakt/.exec(await byTestId(browser, 'list-notice').getText())?.[1];
    assert.ok(reference, 'the list says which reference the dossier got');
    await openDossier(browser, reference);
    assert.equal(await count(browser, 'party-row'), 2, 'the requester and the body are parties from the start');
    assert.equal(await count(browser, 'complaint-point'), 0);
    await screenshot(browser, '30-nieuw-dossier-leeg');
  });

  it('adds the parties: aliases, a suggested pseudonym, a partner acting for the body', async () => {
    await press((await partyRow(browser, REQUESTER)).$('[data-testid="party-edit"]'));
    await byTestId(browser, 'suggest-aliases').click();
    await until(browser, async () => (await byTestId(browser, 'party-aliases').getValue()).includes('Zoë'), 'the usual variants are suggested');
    assert.match(await byTestId(browser, 'party-aliases').getValue(), /mevrouw Ünal-Brouwer/);
    await fillParty(browser, { aliases: ALIASES });
    await screenshot(browser, '31-partij-aliassen');
    await submitParty(browser);

    await press(byTestId(browser, 'party-add'));
    await fillParty(browser, { role: 'official', name: OFFICIAL, pseudonym: 'suggested' });
    await until(browser, async () => (await byTestId(browser, 'party-pseudonym').getValue()) === 'ambtenaar A.', 'an official is suggested "ambtenaar A."');
    await submitParty(browser);

    await press(byTestId(browser, 'party-add'));
    await fillParty(browser, { role: 'third_party', name: PARTNER, actsFor: BODY });
    await byTestId(browser, 'party-pseudonym').setValue('de parkeerdienst');
    await submitParty(browser);
    await until(browser, async () => (await count(browser, 'party-row')) === 4, 'the partner is listed');
    assert.match(await (await partyRow(browser, PARTNER)).getText(), new RegExp(`namens ${BODY}|${BODY}`), 'the partner shows the body it acts for');
  });

  it('adds three complaint points and moves one up', async () => {
    for (const text of ['Het bezwaar is niet in behandeling genomen.', 'Er kwam geen ontvangstbevestiging.', 'Verzoekster is niet teruggebeld.']) {
      await byTestId(browser, 'point-text').setValue(text);
      await press(byTestId(browser, 'point-add'));
      await until(browser, async () => (await texts(browser, 'complaint-point')).some((p) => p.includes(text)), `point "${text}" is added`);
    }
    await press((await rows(browser, 'point-up'))[1]);
    await until(browser, async () => (await texts(browser, 'complaint-point'))[1].includes('niet teruggebeld'), 'the third point moved to second place');
    assert.match((await texts(browser, 'complaint-point'))[1], /^2\b/, 'numbers follow the order');
    await screenshot(browser, '32-partijen-en-klachtonderdelen');
  });

  it('types a phone note and adds a PDF letter as sources', async () => {
    await byTestId(browser, 'rail-sources').click();
    await byTestId(browser, 'type-source').click();
    await byTestId(browser, 'typed-source-form').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'source-form-save').click();
    await byTestId(browser, 'error-title').waitForExist({ timeout: TIMEOUT });
    assert.ok(await byTestId(browser, 'error-text').isExisting(), 'an empty note is refused with every missing field marked');
    await byTestId(browser, 'source-form-title').setValue('Telefoonnotitie KCC 12-11-2026');
    await byTestId(browser, 'source-form-supplier').selectByVisibleText(`${BODY} (Bestuursorgaan)`);
    await byTestId(browser, 'source-form-received').setValue('12-11-2026');
    await byTestId(browser, 'source-form-text').setValue(NOTE_TEXT);
    await screenshot(browser, '33-notitie-typen');
    await byTestId(browser, 'source-form-save').click();
    await byTestId(browser, 'source-reader').waitForExist({ timeout: TIMEOUT });
    assert.match(await byTestId(browser, 'source-text').getText(), /twee contacten/);

    await byTestId(browser, 'source-file').addValue(path.join(repo, 'tests', 'data', 'sources', 'bezwaar-naheffing.pdf'));
    await byTestId(browser, 'add-source-form').waitForExist({ timeout: TIMEOUT });
    await byTestId(browser, 'source-title').setValue('Klachtbrief verzoekster');
    await byTestId(browser, 'source-supplier').selectByVisibleText(`${REQUESTER} (Verzoeker)`);
    await byTestId(browser, 'source-received').setValue('16-11-2026');
    await byTestId(browser, 'save-source').click();
    await until(browser, async () => /vijf keer gebeld/.test(await byTestId(browser, 'source-text').getText()), 'the letter text is shown');
    assert.equal(await count(browser, 'source-item'), 2);
  });

  it('makes four statements from passages and edits one', async () => {
    await makeStatement(browser, CLAIM_CALLS, { party: `${REQUESTER} (Verzoeker)`, kind: 'claim', topic: 'bereikbaarheid' });
    await makeStatement(browser, CLAIM_CALLBACK, { party: `${REQUESTER} (Verzoeker)`, kind: 'claim', day: '21-10-2026', topic: 'terugbellen' });
    await openSource(browser, 'Telefoonnotitie KCC 12-11-2026');
    await makeStatement(browser, RECORD_CONTACTS, { party: `${BODY} (Bestuursorgaan)`, kind: 'record', topic: 'bereikbaarheid' });
    await makeStatement(browser, RECORD_CALLBACK, { party: `${BODY} (Bestuursorgaan)`, kind: 'record', topic: 'terugbellen' });
    assert.equal(await count(browser, 'quoted-statement'), 2, 'the note lists the statements made from it');

    await press((await rows(browser, 'statement-edit'))[0]);
    await byTestId(browser, 'statement-form').waitForExist({ timeout: TIMEOUT });
    assert.equal(await byTestId(browser, 'statement-kind').getValue(), 'record', 'the edit form starts from the saved statement');
    await byTestId(browser, 'statement-date-kind').selectByAttribute('value', 'day');
    await byTestId(browser, 'statement-day').setValue('12-11-2026');
    await byTestId(browser, 'statement-text').clearValue();
    await byTestId(browser, 'statement-text').setValue('Het klantsysteem registreert twee contacten over het bezwaar.');
    await screenshot(browser, '34-lezing-bewerken');
    await press(byTestId(browser, 'save-statement'));
    await until(browser, async () => (await byTestId(browser, 'sources-notice').getText()) === 'Lezing opgeslagen.', 'the edit is saved');
  });

  it('marks a conflict between a claim and a record', async () => {
    await byTestId(browser, 'rail-sideBySide').click();
    const claim = await browser.$(`//article[@data-side="citizen"][.//p[contains(., "vijf keer gebeld")]]`);
    await claim.waitForExist({ timeout: TIMEOUT });
    const record = await browser.$(`//article[@data-side="body"][.//p[contains(., "registreert twee contacten")]]`);
    assert.ok(await record.isExisting(), 'the edited record is shown as edited');
    await claim.$('input[type="checkbox"]').click();
    await record.$('input[type="checkbox"]').click();
    await byTestId(browser, 'mark-conflict').click();
    await byTestId(browser, 'mark-title').setValue(CONFLICT);
    await byTestId(browser, 'mark-save').click();
    await until(browser, async () => /vastgelegd/.test(await byTestId(browser, 'side-notice').getText()), 'the conflict is marked');
    await screenshot(browser, '35-tegenover-elkaar');
  });

  it("records both parties' reactions and decides the conflict", async () => {
    await byTestId(browser, 'rail-overview').click();
    await byTestId(browser, 'reactions-empty').waitForExist({ timeout: TIMEOUT });
    await recordReaction(browser, { party: `${REQUESTER} (Verzoeker)`, day: '20-11-2026', text: 'Ik heb echt vijf keer gebeld, steeds met hetzelfde nummer.', contests: 'registreert twee contacten' });
    await recordReaction(browser, { party: `${BODY} (Bestuursorgaan)`, day: '24-11-2026', text: 'Wij kunnen niet meer contacten vinden dan de twee in het klantsysteem.', contests: 'vijf keer gebeld' });
    await until(browser, async () => (await count(browser, 'reaction-row')) === 2, 'both reactions are listed');
    await screenshot(browser, '36-reacties');

    await byTestId(browser, 'rail-conflicts').click();
    const item = await browser.$(`//button[@data-testid="conflict-item"][.//strong[text()="${CONFLICT}"]]`);
    await item.waitForExist({ timeout: TIMEOUT });
    await item.click();
    await until(browser, async () => /vijf keer gebeld/.test(await byTestId(browser, 'conflict-hearing').getText()), 'the reactions show as hearing on the conflict');
    await byTestId(browser, 'conflict-point').selectByIndex(1);
    await byTestId(browser, 'conflict-heard').click();
    await byTestId(browser, 'conflict-resolution-select').selectByAttribute('value', 'not_establishable');
    await byTestId(browser, 'conflict-reasoning').setValue('Er is geen belgeschiedenis die een van beide lezingen steunt.');
    await byTestId(browser, 'conflict-save').click();
    await until(browser, async () => (await byTestId(browser, 'conflicts-notice').getText()) === 'Tegenstrijdigheid opgeslagen.', 'the decision is saved');
    assert.match(await byTestId(browser, 'conflict-findings').getText(), /Lezing van verzoekster\.[\s\S]*Lezing van de gemeente\.[\s\S]*Vaststelling\./);
  });

  it('assesses each complaint point', async () => {
    await byTestId(browser, 'rail-assessment').click();
    await assess(browser, 1, 'gegrond', 'goede-organisatie');
    await assess(browser, 2, 'geen_oordeel');
    await assess(browser, 3, 'geen_oordeel');
    await screenshot(browser, '37-beoordeling');
  });

  it('drafts and finalises a verslag van bevindingen and a rapport, and exports the public PDF', async () => {
    await byTestId(browser, 'rail-report').click();
    await draftAndFinalise(browser, 'verslag_van_bevindingen');
    await draftAndFinalise(browser, 'rapport');
    await byTestId(browser, 'public-toggle').click();
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'wederhoor-built-')), 'rapport openbaar.pdf');
    await exportThroughDialog(browser, target);
    await screenshot(browser, '38-rapport-openbaar');
    const text = execFileSync('pdftotext', [target, '-']).toString();
    for (const name of [REQUESTER, 'Ünal', 'Brouwer', ...ALIASES, OFFICIAL, 'Dijkstra', PARTNER]) {
      assert.ok(!text.includes(name), `the public PDF must not name "${name}"`);
    }
    assert.ok(text.includes(BODY), "the body keeps its name in the public version");
    assert.ok(text.includes('verzoekster'), 'the requester is named by her pseudonym');
  });

  it('stops a public version at a personal detail until it is allowed with a reason', async () => {
    // A new draft from the final rapport, with a BSN and a phone number typed in.
    await press(byTestId(browser, 'copy-version'));
    const editor = byTestId(browser, 'report-editor');
    await browser.waitUntil(async () => (await editor.getAttribute('readonly')) === null, { timeout: TIMEOUT });
    await editor.click();
    await browser.keys(['Control', 'End']);
    await browser.keys('\n\nHet BSN van verzoekster is 123456782; het KCC is bereikbaar op 020-1234567.');
    const finding = (kind) => browser.$(`[data-testid="public-finding"][data-kind="${kind}"]`);
    await finding('bsn').waitForExist({ timeout: TIMEOUT, timeoutMsg: 'the BSN is listed while the public version is on' });
    assert.match(await finding('bsn').getText(), /12•••••82/, 'the BSN is shown masked');
    assert.ok(!(await byTestId(browser, 'public-gate').getText()).includes('123456782'), 'and never in full');
    await screenshot(browser, '38b-openbaar-tegengehouden');
    // The office's number may stand, with a reason; the BSN still stops the export.
    await press(finding('phone').$('[data-testid="public-allow"]'));
    // The field starts empty; clearing it (setValue) is refused by WebKitWebDriver inside the scrolled list.
    await press(byTestId(browser, 'public-reason'));
    await byTestId(browser, 'public-reason').addValue('het algemene nummer van het KCC');
    await press(byTestId(browser, 'public-allow-confirm'));
    await finding('phone').waitForExist({ reverse: true, timeout: TIMEOUT, timeoutMsg: 'an allowed detail no longer stops it' });
    assert.match(await byTestId(browser, 'public-allowances').getText(), /Toegestaan in de openbare versie \(1\)/);
    await press(byTestId(browser, 'export-pdf'));
    const notice = byTestId(browser, 'report-notice');
    await browser.waitUntil(async () => /niet gemaakt: 1 persoonsgegeven/.test(await notice.getText().catch(() => '')), {
      timeout: TIMEOUT,
      timeoutMsg: 'the export is refused for the BSN, before any dialog opens',
    });
    assert.ok(await finding('bsn').isExisting(), 'the BSN is still listed');
  });

  it('refuses to remove a party that statements refer to, naming them', async () => {
    await byTestId(browser, 'rail-overview').click();
    await press((await partyRow(browser, REQUESTER)).$('[data-testid="party-remove"]'));
    const error = byTestId(browser, 'overview-error');
    await error.waitForExist({ timeout: TIMEOUT });
    assert.match(await error.getText(), /^Deze partij heeft nog .*2 lezingen.* en kan daarom niet worden verwijderd\. Er is niets veranderd\.$/);
    assert.equal(await count(browser, 'party-row'), 4, 'nothing was removed');
    await screenshot(browser, '39-verwijderen-geweigerd');
  });

  it('undoes three edits, and redoes them after a restart', async () => {
    await press((await partyRow(browser, OFFICIAL)).$('[data-testid="party-edit"]'));
    await fillParty(browser, { name: 'Pieter Dijkstra-de Wit' });
    await submitParty(browser);
    await byTestId(browser, 'point-text').setValue('De naheffing is niet opgeschort tijdens het bezwaar.');
    await press(byTestId(browser, 'point-add'));
    await until(browser, async () => (await count(browser, 'complaint-point')) === 4, 'a fourth point');
    await byTestId(browser, 'rail-sources').click();
    await openSource(browser, 'Klachtbrief verzoekster');
    await press((await rows(browser, 'statement-edit'))[0]);
    await byTestId(browser, 'statement-text').clearValue();
    await byTestId(browser, 'statement-text').setValue('Verzoekster belde naar eigen zeggen vijf keer.');
    await press(byTestId(browser, 'save-statement'));
    await until(browser, async () => (await byTestId(browser, 'sources-notice').getText()) === 'Lezing opgeslagen.', 'the statement edit is saved');
    await screenshot(browser, '40-ongedaan-maken-knop');

    await step(browser, 'undo', /^Ongedaan maken: lezing “Verzoekster belde naar eigen zeggen vijf keer\.” gewijzigd$/);
    await step(browser, 'undo', /^Ongedaan maken: klachtonderdeel .* toegevoegd$/);
    await step(browser, 'undo', /^Ongedaan maken: partij “Pieter Dijkstra-de Wit” gewijzigd$/);
    await until(browser, async () => /Opnieuw: partij/.test(await undoText(browser, 'redo')), 'the three edits are undone');
    await byTestId(browser, 'rail-overview').click();
    await until(browser, async () => (await count(browser, 'complaint-point')) === 3, 'the added point is gone');
    assert.ok(await (await partyRow(browser, OFFICIAL)).isExisting(), 'the official has his old name back');
    assert.ok(!(await (await partyRow(browser, 'Dijkstra-de Wit')).isExisting()));

    await browser.deleteSession();
    browser = await startApp();
    await openDossier(browser, reference);
    await step(browser, 'redo', /^Opnieuw: partij “Pieter Dijkstra-de Wit” gewijzigd$/);
    await step(browser, 'redo', /^Opnieuw: klachtonderdeel/);
    await step(browser, 'redo', /^Opnieuw: lezing/);
    await until(browser, async () => (await count(browser, 'complaint-point')) === 4, 'the point is back after the restart');
    assert.ok(await (await partyRow(browser, 'Pieter Dijkstra-de Wit')).isExisting(), 'the new name is back');
    await byTestId(browser, 'rail-sources').click();
    await openSource(browser, 'Klachtbrief verzoekster');
    await until(browser, async () => {
      await press((await rows(browser, 'statement-edit'))[0]);
      const form = byTestId(browser, 'statement-text');
      return (await form.isExisting()) && (await form.getValue()) === 'Verzoekster belde naar eigen zeggen vijf keer.';
    }, 'the statement edit is back');
    await screenshot(browser, '41-opnieuw-na-herstart');
  });
});
