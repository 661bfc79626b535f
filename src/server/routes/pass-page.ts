/**
 * `GET /p/{slug}`: the sandbox's stand-in for the page a pass link opens. No real wallet file is
 * issued here; the page says so and offers the Google save link. No inline script or style, so it
 * works under the same strict Content-Security-Policy as the rest of the site.
 */
import { Hono } from 'hono';
import { uploadKeyOf } from '../../contract/schemas';
import type { AppEnv } from '../app-env';
import { methodNotAllowed } from '../http';
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
    if (!pass) {
      return c.html(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pass not found</title></head><body><h1>Pass not found</h1><p>This pass link does not exist (any more).</p></body></html>',
        404,
      );
    }
    const name = escapeHtml(pass.passName);
    // A Draft is still being designed: its link answers 404 and offers nothing to add to a
    // wallet, only the name, so whoever got the link early knows it is the right one.
    const published = pass.status === 'Published';
    const images = Array.isArray(pass.doc.uploadInfoList) ? pass.doc.uploadInfoList.filter(isObject) : [];
    const logo = images.find((i) => i.fileName === 'logo.png');
    const logoKey = published && logo ? uploadKeyOf(logo) : undefined;
    const logoHtml = logoKey ? `<p><img src="/files/${escapeHtml(logoKey)}.png" alt="" height="50"></p>` : '';
    const offer = published
      ? `<p>This link comes from the Pass Studio sandbox, so no real wallet pass is issued.</p>
<ul>
<li><a href="${escapeHtml(pass.googlePassLink)}" rel="noreferrer">Add to Google Wallet</a></li>
</ul>`
      : '<p><strong>This pass is not published yet, so it cannot be added to a wallet.</strong></p>';
    return c.html(
      `<!doctype html>
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
${offer}
</main>
</body>
</html>`,
      published ? 200 : 404,
    );
  });
  app.all('/:slug', methodNotAllowed(['GET', 'HEAD']));
  return app;
}
