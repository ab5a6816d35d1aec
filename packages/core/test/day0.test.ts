import { describe, expect, it } from 'vitest';
import { resolveDay0, xnysCalendar } from '../src/index';

const cal = xnysCalendar();

describe('resolveDay0', () => {
  it('after-close earnings → next session (CRWV Q2-2025)', () => {
    const r = resolveDay0(cal, '2025-08-12', 'after-close', {}, 'earnings');
    expect(r.day0).toBe('2025-08-13');
    expect(r.explanation).toContain('after the close');
  });

  it('lock-up expiring at the close of 2025-08-14 → day 0 is 2025-08-15', () => {
    expect(resolveDay0(cal, '2025-08-14', 'after-close', {}, 'lockup-expiry').day0).toBe('2025-08-15');
  });

  it('before-open and during → the same session', () => {
    expect(resolveDay0(cal, '2025-08-12', 'before-open').day0).toBe('2025-08-12');
    expect(resolveDay0(cal, '2025-08-12', 'during').day0).toBe('2025-08-12');
  });

  it('unknown timing follows its policy', () => {
    expect(resolveDay0(cal, '2025-08-12', 'unknown').day0).toBe('2025-08-12');
    expect(resolveDay0(cal, '2025-08-12', 'unknown', { unknownTiming: 'next-session' }).day0).toBe('2025-08-13');
  });

  it('non-session dates move next, previous or are skipped', () => {
    expect(resolveDay0(cal, '2025-08-16', 'before-open').day0).toBe('2025-08-18');
    expect(resolveDay0(cal, '2025-08-16', 'after-close', { nonSession: 'previous' }).day0).toBe('2025-08-15');
    const s = resolveDay0(cal, '2025-01-09', 'before-open', { nonSession: 'skip' });
    expect(s.day0).toBeNull();
    expect(s.explanation).toContain('Jimmy Carter');
  });

  it('a Friday after-close release → the Monday', () => {
    expect(resolveDay0(cal, '2025-08-15', 'after-close').day0).toBe('2025-08-18');
  });
});
