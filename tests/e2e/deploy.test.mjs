// Serving the build: the policy's copies in step, and every server we ship a configuration for
// (scripts/static-server.mjs, Debian's nginx with deploy/nginx/ziping-app.conf, Debian's caddy
// with deploy/caddy/ziping.caddy, static-web-server with deploy/static-web-server/ziping.toml)
// sending the precompressed files the
// browser accepts, with Vary, the right policy per page, the cache rules and types; the app
// opens through nginx.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { createServer } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CSP, LEGACY_CSP } from "../../scripts/static-server.mjs";
import { ROOT, appReady, launch, serve, withFailureShot } from "./helpers.mjs";

const DIST = join(ROOT, "dist");
const NGINX_APP = join(ROOT, "deploy/nginx/ziping-app.conf");
const CADDY_APP = join(ROOT, "deploy/caddy/ziping.caddy");
const SWS_APP = join(ROOT, "deploy/static-web-server/ziping.toml");
// Where `cargo install` (scripts/setup --browser) puts it.
const SWS = join(process.env.CARGO_HOME || join(process.env.HOME || "", ".cargo"), "bin/static-web-server");
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const metaPolicy = (html) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
// A <meta> policy cannot carry frame-ancestors; the header adds it.
const asMeta = (policy) => policy.replace("; frame-ancestors 'none'", "");

test("every copy of the policy says the same, and legacy.html differs only in 'unsafe-eval'", () => {
  for (const page of ["index.html", "county.html"]) {
    assert.equal(metaPolicy(readFileSync(join(ROOT, page), "utf8")), asMeta(CSP), page);
  }
  for (const page of ["index.html", "county/index.html"]) {
    assert.equal(metaPolicy(readFileSync(join(DIST, page), "utf8")), asMeta(CSP), `dist/${page}`);
  }
  for (const page of ["legacy.html", "county/legacy.html"]) {
    assert.equal(metaPolicy(readFileSync(join(DIST, page), "utf8")), asMeta(LEGACY_CSP), `dist/${page}`);
  }
  assert.equal(LEGACY_CSP, CSP.replace("'wasm-unsafe-eval'", "'unsafe-eval'"));
  const nginx = [...readFileSync(NGINX_APP, "utf8").matchAll(/set \$ziping_csp "([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(nginx, [CSP, LEGACY_CSP], "deploy/nginx/ziping-app.conf");
  const caddy = [...readFileSync(CADDY_APP, "utf8").matchAll(/Content-Security-Policy "([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(caddy, [CSP, LEGACY_CSP], "deploy/caddy/ziping.caddy");
  const sws = [...readFileSync(SWS_APP, "utf8").matchAll(/^Content-Security-Policy = "([^"]+)"/gm)].map((m) => m[1]);
  assert.deepEqual(sws, [CSP, LEGACY_CSP], "deploy/static-web-server/ziping.toml");
});

/** A free loopback port. */
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Debian's nginx, in the foreground, serving dist/ with ziping-app.conf on a loopback port. */
async function nginx() {
  const dir = mkdtempSync(join(tmpdir(), "ziping-nginx-"));
  const port = await freePort();
  const conf = `
${existsSync(BROTLI_MODULE) ? `load_module ${BROTLI_MODULE};` : ""}
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${DIST};
    include ${NGINX_APP};
  }
}`;
  writeFileSync(join(dir, "nginx.conf"), conf);
  const child = spawn("/usr/sbin/nginx", ["-c", join(dir, "nginx.conf"), "-p", dir], { stdio: ["ignore", "inherit", "inherit"] });
  return running(child, dir, port, () => readFileSync(join(dir, "error.log"), "utf8"));
}

/** A server started in `dir` on `port`, once it answers: its address, and how to stop it (and
 * remove `dir`). If it exits first, the error says why from `log()`. */
async function running(child, dir, port, log) {
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${log()}`);
    try {
      await fetch(url);
      break;
    } catch (e) {
      if (i > 200) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const exited = new Promise((r) => child.once("exit", r));
  return {
    url,
    stop: async () => {
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's caddy serving dist/ with ziping.caddy on a loopback port (plain HTTP). */
async function caddy() {
  const dir = mkdtempSync(join(tmpdir(), "ziping-caddy-"));
  const port = await freePort();
  writeFileSync(join(dir, "Caddyfile"), `{\n\tadmin off\n\tauto_https off\n}\nhttp://127.0.0.1:${port} {\n\troot * ${DIST}\n\timport ${CADDY_APP}\n}\n`);
  let log = "";
  const child = spawn("/usr/bin/caddy", ["run", "--config", join(dir, "Caddyfile"), "--adapter", "caddyfile"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
  });
  child.stderr.on("data", (d) => (log += d));
  return running(child, dir, port, () => log);
}

/** static-web-server with the shipped ziping.toml, its address, root and TLS lines (marked
 * «yours») replaced for a loopback port and plain HTTP: everything else as shipped. */
async function staticWebServer() {
  const dir = mkdtempSync(join(tmpdir(), "ziping-sws-"));
  const port = await freePort();
  let conf = readFileSync(SWS_APP, "utf8");
  const swap = (pattern, line) => {
    assert.match(conf, pattern, `ziping.toml has ${pattern}`);
    conf = conf.replace(pattern, line);
  };
  swap(/^host = .*$/m, `host = "127.0.0.1"`);
  swap(/^port = .*$/m, `port = ${port}`);
  swap(/^root = .*$/m, `root = ${JSON.stringify(DIST)}`);
  swap(/^(http2|https-redirect)[a-z-]* = .*$/gm, "");
  writeFileSync(join(dir, "ziping.toml"), conf);
  let log = "";
  const child = spawn(SWS, ["--config-file", join(dir, "ziping.toml")], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  return running(child, dir, port, () => log);
}

const servers = {};
before(async () => {
  assert.ok(existsSync("/usr/sbin/nginx"), "nginx is installed (scripts/setup --browser)");
  servers["static-server.mjs"] = await serve();
  servers.nginx = await nginx();
  assert.ok(existsSync("/usr/bin/caddy"), "caddy is installed (scripts/setup --browser)");
  servers.caddy = await caddy();
  assert.ok(existsSync(SWS), "static-web-server is installed (scripts/setup --browser)");
  servers["static-web-server"] = await staticWebServer();
});
after(async () => {
  for (const s of Object.values(servers)) await s.stop();
});

for (const name of ["static-server.mjs", "nginx", "caddy", "static-web-server"]) {
  test(`${name} sends the precompressed files, each page's policy and the cache rules`, async () => {
    const base = servers[name].url;
    // The bytes as sent (fetch would decompress them and hide what the server chose).
    const get = (path, encodings) =>
      new Promise((resolve, reject) => {
        const headers = encodings === undefined ? {} : { "accept-encoding": encodings };
        httpGet(new URL(path, base), { headers }, (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => {
            const bytes = Buffer.concat(chunks);
            const encoding = res.headers["content-encoding"];
            const body = encoding === "br" ? brotliDecompressSync(bytes) : encoding === "gzip" ? gunzipSync(bytes) : bytes;
            resolve({ status: res.statusCode, headers: { get: (h) => res.headers[h.toLowerCase()] ?? null }, bytes, body, text: () => body.toString("utf8") });
          });
        }).on("error", reject);
      });
    const wasm = readdirSync(DIST).find((f) => /^ziping-web-[0-9a-f]+_bg\.wasm$/.test(f));
    const wasmSize = statSync(join(DIST, wasm)).size;

    const start = await get("/", "gzip, deflate, br");
    assert.equal(start.status, 200);
    assert.equal(start.headers.get("content-encoding"), "br");
    assert.match(start.headers.get("vary") || "", /Accept-Encoding/i);
    assert.equal(start.headers.get("content-security-policy"), CSP);
    assert.equal(start.headers.get("cache-control"), "no-cache");
    assert.match(start.headers.get("content-type"), /^text\/html; charset=utf-8$/i);
    assert.match(start.text(), /自评 ziping/);

    for (const page of ["/legacy.html", "/county/legacy.html"]) {
      const legacy = await get(page, "br");
      assert.equal(legacy.status, 200, page);
      assert.equal(legacy.headers.get("content-security-policy"), LEGACY_CSP, page);
      assert.equal(legacy.headers.get("cache-control"), "no-cache", page);
    }

    const gz = await get(`/${wasm}`, "gzip");
    assert.equal(gz.headers.get("content-encoding"), "gzip");
    assert.equal(gz.headers.get("content-type"), "application/wasm");
    assert.equal(gz.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.equal(gz.body.length, wasmSize, "the .gz is the wasm");
    const br = await get(`/${wasm}`, "br");
    assert.equal(br.headers.get("content-encoding"), "br");
    assert.ok(br.bytes.length < gz.bytes.length, "brotli is smaller than gzip");
    assert.ok(br.body.equals(gz.body), "the .br is the wasm");
    const plain = await get(`/${wasm}`, "identity");
    assert.equal(plain.headers.get("content-encoding"), null);
    assert.equal(plain.bytes.length, wasmSize);

    const county = await get("/county/", "br");
    assert.equal(county.status, 200);
    assert.equal(county.headers.get("content-security-policy"), CSP);
    assert.match(county.text(), /县级汇总/);
    for (const path of ["/sw.js", "/county/ziping-county-worker_loader.js", "/county/ziping-county-worker_bg.wasm", "/manifest.webmanifest"]) {
      const r = await get(path, "br");
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get("cache-control"), "no-cache", path);
    }
    const manifest = await get("/manifest.webmanifest");
    assert.match(manifest.headers.get("content-type"), /^application\/manifest\+json/);
    // A 404 (a new build half copied) is never kept for a year. static-web-server sets headers
    // by path alone, so there a hashed name's 404 would be: README says to copy pages last.
    const missingName = name === "static-web-server" ? "/no-such-file.js" : "/no-such-file-0123456789abcdef.js";
    const missing = await get(missingName);
    assert.equal(missing.status, 404);
    assert.doesNotMatch(missing.headers.get("cache-control") || "", /max-age=[1-9]|immutable/);
    for (const path of ["/", "/county/", "/legacy.html"]) {
      assert.equal((await get(path)).headers.get("x-content-type-options"), "nosniff", path);
    }

    // "br;q=0" refuses brotli.
    const noBrotli = await get(`/${wasm}`, "br;q=0, gzip");
    assert.equal(noBrotli.headers.get("content-encoding"), "gzip");
    // County mode's folder without its slash moves to it (its relative addresses need it).
    const bare = await get("/county", "br");
    assert.ok([301, 308].includes(bare.status), `/county: ${bare.status}`);
    assert.equal(new URL(bare.headers.get("location"), base).pathname, "/county/");
    assert.doesNotMatch(bare.headers.get("cache-control") || "", /immutable/);
  });
}

test("the app opens and county mode reads files through nginx", { timeout: 120000 }, async (t) => {
  const browser = await launch();
  const page = await browser.context.newPage();
  try {
    await withFailureShot(t, page, async () => {
      const violations = [];
      page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
      const encodings = [];
      page.on("response", (r) => r.url().endsWith(".wasm") && encodings.push(r.headers()["content-encoding"]));
      await page.goto(servers.nginx.url);
      await appReady(page);
      assert.ok(page.url().endsWith("/"), "today's Chromium stays on the strict page");
      await page.goto(new URL("county/", servers.nginx.url).href);
      await page.getByTestId("county-page").waitFor();
      const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".json")).sort();
      await page.getByTestId("county-files").setInputFiles(examples.map((f) => join(ROOT, "examples", f)));
      await page.getByTestId("county-summary").getByText(`共 ${examples.length} 个文件：正常 ${examples.length}。`).waitFor();
      assert.deepEqual(violations, []);
      assert.ok(encodings.length >= 2 && encodings.every((e) => e === "br"), `wasm sent as ${encodings}`);
    });
  } finally {
    await page.close();
    await browser.cleanup();
  }
});
