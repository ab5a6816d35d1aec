import { describe, expect, it } from 'vitest';
import { signrankTwoSidedP, wilcoxonExactFlag, wilcoxonFlag } from '../src/index';

describe('Wilcoxon flags', () => {
  it('two-sided exact p-values, worked by hand from the signed-rank distribution', () => {
    // n = 4: 16 equally likely sign patterns; only W+ = 0 (all negative) has W ≤ 0 → p = 2/16.
    expect(signrankTwoSidedP(0, 4)).toBeCloseTo(0.125, 15);
    // n = 6: P(W ≤ 0) = 1/64 → p = 2/64; W = 21 is the mirror image.
    expect(signrankTwoSidedP(0, 6)).toBeCloseTo(2 / 64, 15);
    expect(signrankTwoSidedP(21, 6)).toBeCloseTo(2 / 64, 15);
    // n = 10: P(W ≤ 8) = 25/1024 (R: psignrank(8, 10) = 0.02441406).
    expect(signrankTwoSidedP(8, 10)).toBeCloseTo(50 / 1024, 15);
    // the centre of the distribution is never significant
    expect(signrankTwoSidedP(5, 4)).toBe(1);
  });

  it('textbook flags follow the p-value; with 4 firms nothing can be significant', () => {
    expect(wilcoxonExactFlag(0, 4)).toBe('');
    expect(wilcoxonExactFlag(0, 6)).toBe('**');
    expect(wilcoxonExactFlag(0, 10)).toBe('***');
    expect(wilcoxonExactFlag(8, 10)).toBe('**');
  });

  it('estudy2 flags keep its asymmetric quantile rule (W+ = 0 with 4 firms is flagged ***)', () => {
    expect(wilcoxonFlag(0, 4)).toBe('***');
  });
});
