import { authorSchema, mentionSchema } from '@baton/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadRowError, CSV_COLUMNS, bulkMentions, csvMentions, jsonMentions } from './bulkMentions.ts';

const m = (id: string, more: object = {}) => ({ id, network: 'twitter', author: { handle: '@a' }, text: 'hi', createdAt: '2026-01-01T09:00:00Z', ...more });

function badRow(read: () => unknown): BadRowError {
  try {
    read();
  } catch (e) {
    if (e instanceof BadRowError) return e;
    throw e;
  }
  throw new Error('no BadRowError');
}

describe('bulkMentions', () => {
  it('knows a CSV column for every Mention field, nested ones dotted', () => {
    const fields = Object.keys(mentionSchema.shape).flatMap((k) => (k === 'author' ? Object.keys(authorSchema.shape).map((a) => `author.${a}`) : [k]));
    expect(Object.keys(CSV_COLUMNS).sort()).toEqual(fields.sort());
  });

  it('counts a CSV row’s line where it starts, across BOM, non-ASCII text, CR LF and quoted line breaks', () => {
    const csv = '\uFEFFid,text,network,author.handle,createdAt\r\n'
      + 'a:1,"Ça déçoit ☹️\r\nvraiment",twitter,@a,2026-01-01T09:00:00Z\r\n'
      + '\r\n'
      + 'a:2,"x, ""quoted""",twitter,@a,2026-01-01T09:00:00Z\r\n'
      + 'a:3,bad,twitter,@a,yesterday\r\n';
    expect(badRow(() => csvMentions(csv))).toMatchObject({ line: 6, field: 'createdAt' });
    const rows = csvMentions(csv.split('a:3')[0]!);
    expect(rows.map((r) => [r.line, r.mention.text])).toEqual([[2, 'Ça déçoit ☹️\r\nvraiment'], [5, 'x, "quoted"']]);
  });

  it('reads typed cells and refuses ones of the wrong type', () => {
    const head = 'id,network,author.handle,text,createdAt,author.verified,sentiment\n';
    expect(csvMentions(`${head}a:1,twitter,@a,hi,2026-01-01T09:00:00Z,TRUE,0.25\n`)[0]!.mention).toMatchObject({ author: { verified: true }, sentiment: 0.25 });
    expect(badRow(() => csvMentions(`${head}a:1,twitter,@a,hi,2026-01-01T09:00:00Z,yes,\n`))).toMatchObject({ line: 2, field: 'author.verified' });
    expect(badRow(() => csvMentions(`${head}a:1,twitter,@a,hi,2026-01-01T09:00:00Z,,2\n`))).toMatchObject({ line: 2, field: 'sentiment' });
  });

  it('gives each item of a JSON array the line it starts on', () => {
    const text = `[\n  ${JSON.stringify(m('a:1', { text: 'has ] and , and {' }))},\n\n  ${JSON.stringify(m('a:2'))}\n,${JSON.stringify(m('a:3', { author: {} }))}]`;
    expect(badRow(() => jsonMentions(text))).toMatchObject({ line: 5, field: 'author.handle' });
    expect(bulkMentions('json', text.replace('"author":{}', '"author":{"handle":"@b"}')).map((r) => r.line)).toEqual([2, 4, 5]);
  });

  it('reads any text as rows or refuses it with a BadRowError, never anything else', () => {
    const head = 'id,network,author.handle,author.followers,text,createdAt\n';
    const cell = fc.oneof(fc.string(), fc.constantFrom('"', '""', ',', '\n', '\r\n', 'twitter', '12', '2026-01-01T09:00:00Z'));
    const body = fc.array(fc.array(cell, { maxLength: 8 }).map((cells) => cells.join(',')), { maxLength: 6 }).map((rows) => rows.join('\n'));
    fc.assert(
      fc.property(body, fc.constantFrom<'csv' | 'ndjson' | 'json'>('csv', 'ndjson', 'json'), fc.boolean(), (text, format, withHead) => {
        const input = withHead && format === 'csv' ? head + text : text;
        try {
          for (const row of bulkMentions(format, input)) expect(row.line).toBeGreaterThanOrEqual(1);
        } catch (e) {
          expect(e).toBeInstanceOf(BadRowError);
          expect((e as BadRowError).line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

