/**
 * A pass's locations (passport-api.md §5): stored in their own table, at most MAX_LOCATIONS a
 * pass, each change reported as a change of its pass (a pass's API object embeds its locations).
 */
import type Database from 'better-sqlite3';
import type { CreateLocationRequest, UpdateLocationRequest } from '../../contract/input-schemas';
import { MAX_LOCATIONS } from '../../contract/wallet-rules';
import { invalidInput, notFound } from '../errors';
import { newId } from '../ids';
import { locationDocOf } from './documents';
import type { ListPages, Page } from './list-query';
import { LOCATION_FILTER_COLUMNS } from './records';
import type { LocationFilter, LocationRecord } from './records';
import type { LocationRow } from './rows';
import { LOCATION_COLUMNS, toLocation } from './rows';
import type { Statements } from './statements';

export class LocationStore {
  constructor(
    private readonly db: Database.Database,
    private readonly statements: Statements,
    private readonly lists: ListPages,
    private readonly changed: (passId: string, workspaceId: string) => void,
  ) {}

  get(workspaceId: string, id: string): LocationRecord | undefined {
    const row = this.statements.locationById.get(id, workspaceId);
    return row ? toLocation(row) : undefined;
  }

  /** The pass's locations in creation order. */
  ofPass(passId: string): LocationRecord[] {
    return this.statements.locationsOfPass.all(passId).map(toLocation);
  }

  /** Locations of several passes in one query, grouped by pass, each in creation order. */
  ofPasses(passIds: readonly string[]): Map<string, LocationRecord[]> {
    const byPass = new Map<string, LocationRecord[]>();
    if (passIds.length === 0) return byPass;
    for (const row of this.statements.locationsOfPasses.all(JSON.stringify(passIds))) {
      const list = byPass.get(row.pass_id);
      if (list) list.push(toLocation(row));
      else byPass.set(row.pass_id, [toLocation(row)]);
    }
    return byPass;
  }

  list(workspaceId: string, filter: LocationFilter, limit: number): Page<LocationRecord> {
    const page = this.lists.page<LocationRow, LocationFilter>(
      LOCATION_COLUMNS,
      'locations',
      LOCATION_FILTER_COLUMNS,
      workspaceId,
      filter,
      limit,
    );
    return { items: page.items.map(toLocation), hasMore: page.hasMore };
  }

  create(workspaceId: string, passId: string, body: CreateLocationRequest, actorId: string): LocationRecord {
    const id = newId();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      if (!this.statements.passById.get(passId, workspaceId)) throw notFound({ id: passId });
      const { n } = this.statements.countLocationsOfPass.get(passId) ?? { n: 0 };
      if (n >= MAX_LOCATIONS) {
        throw invalidInput({
          walletPass: `A pass has at most ${MAX_LOCATIONS} locations (Apple Wallet's limit)`,
        });
      }
      this.statements.insertLocation.run({
        id,
        workspaceId,
        passId,
        name: body.name,
        nameLower: body.name.toLowerCase(),
        doc: JSON.stringify(locationDocOf(body)),
        createdTime: now,
        updatedTime: now,
        createdBy: actorId,
        updatedBy: actorId,
      });
    })();
    this.changed(passId, workspaceId);
    return this.#mustGet(workspaceId, id);
  }

  /** Full replace of the location's fields; the pass it belongs to never changes. */
  replace(workspaceId: string, id: string, body: UpdateLocationRequest, actorId: string): LocationRecord {
    this.db.transaction(() => {
      const result = this.statements.replaceLocation.run({
        id,
        workspaceId,
        name: body.name,
        nameLower: body.name.toLowerCase(),
        doc: JSON.stringify(locationDocOf(body)),
        updatedTime: new Date().toISOString(),
        updatedBy: actorId,
      });
      if (result.changes === 0) throw notFound({ id });
    })();
    const location = this.#mustGet(workspaceId, id);
    this.changed(location.passId, workspaceId);
    return location;
  }

  delete(workspaceId: string, id: string): boolean {
    const passId = this.get(workspaceId, id)?.passId;
    const deleted = this.db.transaction(() => this.statements.deleteLocation.run(id, workspaceId).changes > 0)();
    if (deleted && passId) this.changed(passId, workspaceId);
    return deleted;
  }

  #mustGet(workspaceId: string, id: string): LocationRecord {
    const location = this.get(workspaceId, id);
    if (!location) throw notFound({ id });
    return location;
  }
}
