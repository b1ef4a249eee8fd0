// A small static file server for the built app (dist/), bound to loopback by default.
// Used by `scripts/serve` and the end-to-end tests. Usage:
//   node scripts/static-server.mjs [DIR] [--host 127.0.0.1] [--port 8080]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const root = resolve(args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--"))) || "dist");
const host = flag("--host", "127.0.0.1");
const port = Number(flag("--port", "8080"));

// The same policy as the <meta> in index.html and county.html, also sent as a header (with
// frame-ancestors, which a <meta> cannot carry). deploy/nginx/ziping.conf sends the same;
// tests/e2e/deploy.test.mjs keeps every copy in step.
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// legacy.html (both pages): the same, for engines that do not know 'wasm-unsafe-eval' and so
// compile WebAssembly only under 'unsafe-eval' (Chromium before 97; scripts/compat.js).
export const LEGACY_CSP = CSP.replace("'wasm-unsafe-eval'", "'unsafe-eval'");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://x");
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("bad request");
      return;
    }
    let file = normalize(join(root, path));
    if (path.includes("\0") || (file !== root && !file.startsWith(root + sep))) throw Object.assign(new Error("outside"), { code: "ENOENT" });
    if ((await stat(file)).isDirectory()) {
      // A folder without its slash moves to it, as nginx and Caddy do (its page's relative
      // addresses need the slash).
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { Location: url.pathname + "/" + url.search });
        res.end();
        return;
      }
      file = join(file, "index.html");
    }
    // scripts/build wrote file.br and file.gz beside every text and wasm file: send the
    // smallest the browser accepts, as nginx's brotli_static and gzip_static do.
    // Accept-Encoding as RFC 9110 reads it: "br;q=0" refuses brotli.
    const accepted = new Set();
    for (const part of String(req.headers["accept-encoding"] || "").split(",")) {
      const [name, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)).find(Boolean);
      if (name && !(q && Number(q[1]) === 0)) accepted.add(name);
    }
    let body = null;
    let encoding = null;
    for (const [enc, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (!accepted.has(enc)) continue;
      body = await readFile(file + ext).catch(() => null);
      if (body) {
        encoding = enc;
        break;
      }
    }
    body = body || (await readFile(file));
    const compressible = await stat(file + ".gz").then(() => true, () => false);
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] || "application/octet-stream",
      ...(encoding ? { "Content-Encoding": encoding } : {}),
      ...(compressible ? { Vary: "Accept-Encoding" } : {}),
      "Content-Length": body.length,
      "Content-Security-Policy": file.endsWith("legacy.html") ? LEGACY_CSP : CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      // The service worker, pages and the county worker (whose names Trunk cannot hash) must
      // always be checked for updates; hashed files never change.
      "Cache-Control": /sw\.js$|\.html$|\.webmanifest$|ziping-county-worker/.test(file) ? "no-cache" : "public, max-age=31536000, immutable",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (e) {
    res.writeHead(e.code === "ENOENT" || e.code === "ENOTDIR" ? 404 : 500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(e.code === "ENOENT" || e.code === "ENOTDIR" ? "not found" : "error");
  }
});

// Imported (the tests read CSP and LEGACY_CSP), it serves nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) server.listen(port, host, () => {
  // Tests start it with --port 0 and read the chosen port from this line.
  console.log(`ziping: serving ${root} at http://${host}:${server.address().port}/`);
});
