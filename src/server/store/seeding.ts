/**
 * Writes `SeedData` into a new database: workspaces (each with a default account), demo keys
 * (each acting as its own user), and passes whose images become uploads referenced by key
 * from `uploadInfoList`, exactly as if a client had uploaded them first.
 */
import type Database from 'better-sqlite3';
import { fakeGoogleSaveToken, newId, newUploadKey } from '../ids';
import { readPngInfo } from '../png';
import type { SeedData } from '../seed/seed-types';
import { locationDocOf, passDocOf } from './documents';

export function seedDatabase(db: Database.Database, data: SeedData): void {
  const insertWorkspace = db.prepare('INSERT INTO workspaces (id, name, account_id, position) VALUES (?, ?, ?, ?)');
  const insertKey = db.prepare('INSERT INTO api_keys (api_key, label, user_id, position) VALUES (?, ?, ?, ?)');
  const linkKey = db.prepare('INSERT INTO api_key_workspaces (api_key, workspace_id, position) VALUES (?, ?, ?)');
  const insertUpload = db.prepare(
    'INSERT INTO uploads (key, workspace_id, png, width, height, created_time) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertPass = db.prepare(
    `INSERT INTO passes (id, workspace_id, account_id, pass_name, pass_name_key, pass_name_lower, status, slug,
       google_pass_link, doc, apple_issued, google_issued, apple_active, google_active,
       created_time, updated_time, created_by, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLocation = db.prepare(
    `INSERT INTO locations (id, workspace_id, pass_id, name, name_lower, doc, created_time, updated_time, created_by, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  data.workspaces.forEach((workspace, position) => {
    const accountId = newId();
    insertWorkspace.run(workspace.id, workspace.name, accountId, position);
    for (const pass of workspace.passes) {
      const uploadInfoList = pass.images.map((image) => {
        const info = readPngInfo(image.png);
        if (!info.ok) throw new Error(`Seed image ${image.fileName} of "${pass.passName}": ${info.reason}`);
        const key = newUploadKey();
        insertUpload.run(key, workspace.id, Buffer.from(image.png), info.width, info.height, pass.createdTime);
        return { fileName: image.fileName, uploadKey: key };
      });
      const doc = passDocOf({
        passMetadata: pass.passMetadata,
        uploadInfoList,
        notificationHeader: pass.notificationHeader,
      });
      const { appleIssued, googleIssued } = pass.counts;
      // Clamp so the seed cannot break the invariants the install simulation keeps.
      const appleActive = Math.max(0, Math.min(pass.counts.appleActive, appleIssued));
      const googleActive = Math.max(0, Math.min(pass.counts.googleActive, googleIssued));
      insertPass.run(
        pass.id,
        workspace.id,
        accountId,
        pass.passName,
        pass.passName.trim().toLowerCase(),
        pass.passName.toLowerCase(),
        pass.status,
        pass.passLinkSlug,
        `https://pay.google.com/gp/v/save/${fakeGoogleSaveToken(pass.id)}`,
        JSON.stringify(doc),
        appleIssued,
        googleIssued,
        appleActive,
        googleActive,
        pass.createdTime,
        pass.updatedTime,
        pass.createdBy,
        pass.createdBy,
      );
      // Spread the locations' times a millisecond apart so their creation order is the seed's order.
      const base = Date.parse(pass.createdTime);
      pass.locations.forEach((location, i) => {
        const name = String(location.name);
        const time = new Date(base + i + 1).toISOString();
        insertLocation.run(
          newId(base + i + 1),
          workspace.id,
          pass.id,
          name,
          name.toLowerCase(),
          JSON.stringify(locationDocOf(location)),
          time,
          time,
          pass.createdBy,
          pass.createdBy,
        );
      });
    }
  });

  data.demoKeys.forEach((key, position) => {
    insertKey.run(key.apiKey, key.label, newId(), position);
    key.workspaceIds.forEach((workspaceId, i) => linkKey.run(key.apiKey, workspaceId, i));
  });
}
