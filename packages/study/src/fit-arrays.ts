/** The per-firm arrays every normal-return fit fills (NaN until a firm's fit sets them; T and rows start at 0 / −1). */
export function perFirmFitArrays(n: number) {
  const mk = () => new Float64Array(n).fill(NaN);
  return {
    T: new Float64Array(n),
    alpha: mk(),
    beta: mk(),
    meanReturn: mk(),
    arMean: mk(),
    sd: mk(),
    sdN1: mk(),
    rss: mk(),
    mktMean: mk(),
    mktSs: mk(),
    mktN: mk(),
    estFirstRow: new Int32Array(n).fill(-1),
    estLastRow: new Int32Array(n).fill(-1),
  };
}
