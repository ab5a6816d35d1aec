import type { Figure } from '../figure';
import { dataLoadUniverse } from './data-load-universe';
import { e2eSmaCrossUniverse } from './e2e-sma-cross-universe';
import { engineReplayUniverse } from './engine-replay-universe';
import { engineSmaCrossUniverse } from './engine-sma-cross-universe';
import { studyCliEvents, studyCliEventsAll } from './study-cli-events';
import { studyEvents } from './study-events';
import { strategySweepLockups } from './strategy-sweep-lockups';
import { strategySweepPools } from './strategy-sweep-pools';
import { dataLoadParquet } from './data-load-parquet';
import { sweepQueue } from './sweep-queue';

/** Every figure, in the order `pnpm bench` runs them. */
export const FIGURES: readonly Figure[] = [dataLoadUniverse, engineReplayUniverse, engineSmaCrossUniverse, e2eSmaCrossUniverse, studyEvents, studyCliEvents, studyCliEventsAll, strategySweepLockups, strategySweepPools, dataLoadParquet, sweepQueue];
