import fc from 'fast-check';
import { strToU8, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../src/lessons/catalog';
import { decodeLesson, encodeLesson, validateCustomLesson } from '../src/lessons/codec';
import { CUSTOM_CHECK_MENU, type CustomLesson } from '../src/lessons/custom';
import { lessonFromHash, lessonUrl } from '../src/lessons/links';
import { defaultLab, labToJson } from '../src/share';

/** Link text for any JSON value, compressed the way links are (independent of the module under test). */
const linkOfValue = (value: unknown) => {
  let s = '';
  for (const b of zlibSync(strToU8(JSON.stringify(value)), { level: 9 })) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const custom = (over: Partial<CustomLesson> = {}): CustomLesson => ({
  title: 'Does depth help a linear net?',
  goal: 'Stack three Dense layers without activation and see whether the boundary can bend when x < 0.',
  steps: ['Press Train.', 'Read the banner.', 'Compare with one Dense layer.'],
  stepBudget: 400,
  checks: [
    { kind: 'accuracyAtMost', threshold: 0.7 },
    { kind: 'bannerShown' },
    { kind: 'r2AtLeast', threshold: 0.999 },
  ],
  lab: defaultLab(),
  ...over,
});

/** A raw payload to break one field at a time. */
const payload = (over: Record<string, unknown> = {}) => ({
  lesson: 1,
  title: 'T',
  goal: 'G',
  steps: ['S'],
  budget: 100,
  checks: [['accuracyAtLeast', 0.9]],
  lab: JSON.parse(labToJson(defaultLab())),
  ...over,
});

function expectError(text: string, pattern: RegExp): string {
  const result = decodeLesson(text);
  expect(result.ok).toBe(false);
  const error = result.ok ? '' : result.error;
  expect(error).toMatch(pattern);
  expect(error).not.toMatch(/internal error|\n/);
  return error;
}

describe('encodeLesson / decodeLesson', () => {
  it('round-trips an instructor lesson, taught as a Lesson with no prediction and checks on the live run', () => {
    const c = custom();
    const result = decodeLesson(encodeLesson(c));
    expect(result).toMatchObject({ ok: true, custom: c });
    if (!result.ok) return;
    expect(result.lesson).toMatchObject({
      id: 'custom',
      title: c.title,
      prediction: null,
      compare: null,
      stepBudget: 400,
    });
    expect(result.lesson.checks).toEqual([
      { kind: 'accuracyAtMost', threshold: 0.7, run: 'current' },
      { kind: 'bannerShown', run: 'current' },
      { kind: 'r2AtLeast', threshold: 0.999, run: 'current' },
    ]);
    expect(validateCustomLesson(c)).toBeNull();
  });

  it('carries every check of the menu, and the fold check with the affine panel open', () => {
    const checks = CUSTOM_CHECK_MENU.map((o) =>
      o.threshold ? { kind: o.kind, threshold: o.threshold.default } : { kind: o.kind },
    );
    const lab = { ...defaultLab(), panels: { open: 'affine' as const, distMode: 'inference' as const } };
    const c = custom({ checks, lab });
    expect(decodeLesson(encodeLesson(c))).toMatchObject({ ok: true, custom: c });
  });

  it('is compact: a typical lesson link stays under 1,000 characters', () => {
    const text = encodeLesson(custom());
    console.log(`lesson link: ${text.length} characters after "#lesson="`);
    expect(text.length).toBeLessThan(1000);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('trims text, and keeps "x < 0" and other plain symbols', () => {
    const result = decodeLesson(linkOfValue(payload({ title: '  tanh saturates for |x| > 2 & y < 0  ' })));
    expect(result.ok && result.custom.title).toBe('tanh saturates for |x| > 2 & y < 0');
  });

  it('opens a lesson whose lab was saved in format 2 (no input scale), upgraded', () => {
    const { inputScale: _, ...lab } = JSON.parse(labToJson(defaultLab()));
    const result = decodeLesson(linkOfValue(payload({ lab: { ...lab, version: 2 } })));
    expect(result).toMatchObject({ ok: true, labMigratedFrom: 2 });
    expect(result.ok && result.custom.lab.data.inputScale).toBe(1);
  });
});

describe('decodeLesson: malformed input gets one clear sentence', () => {
  it.each<[string, unknown, RegExp]>([
    [
      'HTML in the goal',
      { goal: 'Click <b>here</b>' },
      /goal contains HTML \("<b"\); lessons hold plain text only/,
    ],
    ['a script tag in a step', { steps: ['<script>alert(1)</script>'] }, /step contains HTML/],
    ['an HTML comment in the title', { title: 'a <!-- b -->' }, /title contains HTML/],
    ['a newline in the title', { title: 'two\nlines' }, /title contains control characters/],
    ['a bidi override in a step', { steps: ['abc\u202edef'] }, /step contains control characters/],
    ['an empty title', { title: '   ' }, /title is empty/],
    ['a title too long', { title: 'x'.repeat(81) }, /title is 81 characters long; at most 80/],
    ['a goal that is not text', { goal: 5 }, /goal must be text/],
    ['too many steps', { steps: Array(11).fill('s') }, /at most 10 steps/],
    ['no checks', { checks: [] }, /at least one check/],
    ['a check outside the menu', { checks: [['unitShareAtLeast', 0.9]] }, /Each check must be \[kind\]/],
    [
      'a threshold out of range',
      { checks: [['accuracyAtLeast', 1.5]] },
      /accuracyAtLeast needs a threshold from 0 to 1/,
    ],
    ['a missing threshold', { checks: [['r2AtMost']] }, /r2AtMost needs a threshold/],
    ['a threshold on a yes/no check', { checks: [['bannerShown', 1]] }, /bannerShown takes no threshold/],
    ['a step budget of 0', { budget: 0 }, /step budget must be from 1 to 100000/],
    ['a fractional step budget', { budget: 2.5 }, /whole number/],
    ['an unknown field', { html: '<b>' }, /unknown field "html"/],
    ['a newer format', { lesson: 2 }, /newer NormLab, or is not a lesson/],
    ['a lab that is not an object', { lab: [1, 2] }, /holds no lab/],
    ['a lab with a bad field', { lab: { ...payload().lab, samples: -3 } }, /^The lesson's lab: Samples/],
    [
      'a lab from the future',
      { lab: { ...payload().lab, version: 99 } },
      /^The lesson's lab: This lab was saved by a newer/,
    ],
    [
      'a fold check while the lab shows another panel',
      { checks: [['foldErrorBelow', 1e-5]] },
      /cannot be taught: The check foldErrorBelow needs the Equivalent affine map panel open, but the lab opens the Distributions panel/,
    ],
  ])('%s', (_what, over, pattern) => {
    expectError(linkOfValue(payload(over as Record<string, unknown>)), pattern);
  });

  it('a missing field is named', () => {
    const { goal: _, ...rest } = payload();
    expectError(linkOfValue(rest), /missing the field goal/);
  });

  it('refuses what is not a lesson link at all', () => {
    expectError('', /holds no lesson/);
    expectError('not base64!', /not base64url/);
    expectError('abcde', /impossible length/);
    expectError(linkOfValue(42), /not a NormLab lesson/);
    expectError(linkOfValue([payload()]), /not a NormLab lesson/);
    expectError(encodeLesson(custom()).slice(0, 40), /cut off|damaged/);
    expect((decodeLesson(null as unknown as string) as { error: string }).error).toMatch(/not text/);
  });

  it('refuses the forbidden keys and deep nesting', () => {
    const proto = (() => {
      const bytes = zlibSync(strToU8(`{"lesson":1,"x":{"__proto__":{"polluted":1}}}`), { level: 9 });
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    })();
    expectError(proto, /forbidden key "__proto__"/);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expectError(linkOfValue(payload({ steps: deep })), /nests arrays or objects deeper/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on random text or mutated lesson links', () => {
    const good = encodeLesson(custom());
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = decodeLesson(s);
        expect(r.ok || (r.error.length > 0 && !/internal error/.test(r.error))).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.constantFrom(...'AZaz09-_'), (at, ch) => {
        const r = decodeLesson(good.slice(0, at) + ch + good.slice(at + 1));
        expect(r.ok || (r.error.length > 0 && !/internal error/.test(r.error))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lesson links', () => {
  it('#lesson=N opens the Nth shipped lesson, among other hash parts', () => {
    expect(lessonFromHash('#lesson=3')).toEqual({ ok: true, number: 3, lesson: LESSONS[2] });
    expect(lessonFromHash('#a=1&lesson=8')).toEqual({ ok: true, number: 8, lesson: LESSONS[7] });
    expect(lessonFromHash(lessonUrl('http://x/app/#old', 5).split('#')[1] ?? '')).toMatchObject({
      number: 5,
    });
  });

  it('names a lesson number that does not exist, and ignores a hash without a lesson', () => {
    expect(lessonFromHash('#lesson=9')).toEqual({
      ok: false,
      error: 'There is no lesson 9; NormLab has lessons 1 to 8.',
    });
    expect(lessonFromHash('#lesson=0')).toMatchObject({ ok: false });
    expect(lessonFromHash('#lab=abc')).toBeNull();
    expect(lessonFromHash('')).toBeNull();
  });

  it('#lesson=<code> opens an instructor lesson', () => {
    const url = lessonUrl('http://127.0.0.1:5173/', custom());
    expect(url.startsWith('http://127.0.0.1:5173/#lesson=')).toBe(true);
    expect(lessonFromHash(new URL(url).hash)).toMatchObject({ ok: true, custom: custom() });
  });
});
