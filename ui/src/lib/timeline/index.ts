export { Timeline, type BandInfo, type TimelineOptions } from './Timeline';
export type { LaneSpec, TimelineItem, ViewDomain } from './types';
export { fitDomain } from './scale';
export { Overview, type OverviewOptions } from './Overview';
