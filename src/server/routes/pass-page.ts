/**
 * `GET /p/{slug}`: the sandbox's stand-in for the page a pass link opens. No real wallet file is
 * issued here; the page says so and offers the Google save link. No inline script or style, so it
 * works under the same strict Content-Security-Policy as the rest of the site.
 */
import { Hono } from 'hono';
import { uploadKeyOf } from '../../contract/schemas';
import type { AppEnv } from '../app-env';
import { isObject } from '../store/documents';
import type { SandboxStore } from '../store/sandbox-store';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

export function passPageRoutes(store: SandboxStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:slug', (c) => {
    const pass = store.findPassBySlug(c.req.param('slug'));
    // A Draft is still being designed: its link exists but shows nothing until it is published.
    if (!pass || pass.status !== 'Published') {
      return c.html(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pass not found</title></head><body><h1>Pass not found</h1><p>This pass link does not exist, or its pass is not published.</p></body></html>',
        404,
      );
    }
    const name = escapeHtml(pass.passName);
    const images = Array.isArray(pass.doc.uploadInfoList) ? pass.doc.uploadInfoList.filter(isObject) : [];
    const logo = images.find((i) => i.fileName === 'logo.png');
    const logoKey = logo ? uploadKeyOf(logo) : undefined;
    const logoHtml = logoKey ? `<p><img src="/files/${escapeHtml(logoKey)}.png" alt="" height="50"></p>` : '';
    return c.html(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Add ${name} to your wallet</title>
</head>
<body>
<main>
${logoHtml}
<h1>Add ${name} to your wallet</h1>
<p>This link comes from the Pass Studio sandbox, so no real wallet pass is issued.</p>
<ul>
<li><a href="${escapeHtml(pass.googlePassLink)}" rel="noreferrer">Add to Google Wallet</a></li>
</ul>
</main>
</body>
</html>`);
  });
  return app;
}
