#!/bin/sh
# Rebuilds data/sample/ from BackTester39's focus files: every row dated FROM..TO, verbatim (same bytes per row, so
# every number parses to the same double as from the full file). Run from the repository root:
#   sh data/sample/make-sample.sh [SOURCE_DIR]   (default ../shared/data/real/backtester39/focus)
# FROM..TO (CRWV: to 2025-12-31) is the exact span scenarios/coreweave-2025.yaml reads; see README.md here for how it was found.
set -eu
src=${1:-../shared/data/real/backtester39/focus}
from=2024-12-19
to=2026-05-29
out=$(dirname "$0")
for s in CRWV SPY NVDA MSFT QQQ; do
  # CRWV pays no dividend, so nothing after the backtest period's end (2025-12-31) changes its total-return close.
  end=$to; [ "$s" = CRWV ] && end=2025-12-31
  for f in "$s.csv" "${s}_dividends.csv"; do
    awk -F, -v a="$from" -v b="$end" 'NR == 1 || ($1 >= a && $1 <= b)' "$src/$f" > "$out/$f.tmp"
    # A dividends file with no row in the span (CRWV pays none) is left out: no file means no dividends.
    if [ "$(wc -l < "$out/$f.tmp")" -le 1 ] && [ "$f" != "$s.csv" ]; then rm "$out/$f.tmp"; rm -f "$out/$f"; continue; fi
    mv "$out/$f.tmp" "$out/$f"
  done
done
