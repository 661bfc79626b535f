import type { InstallEvent, InstallSeries } from '../../../contract/installs';

/** How a marker reads in the hover read-out and the table: "Notification sent: Spring sale". */
export function describeEvent(event: InstallEvent): string {
  if (event.kind === 'notification') return event.label ? `Notification sent: ${event.label}` : 'Notification sent';
  return event.kind === 'published' ? 'Published' : 'Unpublished';
}

/**
 * The markers of each point, by the point's index: an event belongs to the first point at or
 * after it (the bucket it happened in), or to the last point when no sample came after it yet.
 */
export function eventsByPoint(series: Pick<InstallSeries, 't' | 'events'>): Map<number, InstallEvent[]> {
  const byPoint = new Map<number, InstallEvent[]>();
  const { t } = series;
  if (t.length === 0) return byPoint;
  for (const event of series.events) {
    let low = 0;
    let high = t.length - 1;
    // Binary search for the first point at or after the event.
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((t[mid] ?? 0) < event.t) low = mid + 1;
      else high = mid;
    }
    const list = byPoint.get(low);
    if (list) list.push(event);
    else byPoint.set(low, [event]);
  }
  return byPoint;
}
