/**
 * The simulated delivery of push notifications: how a send ends (almost always Published, rarely
 * a failure status), and what its statistics read some minutes later. Everything is a pure
 * function of the notification's stored seed, its counts and the elapsed time, so stats are the
 * same after a restart and need no background writes. The timer here only moves due sends along
 * (`NotificationStore.catchUp`); every notification request catches up first as well.
 */
import type { NotificationStats } from '../contract/notifications';
import type { Logger } from './logger';
import { isObject } from './store/documents';
import type { JsonObject } from './store/documents';

/** How long a send stays in Processing before wallets have it. */
export const PROCESSING_MS = 3000;
/** Share of sends that end in a failure status unless configured otherwise. */
export const DEFAULT_FAILURE_RATE = 0.03;
/** Delivery reports settle within this many minutes; clicks keep coming for two hours. */
const DELIVERY_SETTLES_MIN = 10;
const CLICKS_SETTLE_MIN = 120;

/** A small seeded generator (mulberry32): the same seed always tells the same story. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DeliveryOutcome = 'Published' | 'AppleFailedGoogleSuccess' | 'AppleSuccessGoogleFailed' | 'Failed';

/** The platform outcome of a send; `failureRate` of them fail in one of three ways. */
export function drawOutcome(seed: number, failureRate: number): DeliveryOutcome {
  const r = seededRandom(seed)();
  if (r >= failureRate) return 'Published';
  const share = r / failureRate;
  if (share < 0.4) return 'Failed';
  return share < 0.7 ? 'AppleFailedGoogleSuccess' : 'AppleSuccessGoogleFailed';
}

export interface SentFacts {
  id: string;
  seed: number;
  /** When wallets got it (ms); null when it has not gone out. */
  sentAt: number | null;
  appleSent: number;
  googleSent: number;
  /** The pass's links (back fields), whose clicks are counted. */
  links: readonly string[];
}

/**
 * N6 in the shape of the documented example (totals, delivery, link clicks). Delivery reports
 * arrive over the first minutes (a few percent never arrive: devices off, notifications turned
 * off for the pass); clicks follow over the next two hours.
 */
export function statsAt(facts: SentFacts, now: number): NotificationStats {
  const total = facts.appleSent + facts.googleSent;
  const elapsedMin = facts.sentAt === null ? 0 : Math.max(0, now - facts.sentAt) / 60_000;
  const random = seededRandom(facts.seed ^ 0x9e3779b9);
  const deliveryRate = 0.92 + random() * 0.07;
  const clickRate = 0.04 + random() * 0.16;
  const deliveredFinal = Math.round(total * deliveryRate);
  const failedFinal = total - deliveredFinal;
  const progress = (settle: number, pace: number) =>
    facts.sentAt === null ? 0 : elapsedMin >= settle ? 1 : 1 - Math.exp(-elapsedMin / pace);
  const delivery = progress(DELIVERY_SETTLES_MIN, 1.5);
  const delivered = Math.floor(deliveredFinal * delivery);
  const failed = Math.floor(failedFinal * delivery);
  const pending = total - delivered - failed;

  const weights = facts.links.map(() => 0.2 + random());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const clicksFinal = facts.links.length > 0 ? Math.round(deliveredFinal * clickRate) : 0;
  const clicks = Math.floor(clicksFinal * progress(CLICKS_SETTLE_MIN, 20));
  let left = clicks;
  const linkStats = facts.links.map((url, i) => {
    const count = i === facts.links.length - 1 ? left : Math.floor((clicks * (weights[i] ?? 0)) / (weightSum || 1));
    left -= count;
    return {
      linkId: `${facts.id}-${i + 1}`,
      linkUrl: url,
      clickCount: count,
      uniqueClicks: Math.ceil(count * 0.8),
      lastClicked:
        count > 0 && facts.sentAt !== null
          ? new Date(
              facts.sentAt + Math.min(elapsedMin, CLICKS_SETTLE_MIN) * 60_000 * (0.6 + random() * 0.4),
            ).toISOString()
          : null,
    };
  });
  const unreachable = Math.round(failed * 0.7);
  return {
    notificationId: facts.id,
    totalSent: total,
    totalDelivered: delivered,
    totalFailed: failed,
    totalClicks: clicks,
    clickThroughRate: delivered > 0 ? Math.round((clicks / delivered) * 1000) / 10 : 0,
    deliveryRate: total > 0 ? Math.round((delivered / total) * 1000) / 10 : 0,
    lastUpdated: new Date(now).toISOString(),
    linkStats,
    deliveryStats: {
      delivered,
      failed,
      pending,
      failedReasons:
        failed > 0
          ? [
              { reason: 'Device unreachable', count: unreachable },
              { reason: 'Notifications turned off for this pass', count: failed - unreachable },
            ].filter((r) => r.count > 0)
          : [],
    },
  };
}

/** Moves due sends along every `intervalMs`; returns a function that stops it. Never keeps the process alive. */
export function startNotificationDelivery(
  target: { readonly isOpen: boolean; catchUp(): number },
  intervalMs: number,
  logger: Logger,
): () => void {
  const tick = () => {
    if (!target.isOpen) return;
    try {
      const moved = target.catchUp();
      if (moved > 0) logger.debug('notifications moved along', { notifications: moved });
    } catch (error) {
      logger.warn('notification delivery failed', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  // At once too: sends whose slot passed while the server was down go out on start.
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The back fields' links of a pass document: what a holder can click. */
export function linksOf(doc: JsonObject | undefined): string[] {
  const meta = doc?.passMetadata;
  if (!isObject(meta) || !Array.isArray(meta.backFields)) return [];
  const links: string[] = [];
  for (const field of meta.backFields as unknown[]) {
    if (!isObject(field) || !Array.isArray(field.value)) continue;
    for (const value of field.value as unknown[]) {
      if (isObject(value) && typeof value.link === 'string' && value.link) links.push(value.link);
    }
  }
  return links;
}
