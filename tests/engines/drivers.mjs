// The engines principals and county offices use, each from a package registry, behind one small
// interface (goto, wait, click, type key by key, value, text, files, reload, screenshot), so the
// smoke path in engines.test.mjs reads the same for all of them:
//  - Chromium 86 (chrome-aws-lambda 5.3.1), 92, 103, 109 (@sparticuz/chromium), each driven by
//    the puppeteer-core of its time (tests/engines/package.json): the cores of 360, QQ and
//    奇安信 browsers and of Chrome 109 on Windows 7;
//  - Debian's firefox-esr over WebDriver BiDi (puppeteer-core 25);
//  - Debian's webkit2gtk-driver (WebKitWebDriver and its MiniBrowser) over plain W3C WebDriver,
//    under xvfb-run: the engine of Safari.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";

const HERE = new URL(".", import.meta.url).pathname;
const require = createRequire(join(HERE, "package.json"));
const MODULES = join(HERE, "node_modules");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Unpacks a package's brotli-compressed Chromium (and its GL libraries) once, beside it. */
function unpackChromium(pkg) {
  const bin = join(MODULES, pkg, "bin");
  const out = join(MODULES, `.chromium-${pkg}`);
  const exe = join(out, "chromium");
  if (!existsSync(exe)) {
    mkdirSync(out, { recursive: true });
    const tar = brotliDecompressSync(readFileSync(join(bin, "swiftshader.tar.br")));
    execFileSync("tar", ["-x", "-C", out], { input: tar });
    writeFileSync(exe + ".part", brotliDecompressSync(readFileSync(join(bin, "chromium.br"))), { mode: 0o755 });
    execFileSync("mv", [exe + ".part", exe]);
  }
  return exe;
}

const CHROMIUM_ARGS = [
  "--no-sandbox", "--no-zygote", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--mute-audio",
  "--disable-features=AudioServiceOutOfProcess",
];

/** The engines, oldest first: name, what it stands for, and how to start it. */
export const ENGINES = [
  {
    name: "chromium-86",
    stands_for: "360安全浏览器 13, QQ浏览器 10, 奇安信可信浏览器 (Chromium 86 cores)",
    launch: () => launchPuppeteer("puppeteer-core", {
      executablePath: unpackChromium("chrome-aws-lambda"),
      // What chrome-aws-lambda runs it with; without --single-process it does not start here.
      args: [...CHROMIUM_ARGS, "--use-gl=swiftshader", "--single-process"],
    }),
  },
  {
    name: "chromium-92",
    stands_for: "360极速浏览器, QQ浏览器 11 (Chromium 92 cores)",
    launch: () => launchPuppeteer("puppeteer-core-10", {
      executablePath: unpackChromium("chromium-92"),
      args: [...CHROMIUM_ARGS, "--use-gl=angle", "--use-angle=swiftshader", "--in-process-gpu", "--single-process"],
    }),
  },
  {
    name: "chromium-103",
    stands_for: "360安全浏览器 14, 奇安信 (Chromium 103 cores)",
    launch: () => launchPuppeteer("puppeteer-core-14", {
      executablePath: unpackChromium("chromium-103"),
      args: [...CHROMIUM_ARGS, "--use-gl=angle", "--use-angle=swiftshader", "--in-process-gpu", "--single-process"],
    }),
  },
  {
    name: "chromium-109",
    stands_for: "Chrome 109, the last on Windows 7",
    launch: () => launchPuppeteer("puppeteer-core-19", {
      executablePath: unpackChromium("chromium-109"),
      args: [...CHROMIUM_ARGS, "--use-gl=angle", "--use-angle=swiftshader", "--in-process-gpu", "--single-process"],
    }),
  },
  {
    name: "firefox-esr",
    stands_for: "Firefox ESR",
    launch: () => launchPuppeteer("puppeteer-core-25", {
      browser: "firefox",
      protocol: "webDriverBiDi",
      executablePath: process.env.FIREFOX || "/usr/lib/firefox-esr/firefox-esr",
    }),
  },
  {
    name: "webkitgtk",
    stands_for: "Safari (WebKit)",
    launch: launchWebKit,
  },
];

/** Whether an engine can run here (its package or Debian package installed, a display for WebKit). */
export function available(engine) {
  switch (engine.name) {
    case "firefox-esr":
      return existsSync(process.env.FIREFOX || "/usr/lib/firefox-esr/firefox-esr");
    case "webkitgtk":
      return existsSync(MINIBROWSER) && Boolean(process.env.DISPLAY);
    default:
      return existsSync(join(MODULES, engine.name === "chromium-86" ? "chrome-aws-lambda" : engine.name));
  }
}

// --- puppeteer (every Chromium, and Firefox over BiDi) -------------------------------------

async function launchPuppeteer(pkg, options) {
  const puppeteer = require(pkg);
  // Starting the browser is not what is tested: an old Chromium in one process now and then
  // refuses the first DevTools connection (seen once with 103: ECONNREFUSED after 58 ms), so
  // a failed start is tried twice more before it counts.
  let browser;
  for (let attempt = 1; !browser; attempt++) {
    try {
      browser = await puppeteer.launch({ headless: true, defaultViewport: { width: 1280, height: 900 }, ...options });
    } catch (e) {
      if (attempt >= 3) throw e;
      console.log(`# ${pkg}: starting the browser failed (${e.message}); trying again`);
      await sleep(1000);
    }
  }
  const version = await browser.version();
  let page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e.message || e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const handle = async (sel) => {
    const h = await page.$(sel);
    if (!h) throw new Error(`no element ${sel}`);
    return h;
  };
  return {
    version,
    errors,
    goto: (url) => page.goto(url, { waitUntil: "domcontentloaded" }),
    reload: () => page.reload({ waitUntil: "domcontentloaded" }),
    url: () => page.url(),
    wait: (sel, timeout = 30000) => page.waitForSelector(sel, { visible: true, timeout }),
    click: async (sel) => (await handle(sel)).click(),
    type: async (sel, text) => {
      await (await handle(sel)).focus();
      await page.keyboard.type(text, { delay: 40 });
    },
    press: (key) => page.keyboard.press(key),
    value: (sel) => page.$eval(sel, (el) => el.value),
    text: (sel) => page.$eval(sel, (el) => el.innerText),
    eval: (expr) => page.evaluate(expr),
    setFiles: async (sel, files) => (await handle(sel)).uploadFile(...files),
    viewport: (width, height) => page.setViewport({ width, height }),
    // The page printed to an A4 PDF, as the browser's print dialog makes it.
    pdf: async (path) => {
      await page.emulateMediaType("print");
      await page.pdf({ path, format: "A4", printBackground: true, preferCSSPageSize: true });
      await page.emulateMediaType("screen");
    },
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
    close: async () => {
      // Chromium 103 in one process may never answer close(): bounded, then killed.
      const proc = browser.process();
      const closed = await Promise.race([browser.close().then(() => true, () => false), sleep(8000).then(() => false)]);
      if (!closed && proc && proc.exitCode === null) proc.kill("SIGKILL");
    },
  };
}

// --- WebKitGTK over W3C WebDriver ----------------------------------------------------------

const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

async function launchWebKit() {
  const port = 4400 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  const driver = spawn("WebKitWebDriver", [`--port=${port}`], { stdio: "ignore" });
  const call = async (method, path, body) => {
    const res = await fetch(base + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.value).slice(0, 300)}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      await call("GET", "/status");
      break;
    } catch (e) {
      if (i > 200) throw e;
      await sleep(50);
    }
  }
  const session = await call("POST", "/session", {
    capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } } },
  });
  const S = (p) => `/session/${session.sessionId}${p}`;
  const exec = (script, args = []) => call("POST", S("/execute/sync"), { script, args });
  const find = async (sel) => {
    const found = await call("POST", S("/element"), { using: "css selector", value: sel });
    return Object.values(found)[0];
  };
  const errors = [];
  return {
    version: `${session.capabilities.browserName} ${session.capabilities.browserVersion}`,
    errors,
    goto: (url) => call("POST", S("/url"), { url }),
    reload: () => call("POST", S("/refresh"), {}),
    url: () => call("GET", S("/url")),
    wait: async (sel, timeout = 30000) => {
      const until = Date.now() + timeout;
      const visible = "const e = document.querySelector(arguments[0]); return !!e && !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);";
      while (!(await exec(visible, [sel]).catch(() => false))) {
        if (Date.now() > until) throw new Error(`waiting for ${sel}: timed out after ${timeout} ms`);
        await sleep(100);
      }
    },
    click: async (sel) => call("POST", S(`/element/${await find(sel)}/click`), {}),
    type: async (sel, text) => {
      const id = await find(sel);
      await call("POST", S(`/element/${id}/click`), {});
      // Key by key, as a person types.
      for (const ch of text) {
        await call("POST", S("/actions"), {
          actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: ch }, { type: "keyUp", value: ch }] }],
        });
        await sleep(40);
      }
    },
    press: async (key) => {
      const value = { Tab: "\uE004", Enter: "\uE007", Backspace: "\uE003" }[key] || key;
      await call("POST", S("/actions"), {
        actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value }, { type: "keyUp", value }] }],
      });
    },
    value: (sel) => exec("return document.querySelector(arguments[0]).value", [sel]),
    text: (sel) => exec("return document.querySelector(arguments[0]).innerText", [sel]),
    eval: (expr) => exec(`return (${expr})`),
    setFiles: async (sel, files) => call("POST", S(`/element/${await find(sel)}/value`), { text: files.join("\n") }),
    viewport: (width, height) => call("POST", S("/window/rect"), { width, height }).catch(() => {}),
    screenshot: async (path) => {
      // Two frames first: a screenshot may otherwise show a frame from before the last change.
      await call("POST", S("/execute/async"), {
        script: "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(1)));",
        args: [],
      });
      writeFileSync(path, Buffer.from(await call("GET", S("/screenshot")), "base64"));
    },
    close: async () => {
      await call("DELETE", S("")).catch(() => {});
      driver.kill();
    },
  };
}
