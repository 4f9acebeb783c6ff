import { describe, expect, it } from 'vitest';
import { matchRanges, snippetPieces, splitFound } from './snippets';

describe('snippets', () => {
  it('draw the marked match apart from the text, without reading HTML', () => {
    expect(snippetPieces('…de [stookkosten] over <b>2018</b>')).toEqual([
      { hit: false, text: '…de ' },
      { hit: true, text: 'stookkosten' },
      { hit: false, text: ' over <b>2018</b>' },
    ]);
    expect(snippetPieces('geen treffer'), 'a snippet without marks is one plain piece').toEqual([{ hit: false, text: 'geen treffer' }]);
  });
});

describe('words found again in a text', () => {
  const found = (text: string, typed: string) => matchRanges(text, typed).map(([a, b]) => text.slice(a, b));

  it('fold case and diacritics as the index does', () => {
    expect(found('Gebrek aan Coördinatie, en coördinatie.', 'coordinatie')).toEqual(['Coördinatie', 'coördinatie']);
    expect(found('Gebrek aan coo\u0308rdinatie.', 'COÖRDINATIE'), 'a decomposed ö is one word too').toEqual(['coo\u0308rdinatie']);
  });

  it('take the last word as a beginning from three letters, the others whole', () => {
    expect(found('De stookkosten en de stook van stoomboten.', 'stoo')).toEqual(['stookkosten', 'stook', 'stoomboten']);
    expect(found('Over de overheid.', 'over st'), 'two letters must be a whole word').toEqual(['Over']);
    expect(found('Een klacht over het loket.', 'over klacht')).toEqual(['klacht', 'over']);
    expect(found('deklantcontact', 'klant'), 'the middle of a word is no beginning').toEqual([]);
    expect(found('iets', '  ...  ')).toEqual([]);
  });

  it('cut the reader\'s parts where the words are, keeping what each part was', () => {
    const parts = [
      { text: 'Verzoekster vroeg naar ', excerpt: null },
      { text: 'haar stookkosten', excerpt: 7 },
      { text: ' en weer stookkosten.', excerpt: null },
    ];
    const text = parts.map((p) => p.text).join('');
    const split = splitFound(parts, matchRanges(text, 'stookkosten'));
    expect(split.map((p) => p.text).join(''), 'nothing is lost or doubled').toBe(text);
    expect(split.filter((p) => p.found).map((p) => [p.text, p.excerpt])).toEqual([
      ['stookkosten', 7],
      ['stookkosten', null],
    ]);
  });
});
