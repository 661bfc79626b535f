/**
 * The starter templates of New pass: designs (starter-templates.json) and their artwork
 * (assets/<id>/*.png, drawn by draw-template-images.ts), shipped with the app and loaded with the
 * New pass dialog. A template becomes a pass by uploading its images and creating the pass.
 */
import type { PassImageName } from '../../../contract/rules';
import { type PassMetadata, UploadResponseSchema, WalletPassSchema } from '../../../contract/schemas';
import { type CreatePassRequest, CreatePassRequestSchema } from '../../../contract/input-schemas';
import type { ApiClient } from '../../lib/api-client';
import type { ComponentProps } from 'react';
import type { ApplePassPreview } from '../passes/preview/apple-pass-preview';
import templates from './starter-templates.json';

/** What the preview components draw (however the preview module names it). */
type PreviewPass = ComponentProps<typeof ApplePassPreview>['pass'];

export interface StarterTemplate {
  id: string;
  title: string;
  summary: string;
  pass: { notificationHeader?: string; passMetadata: PassMetadata };
}

// Built as files, never inlined: the browser reads them back with fetch to upload them, and the
// page's Content-Security-Policy lets fetch reach only this origin.
const imageUrls = import.meta.glob<string>('./assets/*/*.png', { eager: true, query: '?no-inline', import: 'default' });

const IMAGE_NAMES = ['logo.png', 'icon.png', 'strip.png'] as const satisfies readonly PassImageName[];

export const STARTER_TEMPLATES: readonly StarterTemplate[] = templates as StarterTemplate[];

/** The template's image URLs by file name. */
export function templateImages(template: StarterTemplate): Partial<Record<PassImageName, string>> {
  const images: Partial<Record<PassImageName, string>> = {};
  for (const name of IMAGE_NAMES) {
    const url = imageUrls[`./assets/${template.id}/${name}`];
    if (url) images[name] = url;
  }
  return images;
}

/** What the gallery's thumbnails draw. */
export function templatePreview(template: StarterTemplate): PreviewPass {
  return {
    passName: template.title,
    notificationHeader: template.pass.notificationHeader ?? null,
    passMetadata: template.pass.passMetadata,
    images: templateImages(template),
  };
}

/**
 * Creates a Draft from a template: its images are uploaded first (in parallel), then the pass is
 * created with them, so a failed upload creates nothing.
 */
export async function createFromTemplate(
  client: ApiClient,
  workspaceId: string,
  template: StarterTemplate,
  passName: string,
) {
  const uploads = await Promise.all(
    Object.entries(templateImages(template)).map(async ([fileName, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The template's ${fileName} could not be read (${response.status}).`);
      const body = new FormData();
      body.append('file', await response.blob(), fileName);
      const uploaded = await client.request('/uploads', {
        method: 'POST',
        workspaceId,
        body,
        schema: UploadResponseSchema,
        timeoutMs: 60_000,
      });
      return { fileName, uploadKey: uploaded.key };
    }),
  );
  const body = {
    passName,
    status: 'Draft',
    notificationHeader: template.pass.notificationHeader,
    passMetadata: structuredClone(template.pass.passMetadata),
    uploadInfoList: uploads,
  } as CreatePassRequest;
  return client.request('/wallet-pass', {
    method: 'POST',
    workspaceId,
    body,
    bodySchema: CreatePassRequestSchema,
    schema: WalletPassSchema,
  });
}
