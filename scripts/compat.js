// First script of both pages (scripts/post-build.mjs puts it there, hashed): a classic script
// in the oldest JavaScript, so it runs on any engine.
//  - Where the page's policy ('wasm-unsafe-eval') forbids compiling WebAssembly (Chromium
//    before 97: 360, QQ and 奇安信 browsers), it moves to legacy.html, the same page with the
//    policy those engines understand ('unsafe-eval').
//  - Where the app cannot start (no WebAssembly, no modules, a loader that fails), it says so
//    on the page instead of leaving it blank. These words are here, not in the catalogue,
//    because the catalogue lives in the WebAssembly that could not start.
(function () {
  var started = false;
  var shown = false;
  var path = location.pathname;
  var legacy = /(^|\/)legacy\.html$/.test(path);
  // The same page with the other policy: /county → /county/legacy.html, /x/index.html →
  // /x/legacy.html, / → /legacy.html.
  var legacyPath = /\/[^\/]*\.html$/.test(path)
    ? path.replace(/[^\/]*\.html$/, "legacy.html")
    : path.replace(/\/?$/, "/legacy.html");

  // The first view in the HTML is for a first visit: someone who chose English, who has a
  // draft to return to, or (county mode) county settings kept here, sees the app's own first
  // page instead (stored by the app, src/app). County mode's first view is its summary, not
  // 制作县级清单 (county/#checklist). scripts/post-build.mjs marks county mode's page.
  var county = document.documentElement.getAttribute("data-page") === "county";
  var returning = county && location.hash === "#checklist";
  try {
    var prefs = JSON.parse(localStorage.getItem("ziping.prefs.v1") || "null");
    if (prefs && (prefs.lang === "en" || (!county && prefs.last_draft))) returning = true;
    if (county && localStorage.getItem("ziping.county-settings.v1")) returning = true;
  } catch (e) {
    // No storage (a private window that forbids it): the first-visit page is right.
  }
  if (returning) document.documentElement.className += " returning";
  // Until the app runs, a file dropped on the page must not replace it (the browser would
  // open the file in the tab).
  var holdDrops = function (e) {
    if (started) return;
    e.preventDefault();
    // The page's first view says the file was not taken (scripts/post-build.mjs puts the line).
    var line = e.type === "drop" && document.querySelector("[data-loading]");
    if (line) line.textContent = "ziping 还在载入，拖入的文件没有读取。请等页面载入完成后再拖一次。";
  };
  addEventListener("dragover", holdDrops);
  addEventListener("drop", holdDrops);

  // Once the app has started, it has failed only while the page it replaces is still there
  // (an app that has taken over shows its own errors).
  function say(detail) {
    if (shown || (started && !document.getElementById("prerender"))) return;
    shown = true;
    // A download cut off (a bad line, the server gone) is not the browser's fault.
    var network = /fetch|network|load failed/i.test(detail || "");
    var show = function () {
      var box = document.createElement("div");
      box.className = "boot-error";
      box.setAttribute("role", "alert");
      box.setAttribute("data-testid", "boot-error");
      var lines = network
        ? [
            "自评 ziping 没有下载完整（网络中断或服务器无响应）。请检查网络后刷新页面。已填写的内容保存在本机，不会丢失。",
            "ziping did not finish downloading (the network or the server dropped). Check the " +
              "connection and reload the page. What you entered is kept on this computer."
          ]
        : [
            "自评 ziping 无法在这个浏览器中启动。请换用 Chrome、Edge、Firefox 或 Safari 的较新版本，" +
              "或把 360、QQ、奇安信浏览器切换到「极速模式」（内核版本 86 及以上）。已填写的内容保存在本机，不会丢失。",
            "ziping cannot start in this browser. Please use a recent Chrome, Edge, Firefox or Safari " +
              "(Chromium 86 or newer). What you entered is kept on this computer."
          ];
      lines.push(detail ? "（" + detail + "）" : "");
      for (var i = 0; i < lines.length; i++) {
        if (!lines[i]) continue;
        var p = document.createElement("p");
        p.appendChild(document.createTextNode(lines[i]));
        box.appendChild(p);
      }
      document.body.insertBefore(box, document.body.firstChild);
    };
    if (document.body) show();
    else document.addEventListener("DOMContentLoaded", show);
  }

  addEventListener("TrunkApplicationStarted", function () {
    started = true;
  });
  addEventListener("ziping-boot-failed", function (e) {
    say(e.detail);
  });
  // Only this site's scripts: a script a browser or an extension adds ("Script error.", no
  // file, or another origin's) says nothing about the app.
  addEventListener("error", function (e) {
    var file = (e && e.filename) || "";
    if (e && e.message && file.indexOf(location.origin + "/") === 0) say(e.message);
  });

  if (typeof WebAssembly !== "object" || typeof Promise !== "function") {
    say("WebAssembly");
    return;
  }
  if (!("noModule" in document.createElement("script"))) {
    say("ES modules");
    return;
  }
  if (legacy) return;
  try {
    // The smallest module: the magic number and version 1.
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch (e) {
    shown = true; // moving on: the loader's refusal here is expected, not worth a message
    location.replace(legacyPath + location.search + location.hash);
  }
})();
