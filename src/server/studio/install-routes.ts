/**
 * `/studio/installs/*`: count history for the charts, each answered by one query.
 * - `GET /passes/{id}?range=&resolution=`: the pass's series and its markers.
 * - `GET /workspace?range=&resolution=`: the workspace's summed series (`x-workspace-id`).
 * - `GET /changes?ids=&range=`: per pass of a list page, the change over the range and a trend.
 * Every read first asks the Passport API, with the caller's own key, whether that key may read
 * the pass or workspace (`StudioAccess`); the answer is never cached by the browser.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { InstallChange, InstallRange } from '../../contract/install-changes';
import { InstallChangesQuerySchema, MAX_CHANGE_IDS } from '../../contract/install-changes';
import type { InstallResolution, InstallSeries } from '../../contract/installs';
import { DEFAULT_RESOLUTION, InstallSeriesQuerySchema, RANGE_MS, RESOLUTION_MS } from '../../contract/installs';
import { ID_PATTERN } from '../../contract/rules';
import { splitListParam } from '../../contract/queries';
import { issuesToContext } from '../../contract/errors';
import type { AppEnv } from '../app-env';
import { invalidInput } from '../errors';
import type { InstallHistory, SeriesRow } from './install-history';
import { PROXY_SAMPLE_INTERVAL_MS } from './install-recorder';
import type { SampleInput } from './install-history';
import { samplesFromPassAnswer } from './install-recorder';
import type { StudioAccess } from './studio-db';

/** Points in a list row's trend line. */
const TREND_POINTS = 24;

export interface InstallRouteOptions {
  history: InstallHistory;
  access: StudioAccess;
  mode: 'sandbox' | 'proxy';
}

export function installRoutes({ history, access, mode }: InstallRouteOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/passes/:id', async (c) => {
    const passId = c.req.param('id');
    if (!ID_PATTERN.test(passId))
      throw invalidInput({ id: 'must be an id of letters, digits, dashes and underscores' });
    const window = seriesWindow(c);
    const { workspaceId, pass } = await access.pass(c, passId);
    if (mode === 'proxy') {
      // The access check just read the pass upstream: that answer is a sample like any other.
      const seen: SampleInput[] = samplesFromPassAnswer([pass], workspaceId, Date.now());
      history.record(seen, { minIntervalMs: PROXY_SAMPLE_INTERVAL_MS });
    }
    const rows = history.passSeries(passId, window.from, window.to, RESOLUTION_MS[window.resolution]);
    return answer(
      c,
      toSeries(window, gapMs(mode, window.resolution), rows, history.passEvents(passId, window.from, window.to)),
    );
  });

  app.get('/workspace', async (c) => {
    const window = seriesWindow(c);
    const { workspaceId } = await access.workspace(c);
    const rows = history.workspaceSeries(workspaceId, window.from, window.to, RESOLUTION_MS[window.resolution]);
    return answer(
      c,
      toSeries(
        window,
        gapMs(mode, window.resolution),
        rows,
        history.workspaceEvents(workspaceId, window.from, window.to),
      ),
    );
  });

  app.get('/changes', async (c) => {
    const parsed = InstallChangesQuerySchema.safeParse({ range: c.req.query('range') });
    if (!parsed.success) throw invalidInput(issuesToContext(parsed.error.issues));
    const ids = splitListParam(c.req.queries('ids')) ?? [];
    if (ids.length > MAX_CHANGE_IDS) throw invalidInput({ ids: `must be at most ${MAX_CHANGE_IDS} ids` });
    if (ids.some((id) => !ID_PATTERN.test(id)))
      throw invalidInput({ ids: 'must be ids of letters, digits, dashes and underscores' });
    const range: InstallRange = parsed.data.range ?? '7d';
    const { workspaceId } = await access.workspace(c);
    const now = Date.now();
    const span = RANGE_MS[range] ?? now;
    const from = now - span;
    const rows = history.changes(workspaceId, ids, from, Math.max(1, Math.ceil(span / TREND_POINTS)));
    const passes: InstallChange[] = ids.map((passId) => {
      const list = rows.get(passId) ?? [];
      const first = list[0];
      const last = list[list.length - 1];
      return {
        passId,
        issuedChange: first && last ? last.issued - first.issued : 0,
        activeChange: first && last ? last.active - first.active : 0,
        trend: list.map((row) => row.issued),
      };
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ range, passes });
  });

  return app;
}

interface SeriesWindow {
  range: InstallRange;
  resolution: InstallResolution;
  from: number;
  to: number;
}

function seriesWindow(c: Context<AppEnv>): SeriesWindow {
  const parsed = InstallSeriesQuerySchema.safeParse({
    range: c.req.query('range'),
    resolution: c.req.query('resolution'),
  });
  if (!parsed.success) throw invalidInput(issuesToContext(parsed.error.issues));
  const range = parsed.data.range ?? '30d';
  const to = Date.now();
  const span = RANGE_MS[range];
  return {
    range,
    resolution: parsed.data.resolution ?? DEFAULT_RESOLUTION[range],
    from: span === null ? 0 : to - span,
    to,
  };
}

/** Proxy mode only sees counts when someone looks: farther apart than this is a gap, not a line. */
function gapMs(mode: 'sandbox' | 'proxy', resolution: InstallResolution): number | null {
  if (mode === 'sandbox') return null;
  return 3 * Math.max(RESOLUTION_MS[resolution], PROXY_SAMPLE_INTERVAL_MS);
}

function toSeries(
  window: SeriesWindow,
  gap: number | null,
  rows: SeriesRow[],
  events: InstallSeries['events'],
): InstallSeries {
  const n = rows.length;
  const series: InstallSeries = {
    ...window,
    gapMs: gap,
    t: new Array<number>(n),
    appleIssued: new Array<number>(n),
    googleIssued: new Array<number>(n),
    totalIssued: new Array<number>(n),
    appleActive: new Array<number>(n),
    googleActive: new Array<number>(n),
    totalActive: new Array<number>(n),
    events,
  };
  rows.forEach((row, i) => {
    series.t[i] = row.t;
    series.appleIssued[i] = row.appleIssued;
    series.googleIssued[i] = row.googleIssued;
    series.totalIssued[i] = row.appleIssued + row.googleIssued;
    series.appleActive[i] = row.appleActive;
    series.googleActive[i] = row.googleActive;
    series.totalActive[i] = row.appleActive + row.googleActive;
  });
  return series;
}

function answer(c: Context<AppEnv>, series: InstallSeries): Response {
  c.header('Cache-Control', 'no-store');
  return c.json(series);
}
