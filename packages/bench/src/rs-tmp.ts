import { loadUniverse, resolveDataRoot, loadEvents } from '@aftershock/data';
import { runStudy } from '@aftershock/study';
const universe = loadUniverse(resolveDataRoot());
const market = universe.get('SPY')!;
const events = loadEvents(process.argv[2]!, { kind: 'custom' });
const t0 = performance.now();
const r = runStudy({ prices: universe, market, events }, { estimation: { start: -250, end: -11 }, event: { start: -5, end: 5 } });
console.log(r.events.length, 'runStudy ms', Math.round(performance.now() - t0), 'rss', Math.round(process.resourceUsage().maxRSS / 1024));
