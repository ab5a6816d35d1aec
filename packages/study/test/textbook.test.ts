import { describe, expect, it } from 'vitest';
import { fitModels, nonparametricTests, parametricTests, positiveShare, type Panel } from '../src/index';

/** A panel of firms with estimation rows −E..−1 and event rows 0..W−1 (no gap). */
function panel(est: number, evt: number, ret: number[][], mkt: number[][]): Panel {
  const rows = est + evt;
  return {
    n: ret.length,
    rows,
    relFirst: -est,
    estStart: 0,
    estEnd: est - 1,
    evtStart: est,
    evtEnd: rows - 1,
    ret: Float64Array.from(ret.flat()),
    mkt: Float64Array.from(mkt.flat()),
  };
}

// Firm A: x̄ = ȳ = 0, Sxx = 0.001, Sxy = 0.0006 → β = 0.6, α = 0; residuals 0.002, −0.014, 0.01, 0.014, −0.012; RSS = 0.00064.
const xA = [-0.02, -0.01, 0, 0.01, 0.02];
const yA = [-0.01, -0.02, 0.01, 0.02, 0.0];

describe('textbook profile choices, each against a hand-computed case', () => {
  it('market-model residual variance divides by T − 2 (estudy2: T − 1)', () => {
    const p = panel(5, 1, [[...yA, 0.05]], [[...xA, 0.03]]);
    const tb = fitModels(p, 'market-model', 'textbook');
    const e2 = fitModels(p, 'market-model', 'estudy2');
    expect(tb.beta[0]).toBeCloseTo(0.6, 14);
    expect(tb.alpha[0]).toBeCloseTo(0, 14);
    expect(tb.rss[0]).toBeCloseTo(0.00064, 15);
    expect(tb.sd[0]).toBeCloseTo(Math.sqrt(0.00064 / 3), 14);
    expect(e2.sd[0]).toBeCloseTo(Math.sqrt(0.00064 / 4), 14);
    // Day 0: AR = 0.05 − 0.6·0.03 = 0.032.
    expect(tb.ar[5]).toBeCloseTo(0.032, 14);
  });

  it('cross-sectional sums are plain sums over available firms (estudy2: n × mean)', () => {
    // Market-adjusted with a zero market: AR = R. Day 0: ARs 0.01, 0.02, missing → B = 2 of N = 2, n = 3.
    const zero = [0, 0, 0, 0, 0];
    const p = panel(5, 1, [[0.01, -0.01, 0.02, -0.02, 0.005, 0.01], [0.01, -0.01, 0.02, -0.02, 0.005, 0.02], [0.01, -0.01, 0.02, -0.02, 0.005, NaN]], [[...zero, 0], [...zero, 0], [...zero, 0]]);
    const tb = nonparametricTests(p, fitModels(p, 'market-adjusted', 'textbook'), 'textbook')[0]!;
    const e2 = nonparametricTests(p, fitModels(p, 'market-adjusted', 'estudy2'), 'estudy2')[0]!;
    expect(tb.sign.stat).toBeCloseTo((2 - 0.5 * 2) / Math.sqrt(0.25 * 2), 14); // 1.4142
    expect(e2.sign.stat).toBeCloseTo(((3 * 2) / 2 - 0.5 * 2) / Math.sqrt(0.25 * 2), 14); // 2.8284
    // Wilcoxon: |0.01| rank 1, |0.02| rank 2, both positive → W+ = 3 (textbook); estudy2 3 · 3/2 = 4.5.
    expect(tb.wilcoxon.stat).toBe(3);
    expect(e2.wilcoxon.stat).toBe(4.5);
  });

  it("Cowan's p̂ is the mean of per-firm fractions (estudy2: pooled)", () => {
    // Firm 1: 4 of 4 estimation ARs positive (2 missing); firm 2: 1 of 6 positive.
    const p = panel(6, 1, [[0.01, 0.02, NaN, 0.03, NaN, 0.01, 0], [0.01, -0.02, -0.01, -0.03, -0.01, -0.01, 0]], [[0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]]);
    const f = fitModels(p, 'market-adjusted', 'textbook');
    expect(positiveShare(p, f.ar, false)).toBeCloseTo((4 / 4 + 1 / 6) / 2, 15); // 0.58333
    expect(positiveShare(p, f.ar, true)).toBeCloseTo(5 / 10, 15);
  });

  it("Lamb's market term is averaged over firms with their own market series (estudy2: the first firm's)", () => {
    // Firm 2 is firm 1 with its market shifted by +0.01 and its return by +0.006 (same β = 0.6, α = 0, residuals).
    const xB = xA.map((x) => x + 0.01);
    const yB = yA.map((y) => y + 0.006);
    const p = panel(5, 1, [[...yA, 0.05], [...yB, 0.01]], [[...xA, 0.03], [...xB, -0.01]]);
    const tb = parametricTests(p, fitModels(p, 'market-model', 'textbook'), 'textbook')[0]!;
    const e2 = parametricTests(p, fitModels(p, 'market-model', 'estudy2'), 'estudy2')[0]!;
    // Day-0 ARs: 0.05 − 0.6·0.03 = 0.032 and 0.01 − 0.6·(−0.01) = 0.016 → AAR = 0.024.
    // Estimation-day mean ARs equal firm A's residuals (both firms share them): S_A = sd(0.002, −0.014, 0.01, 0.014, −0.012) = sqrt(0.00064/4).
    const sA = Math.sqrt(0.00064 / 4);
    // Market terms: firm 1 m̄ = 0, SS = 0.001, x0 = 0.03 → 1 + 1/5 + 0.0009/0.001 = 2.1;
    //               firm 2 m̄ = 0.01, SS = 0.001, x0 = −0.01 → 1 + 1/5 + 0.0004/0.001 = 1.6.
    expect(tb.mean).toBeCloseTo(0.024, 14);
    expect(tb.lamb!.stat).toBeCloseTo(0.024 / (sA * Math.sqrt((2.1 + 1.6) / 2)), 12);
    expect(e2.lamb!.stat).toBeCloseTo(0.024 / (sA * Math.sqrt(2.1)), 12);
  });

  it('Patell/BMP market mean and SS use the regression days E_i (estudy2: every day the market is present)', () => {
    // The stock misses the first estimation day: E_i = 4 days with x = −0.01, 0, 0.01, 0.02 → m̄ = 0.005, SS = 0.0005.
    const p = panel(5, 1, [[NaN, ...yA.slice(1), 0.05]], [[...xA, 0.03]]);
    const tb = fitModels(p, 'market-model', 'textbook');
    const e2 = fitModels(p, 'market-model', 'estudy2');
    expect(tb.mktN[0]).toBe(4);
    expect(tb.mktMean[0]).toBeCloseTo(0.005, 15);
    expect(tb.mktSs[0]).toBeCloseTo(0.0005, 15);
    expect(e2.mktN[0]).toBe(5);
    expect(e2.mktMean[0]).toBeCloseTo(0, 15);
    expect(e2.mktSs[0]).toBeCloseTo(0.001, 15);
  });

  it('Patell sums SAR over available firms, with the variance of those firms (estudy2: n × mean over all n)', () => {
    const p = panel(5, 1, [[...yA, 0.05], [...yA, NaN], [...yA, 0.02]], [[...xA, 0.03], [...xA, 0.03], [...xA, 0.03]]);
    const ftb = fitModels(p, 'market-model', 'textbook');
    const tb = parametricTests(p, ftb, 'textbook')[0]!;
    // Every firm: T = 5, s² = 0.00064/3, m̄ = 0, SS = 0.001; day-0 correction sqrt(1 + 1/5 + 0.9) = sqrt(2.1).
    const s = Math.sqrt(0.00064 / 3) * Math.sqrt(2.1);
    const sar1 = (0.05 - 0.018) / s;
    const sar3 = (0.02 - 0.018) / s;
    expect(tb.patell!.stat).toBeCloseTo((sar1 + sar3) / Math.sqrt(2 * (3 / 1)), 10);
  });
});
