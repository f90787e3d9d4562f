import * as fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, decodeChunks, DecodeError, Utf8Validator } from './encoding';

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let s = '';
  for await (const t of gen) s += t;
  return s;
}

async function* chunksOf(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > start && cut < bytes.length) {
      yield bytes.subarray(start, cut);
      start = cut;
    }
  }
  yield bytes.subarray(start);
}

describe(chooseEncoding.name, () => {
  it('reads a BOM or valid UTF-8 as UTF-8, anything else as GB18030, and obeys an explicit choice', () => {
    expect(chooseEncoding({ bom: true, validUtf8: true })).toEqual({ encoding: 'utf-8', detected: true });
    expect(chooseEncoding({ bom: false, validUtf8: true })).toEqual({ encoding: 'utf-8', detected: true });
    expect(chooseEncoding({ bom: false, validUtf8: false })).toEqual({ encoding: 'gb18030', detected: true });
    expect(chooseEncoding({ bom: false, validUtf8: true }, 'gbk')).toEqual({ encoding: 'gb18030', detected: false });
    expect(chooseEncoding({ bom: false, validUtf8: false }, 'utf-8')).toEqual({ encoding: 'utf-8', detected: false });
  });
});

describe(Utf8Validator.name, () => {
  it('accepts UTF-8 split anywhere and rejects GBK and a truncated last character', () => {
    const utf8 = Buffer.from('厦门市集成电路产值,1,2\n');
    for (let cut = 1; cut < utf8.length; cut++) {
      const v = new Utf8Validator();
      v.push(utf8.subarray(0, cut));
      v.push(utf8.subarray(cut));
      expect(v.end()).toBe(true);
    }
    const gbk = new Utf8Validator();
    gbk.push(iconv.encode('厦门市集成电路', 'gbk'));
    expect(gbk.end()).toBe(false);
    const cutOff = new Utf8Validator();
    cutOff.push(utf8.subarray(0, 2));
    expect(cutOff.end()).toBe(false);
  });
});

describe(decodeChunks.name, () => {
  it('decodes GBK and UTF-8 exactly whatever the chunk boundaries (property)', async () => {
    const chinese = fc.string({ unit: fc.constantFrom(...'厦门市集成电路产值营业收入增加值同比增长其中：#，。1234567890,"\n'.split('')), maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(chinese, fc.array(fc.nat(200), { maxLength: 8 }), fc.boolean(), async (text, cuts, gbk) => {
        const bytes = gbk ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
        expect(await collect(decodeChunks(chunksOf(bytes, cuts), gbk ? 'gb18030' : 'utf-8'))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('drops a UTF-8 BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('期间,值')]);
    expect(await collect(decodeChunks(chunksOf(bytes, [1, 2, 4]), 'utf-8'))).toBe('期间,值');
  });

  it('fails with the byte offset when the bytes are not in the chosen encoding', async () => {
    const gbk = iconv.encode('a,b\n厦门', 'gbk');
    await expect(collect(decodeChunks(chunksOf(gbk, [4]), 'utf-8'))).rejects.toBeInstanceOf(DecodeError);
  });
});
