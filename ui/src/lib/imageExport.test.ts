import { describe, expect, it } from 'vitest';
import { defaultForm, laneOrderFor, sizeOf, toImageOptions, currentViewRange, setScreenLanes, setViewWindow } from './imageExport';
import type { Selection } from './types';

const selection: Selection = {
  from: '2023-03-01', to: null, actors: [4], countries: [], kinds: ['call'], statuses: [], sources: [], text: null, unseen: false, deleted: false,
};

describe('image export options', () => {
  it('sizes', () => {
    expect(sizeOf({ ...defaultForm(), size: '1x' })).toEqual({ width: 1600, scale: 1 });
    expect(sizeOf({ ...defaultForm(), size: '2x' })).toEqual({ width: 1600, scale: 2 });
    expect(sizeOf({ ...defaultForm(), size: 'custom', customWidth: 3000 })).toEqual({ width: 3000, scale: 1 });
    expect(sizeOf({ ...defaultForm(), size: 'custom', customWidth: 10 })).toEqual({ width: 320, scale: 1 });
    expect(sizeOf({ ...defaultForm(), format: 'svg', size: '2x' })).toEqual({ width: 1600, scale: 1 });
  });

  it('sends the selection on screen and the view range', () => {
    const o = toImageOptions({ ...defaultForm(), subtitle: ' ' }, { from: '2023-01-01', to: '2023-06-30' }, selection);
    expect(o).toEqual({
      selection, from: '2023-01-01', to: '2023-06-30', lanes: 'type', lane_order: null, width: 1600, scale: 1,
      title: 'Diplomatic timeline', subtitle: null, dark: false,
    });
    const whole = toImageOptions({ ...defaultForm(), range: 'all' }, { from: '2023-01-01', to: null }, selection);
    expect(whole.from).toBeNull();
    expect(whole.selection).toBe(selection);
  });
});

describe('currentViewRange', () => {
  it('is the whole range until the timeline reports its window, then that window in inclusive days', () => {
    setViewWindow(null);
    expect(currentViewRange()).toEqual({ from: null, to: null });
    // [1 June 2023 00:00, 1 July 2023 00:00): the last day shown is 30 June.
    setViewWindow([Date.UTC(2023, 5, 1), Date.UTC(2023, 6, 1)]);
    expect(currentViewRange()).toEqual({ from: '2023-06-01', to: '2023-06-30' });
    setViewWindow(null);
  });
});

describe('defaultForm', () => {
  it('follows the lanes on screen', () => {
    setScreenLanes('actor');
    expect(defaultForm().lanes).toBe('actor');
    setScreenLanes('type');
    expect(defaultForm().lanes).toBe('type');
    expect(defaultForm({ lanes: 'source', dark: true })).toMatchObject({ lanes: 'source', dark: true });
  });
});

describe('laneOrderFor', () => {
  it('sends the screen order only for the screen grouping, never for types', () => {
    setScreenLanes('actor', ['B', 'A', 'Other (3 actors)']);
    expect(laneOrderFor('actor')).toEqual(['B', 'A', 'Other (3 actors)']);
    expect(laneOrderFor('country')).toBeNull();
    setScreenLanes('type', ['visit']);
    expect(laneOrderFor('type')).toBeNull();
  });
});
