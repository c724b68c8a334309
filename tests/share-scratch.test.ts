import * as v from 'valibot';
import { test } from 'vitest';

test('m', () => {
  const T = v.strictTuple(
    [v.string(), v.number(), v.optional(v.record(v.string(), v.number()))],
    (i) => `tuple msg kind=${i.kind} type=${i.type} exp=${i.expected} recv=${i.received}`,
  );
  const show = (s: any, x: unknown) => {
    const r = v.safeParse(s, x, { abortEarly: true });
    console.log(
      JSON.stringify(x),
      r.success
        ? JSON.stringify(r.output)
        : r.issues.map((i) => ({
            m: i.message,
            t: i.type,
            k: i.kind,
            exp: i.expected,
            rec: i.received,
            path: i.path?.map((p: any) => `${p.type}:${p.key}`),
            input: i.input,
          })),
    );
  };
  show(T, ['a', 1]);
  show(T, ['a', 1, { x: 2 }]);
  show(T, ['a', 1, { x: 2 }, 5]);
  show(T, ['a']);
  const O = v.strictObject(
    {
      a: v.pipe(v.number('a must be number'), v.minValue(0, 'a >= 0')),
      b: v.optional(v.boolean('b bool'), true),
    },
    (i) => `obj msg type=${i.type} exp=${i.expected} recv=${i.received} input=${String(i.input)}`,
  );
  show(O, { a: 1 });
  show(O, { a: 1, c: 2 });
  show(O, { b: false });
  show(O, { a: -1 });
  show(O, 5);
  show(O, { a: 1, b: 'x' });
  const P = v.pipe(v.array(v.unknown()), v.maxLength(2, 'too many'), v.array(v.number('num')));
  show(P, [1, 2, 3]);
  show(P, [1, 'x']);
  const V = v.variant('kind', [
    v.object({ kind: v.literal('a'), p: v.number() }),
    v.object({ kind: v.literal('b') }),
  ]);
  show(V, { kind: 'a', p: 1 });
  show(V, { kind: 'c' });
  const PT = v.pipe(
    v.strictTuple([v.string(), v.number()]),
    v.transform(([s, n]) => ({ s, n })),
    v.object({ s: v.string(), n: v.pipe(v.number(), v.maxValue(3, 'max3')) }),
  );
  show(PT, ['x', 5]);
  show(PT, ['x', 2]);
  show(v.record(v.string(), v.number()), JSON.parse('{"__proto__": 1, "a": 2}'));
  show(v.nullable(v.picklist(['x', 'y'], 'pick')), null);
  show(
    v.picklist(['x', 'y'], (i) => `pick ${i.received}`),
    'z',
  );
});
