/**
 * What the sandbox seeds into a new database: the seed module builds it, the store writes it.
 * Deterministic: the same call gives the same data, so a new DATA_DIR always starts the same.
 */
import type { PassMetadata } from '../../contract/schemas';
import type { CreateLocationRequest } from '../../contract/input-schemas';
import type { PassImageName, PassStatus } from '../../contract/rules';

export interface SeedImage {
  fileName: PassImageName;
  /** A real PNG file. */
  png: Uint8Array;
}

export interface SeedCounts {
  appleIssued: number;
  googleIssued: number;
  appleActive: number;
  googleActive: number;
}

export interface SeedPass {
  /** Time-ordered UUID-like id, fixed so links to seeded passes stay stable across fresh seeds. */
  id: string;
  passName: string;
  status: PassStatus;
  notificationHeader: string;
  passLinkSlug: string;
  /** Without `locations`: those are listed below and stored through the location table. */
  passMetadata: PassMetadata;
  images: SeedImage[];
  locations: Pick<CreateLocationRequest, 'name' | 'enabled' | 'latitude' | 'longitude' | 'altitude' | 'relevantText'>[];
  counts: SeedCounts;
  createdTime: string;
  updatedTime: string;
  createdBy: string;
}

export interface SeedWorkspace {
  id: string;
  name: string;
  passes: SeedPass[];
}

export interface SeedDemoKey {
  apiKey: string;
  label: string;
  workspaceIds: string[];
}

export interface SeedData {
  workspaces: SeedWorkspace[];
  /** The key reaching every workspace comes first. */
  demoKeys: SeedDemoKey[];
}
