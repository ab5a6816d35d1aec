import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAftershockError } from '@aftershock/core';
import { parseRelWindow, validateWindows } from '../src/index';

describe('relative windows', () => {
  it('parses START:END for any integers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -5000, max: 5000 }), (a, b) => {
        expect(parseRelWindow(`${a}:${b}`, 'window')).toEqual({ start: a, end: b });
        expect(parseRelWindow(` ${a} : ${b} `, 'window')).toEqual({ start: a, end: b });
      }),
    );
  });

  it('rejects anything else with a coded error naming the option (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!/^\s*-?\d+\s*:\s*-?\d+\s*$/.test(s));
        try {
          parseRelWindow(s, 'estimation');
          expect.unreachable();
        } catch (e) {
          expect(isAftershockError(e) && e.code === 'BAD_WINDOW' && e.field === 'estimation').toBe(true);
        }
      }),
    );
  });

  it('requires the estimation window to end before the event window and CAR windows inside it', () => {
    expect(() => validateWindows({ start: -250, end: -11 }, { start: -5, end: 5 }, [{ start: -1, end: 1 }])).not.toThrow();
    expect(() => validateWindows({ start: -250, end: -5 }, { start: -5, end: 5 }, [])).toThrow(/overlaps/);
    expect(() => validateWindows({ start: -250, end: -11 }, { start: -5, end: 5 }, [{ start: -6, end: 0 }])).toThrow(/inside the event window/);
    expect(() => validateWindows({ start: -11, end: -250 }, { start: -5, end: 5 }, [])).toThrow(/start ≤ end/);
  });
});
