import { describe, expect, it } from 'vitest';
import { describeEvent, eventsByPoint } from './series-events';

describe('eventsByPoint', () => {
  const t = [1000, 2000, 3000];
  it('puts each marker on the first point at or after it, and later ones on the last point', () => {
    const events = [
      { t: 500, kind: 'published' as const, passId: 'p' },
      { t: 2000, kind: 'notification' as const, passId: 'p', label: 'Sale' },
      { t: 2001, kind: 'unpublished' as const, passId: 'p' },
      { t: 9000, kind: 'notification' as const, passId: 'p' },
    ];
    const byPoint = eventsByPoint({ t, events });
    expect(byPoint.get(0)).toEqual([events[0]]);
    expect(byPoint.get(1)).toEqual([events[1]]);
    expect(byPoint.get(2)).toEqual([events[2], events[3]]);
  });

  it('has nothing to place on an empty series', () => {
    expect(eventsByPoint({ t: [], events: [{ t: 1, kind: 'published', passId: 'p' }] }).size).toBe(0);
  });
});

describe('describeEvent', () => {
  it('names a notification by its label when it has one', () => {
    expect(describeEvent({ t: 1, kind: 'notification', passId: 'p', label: 'Spring sale' })).toBe(
      'Notification sent: Spring sale',
    );
    expect(describeEvent({ t: 1, kind: 'notification', passId: 'p' })).toBe('Notification sent');
    expect(describeEvent({ t: 1, kind: 'unpublished', passId: 'p' })).toBe('Unpublished');
  });
});
