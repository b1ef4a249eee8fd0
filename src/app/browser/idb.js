// IndexedDB glue for ziping (bundled by wasm-bindgen as a snippet; no other JS ships).
// Drafts live here, not in localStorage: Chromium commits localStorage lazily and loses the
// last seconds when the browser is killed; an IndexedDB transaction with strict durability
// is on disk when it completes. Values are the JSON text Rust wrote: Rust's serde types stay
// the one definition of the format.

const DB = "ziping";
// 2: the "checklists" store (county checklists loaded in this browser).
// 3: the "checklist_drafts" store (county checklists being made, 制作县级清单).
// 4: the "county_files" store (county mode's batch: the files themselves, in arrival order).
// 5: the "evidence" store (the bytes of evidence files the principal attached, by SHA-256, for
//    the 报送包).
const VERSION = 5;
let opening = null;
// The open database, once open: what a write at the page's last moment needs at once.
let ready = null;
// A mark no other write has: each draft record carries the mark of the write that stored it
// (`wid`), and this page, its own while it lives (a Web Lock of that name, held until the page
// is gone).
function mark() {
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}
const PAGE = mark();
if (navigator.locks) navigator.locks.request(`ziping-page-${PAGE}`, () => new Promise(() => {}));
// Per draft id, the stored records this page knows to be the draft as it has it: the one it
// read or last wrote, and the one it is writing. A rescue applies only over one of these.
const knownWrites = new Map();
const writing = new Map();
// Where the last changes of a page that went before its save finished are kept ("meta" store).
const RESCUE = "rescue\u001f";

function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        for (const store of ["drafts", "summaries", "meta", "checklists", "checklist_drafts", "evidence"]) {
          if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
        }
        if (!db.objectStoreNames.contains("county_files")) {
          db.createObjectStore("county_files", { autoIncrement: true });
        }
      };
      req.onsuccess = () => {
        const db = req.result;
        // A newer version of ziping opened in another tab: let it upgrade, reopen next time.
        db.onversionchange = () => { db.close(); opening = null; ready = null; };
        ready = db;
        resolve(db);
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error("database blocked"));
    });
    opening.catch(() => { opening = null; });
  }
  return opening;
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("aborted"));
  });
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The JSON text stored under `key` in `store`, or null. */
export async function idbGet(store, key) {
  const db = await open();
  const value = await request(db.transaction(store).objectStore(store).get(key));
  if (store === "drafts" && value && value.wid) knownWrites.set(key, value.wid);
  return value === undefined ? null : (value.json ?? null);
}

/** Every JSON text in `store`. */
export async function idbAll(store) {
  const db = await open();
  const values = await request(db.transaction(store).objectStore(store).getAll());
  return values.map((v) => v.json);
}

export async function idbPut(store, key, json) {
  const db = await open();
  const tx = db.transaction(store, "readwrite", { durability: "strict" });
  tx.objectStore(store).put({ json }, key);
  await done(tx);
}

/**
 * Whether a save over `base` may not write: the newer revision another tab stored, "gone"
 * when the record this tab stored is no longer there (another tab deleted it: not brought
 * back unasked), or null. `base` is undefined for a record never stored.
 */
function standsInWay(stored, base) {
  if (base === undefined || base === null) return null;
  if (!stored) return GONE;
  return stored.revision > base ? stored.revision : null;
}
const GONE = "gone";

/**
 * Saves a draft and its summary in one transaction, unless the stored revision is newer
 * than `base` (another tab's work; `base` is undefined for a draft never saved) or the draft
 * was deleted since. Resolves to null when saved, or to what stood in the way (nothing
 * written): the newer revision found, or "gone". Rejects when the browser refuses (quota,
 * disabled).
 */
export async function idbSaveDraft(id, json, revision, summaryJson, base) {
  const db = await open();
  const tx = db.transaction(["drafts", "summaries", "meta"], "readwrite", { durability: "strict" });
  const drafts = tx.objectStore("drafts");
  const stored = await request(drafts.get(id));
  const inWay = standsInWay(stored, base);
  if (inWay !== null) {
    tx.abort();
    return inWay;
  }
  const wid = mark();
  writing.set(id, wid);
  drafts.put({ json, revision, wid }, id);
  tx.objectStore("summaries").put({ json: summaryJson }, id);
  // A rescue this write covers is done with (one of later changes stays).
  const meta = tx.objectStore("meta");
  const rescue = await request(meta.get(RESCUE + id));
  if (rescue && rescue.page === PAGE && rescue.revision <= revision) meta.delete(RESCUE + id);
  try {
    await done(tx);
    knownWrites.set(id, wid);
  } finally {
    if (writing.get(id) === wid) writing.delete(id);
  }
  return null;
}

/**
 * The page is going (reloaded, closed) with changes not yet saved: writes them now, as a
 * rescue record beside the draft, without waiting for anything. A save reads the stored
 * revision before it writes, and a page that is going no longer runs what it waits for. The
 * next load applies the rescue (`idbRecoverDrafts`). False when the database is not open yet.
 */
export function idbRescueDraft(id, json, revision, summaryJson, base) {
  if (!ready) return false;
  try {
    const tx = ready.transaction("meta", "readwrite", { durability: "strict" });
    // The stored records it may go over: the one this page has, and the one it is writing.
    const over = [knownWrites.get(id), writing.get(id)].filter((w) => w);
    const record = { json, revision, summary: summaryJson, base, page: PAGE, over };
    tx.objectStore("meta").put(record, RESCUE + id);
    if (tx.commit) tx.commit();
    return true;
  } catch (e) {
    return false;
  }
}

/** Whether the page that wrote a rescue is still open (its lock held a while after it goes). */
async function alive(page) {
  if (!navigator.locks) return false;
  for (let tries = 0; tries < 8; tries++) {
    const free = await navigator.locks.request(`ziping-page-${page}`, { ifAvailable: true }, (lock) => lock !== null);
    if (free) return false;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return true;
}

/**
 * Applies the rescued changes of pages that went before their save finished: a rescue becomes
 * the draft only when the stored record is one its page knew (the one it had, or the one it was
 * writing), so nothing written after it, by another tab or by a later save of its own, is
 * overwritten, and only once its page is gone (an open tab saves its own changes). A draft
 * deleted since is not brought back. A rescue that cannot be applied (another tab saved the
 * draft since) is never written over that newer work: it is given back, `{id, page, json,
 * summary}`, to be kept as a copy (`idbForgetRescue` then), and kept here until it is.
 */
export async function idbRecoverDrafts() {
  const db = await open();
  const rescues = IDBKeyRange.bound(RESCUE, RESCUE + "\uffff");
  const pending = await request(db.transaction("meta").objectStore("meta").getAll(rescues));
  const gone = new Set();
  for (const rescue of pending) {
    if (rescue.page !== PAGE && !(await alive(rescue.page))) gone.add(rescue.page);
  }
  if (gone.size === 0) return [];
  const tx = db.transaction(["drafts", "summaries", "meta"], "readwrite", { durability: "strict" });
  const meta = tx.objectStore("meta");
  const drafts = tx.objectStore("drafts");
  const keys = await request(meta.getAllKeys(rescues));
  const unplaced = [];
  for (const key of keys) {
    const rescue = await request(meta.get(key));
    if (!gone.has(rescue.page)) continue;
    const id = key.slice(RESCUE.length);
    const stored = await request(drafts.get(id));
    const never = rescue.base === undefined || rescue.base === null;
    // A record from before drafts carried marks: the revision the page started from.
    const over = stored && (stored.wid ? (rescue.over || []).includes(stored.wid) : stored.revision === rescue.base);
    if (!stored && !never) {
      meta.delete(key); // deleted since it was stored
    } else if ((!stored && never) || over) {
      drafts.put({ json: rescue.json, revision: rescue.revision, wid: mark() }, id);
      tx.objectStore("summaries").put({ json: rescue.summary }, id);
      meta.delete(key);
    } else {
      unplaced.push({ id, page: rescue.page, json: rescue.json, summary: rescue.summary });
    }
  }
  await done(tx);
  return unplaced;
}

/** Forgets the rescue of draft `id` that page `page` left, once it is kept as a copy. */
export async function idbForgetRescue(id, page) {
  const db = await open();
  const tx = db.transaction("meta", "readwrite", { durability: "strict" });
  const meta = tx.objectStore("meta");
  const rescue = await request(meta.get(RESCUE + id));
  if (rescue && rescue.page === page) meta.delete(RESCUE + id);
  await done(tx);
}

/**
 * Saves `json` under `id` in `store` with its revision, unless the stored revision is newer
 * than `base` (another tab's; `base` undefined: never saved from here) or the record was
 * deleted since. Resolves to null when saved, or to what stood in the way (nothing written):
 * the newer revision found, or "gone".
 */
export async function idbSaveRevision(store, id, json, revision, base) {
  const db = await open();
  const tx = db.transaction(store, "readwrite", { durability: "strict" });
  const records = tx.objectStore(store);
  const inWay = standsInWay(await request(records.get(id)), base);
  if (inWay !== null) {
    tx.abort();
    return inWay;
  }
  records.put({ json, revision }, id);
  await done(tx);
  return null;
}

export async function idbDeleteDraft(id) {
  const db = await open();
  const tx = db.transaction(["drafts", "summaries", "meta"], "readwrite", { durability: "strict" });
  tx.objectStore("drafts").delete(id);
  tx.objectStore("summaries").delete(id);
  tx.objectStore("meta").delete(RESCUE + id);
  await done(tx);
}

export async function idbDelete(store, key) {
  const db = await open();
  const tx = db.transaction(store, "readwrite", { durability: "strict" });
  tx.objectStore(store).delete(key);
  await done(tx);
}

// When each evidence file was last kept ("meta"): a file is let go only a day after, whatever
// any page names (`idbCollectEvidence`).
const EVIDENCE_KEPT = "evidence-kept\u001f";
const EVIDENCE_GRACE_MS = 24 * 60 * 60 * 1000;

/** Keeps an evidence file's bytes under its SHA-256 (the same file attached twice is one). */
export async function idbPutEvidence(sha256, bytes) {
  const db = await open();
  const tx = db.transaction(["evidence", "meta"], "readwrite", { durability: "strict" });
  tx.objectStore("evidence").put(bytes, sha256);
  tx.objectStore("meta").put(Date.now(), EVIDENCE_KEPT + sha256);
  await done(tx);
}

/** An evidence file's bytes (a Uint8Array), or null when this browser does not have them. */
export async function idbGetEvidence(sha256) {
  const db = await open();
  const value = await request(db.transaction("evidence").objectStore("evidence").get(sha256));
  return value === undefined ? null : value;
}

/**
 * Lets go of the evidence files no draft names any more (an attachment taken off, a draft
 * deleted), so a year of photos does not fill this browser's storage and refuse the next save.
 * A file stays while any draft, or any rescue of one, names its SHA-256 (read from their
 * text, as serde_json writes an attachment, `"sha256":"<hex>"`: a Rust test keeps that
 * spelling; anything that looks like one keeps a file), and for a day after it was kept (a
 * page may have kept a file its draft does not name yet; so may an older ziping without the
 * locks below). Only when no other ziping page is open or opening (their Web Locks tell);
 * where Web Locks are missing, nothing is let go.
 */
export async function idbCollectEvidence() {
  if (!navigator.locks || !navigator.locks.query) return;
  const { held, pending } = await navigator.locks.query();
  const mine = `ziping-page-${PAGE}`;
  const others = [...(held || []), ...(pending || [])].some((l) => /^ziping-page-/.test(l.name) && l.name !== mine);
  if (others) return;
  const db = await open();
  const tx = db.transaction(["drafts", "meta", "evidence"], "readwrite", { durability: "strict" });
  const named = new Set();
  const collect = (json) => {
    for (const m of String(json || "").matchAll(/"sha256":"([0-9a-f]{64})"/g)) named.add(m[1]);
  };
  for (const draft of await request(tx.objectStore("drafts").getAll())) collect(draft && draft.json);
  const meta = tx.objectStore("meta");
  const rescues = IDBKeyRange.bound(RESCUE, RESCUE + "\uffff");
  for (const rescue of await request(meta.getAll(rescues))) collect(rescue && rescue.json);
  const evidence = tx.objectStore("evidence");
  const now = Date.now();
  for (const key of await request(evidence.getAllKeys())) {
    if (named.has(key)) continue;
    const kept = await request(meta.get(EVIDENCE_KEPT + key));
    if (typeof kept === "number" && now - kept < EVIDENCE_GRACE_MS) continue;
    evidence.delete(key);
    meta.delete(EVIDENCE_KEPT + key);
  }
  await done(tx);
}

// County mode's batch is kept a part at a time: 10,000 files added in one transaction held the
// page's thread 0.6 s. While a pick is being kept, "meta" says from which key and by which page,
// so a pick cut off half kept (the tab closed, storage full) is not restored as if whole.
const KEEPING = "county_keeping";
const KEEP_PART = 250;
// Moved on by 清空: a pick still being kept stops there.
let countyEpoch = 0;

/**
 * County mode's batch: the files dropped or picked, kept as the browser's own File objects
 * (IndexedDB stores their bytes), in the order they came, until 清空. Resolves to the key each
 * file is kept under, in order (fewer when 清空 stopped it). Rejects when the browser refuses
 * (quota, private mode): the batch then lives only as long as the page, and the part kept is
 * not restored.
 */
export async function idbAddCountyFiles(files) {
  const db = await open();
  const epoch = countyEpoch;
  const keys = [];
  for (let at = 0; at < files.length && epoch === countyEpoch; at += KEEP_PART) {
    const tx = db.transaction(["county_files", "meta"], "readwrite", { durability: "strict" });
    const store = tx.objectStore("county_files");
    const added = files.slice(at, at + KEEP_PART).map((file) => store.add(file));
    const meta = tx.objectStore("meta");
    if (at === 0) meta.put({ from: await request(added[0]), page: PAGE }, KEEPING);
    if (at + KEEP_PART >= files.length) meta.delete(KEEPING);
    await done(tx);
    for (const req of added) keys.push(req.result);
  }
  return keys;
}

/** Forgets kept files of the batch by their keys (a copy of a file already in it). */
export async function idbForgetCountyFiles(keys) {
  const db = await open();
  const tx = db.transaction("county_files", "readwrite", { durability: "strict" });
  const store = tx.objectStore("county_files");
  for (const key of keys) store.delete(key);
  await done(tx);
}

/**
 * The batch's files in the order they came, and their keys (`{ keys, files }`), without a
 * pick whose keeping was cut off (what it left is deleted once its page is gone).
 */
export async function idbCountyFiles() {
  const db = await open();
  const keeping = await request(db.transaction("meta").objectStore("meta").get(KEEPING));
  if (keeping && keeping.page !== PAGE && !(await alive(keeping.page))) {
    const tx = db.transaction(["county_files", "meta"], "readwrite", { durability: "strict" });
    const meta = tx.objectStore("meta");
    // Still the same cut-off pick (no 清空 or other pick since).
    const now = await request(meta.get(KEEPING));
    if (now && now.from === keeping.from) {
      tx.objectStore("county_files").delete(IDBKeyRange.lowerBound(keeping.from));
      meta.delete(KEEPING);
    }
    await done(tx);
  }
  const files = db.transaction("county_files").objectStore("county_files");
  const range = keeping ? IDBKeyRange.upperBound(keeping.from, true) : undefined;
  const [keys, values] = await Promise.all([request(files.getAllKeys(range)), request(files.getAll(range))]);
  return { keys, files: values };
}

export async function idbClearCountyFiles() {
  countyEpoch += 1;
  const db = await open();
  const tx = db.transaction(["county_files", "meta"], "readwrite", { durability: "strict" });
  tx.objectStore("county_files").clear();
  tx.objectStore("meta").delete(KEEPING);
  tx.objectStore("meta").delete(PICKED + PAGE);
  await done(tx);
}

// Files picked in county mode and not kept yet (they are kept once every file is read): from
// the pick until they are kept, "meta" says how many under a key of this page's own (two
// county tabs never overwrite each other's), so the next visit can say that a pick its tab
// was closed or reloaded on was not kept (nothing said so). Not strict: a hint, written often.
const PICKED = "county_picked\u001f";

/** This page has `files` picked and not yet kept; 0 once they are all kept. */
export async function idbCountyPicking(files) {
  const db = await open();
  const tx = db.transaction("meta", "readwrite");
  if (files > 0) tx.objectStore("meta").put({ files }, PICKED + PAGE);
  else tx.objectStore("meta").delete(PICKED + PAGE);
  await done(tx);
}

/**
 * How many files the county pages now gone had picked and not kept (their tab closed or
 * reloaded while the files were read): said once, then forgotten; 0 when none.
 */
export async function idbCountyPickLost() {
  const db = await open();
  const range = IDBKeyRange.bound(PICKED, PICKED + "\uffff");
  const keys = await request(db.transaction("meta").objectStore("meta").getAllKeys(range));
  const gone = [];
  for (const key of keys) {
    const page = key.slice(PICKED.length);
    if (page !== PAGE && !(await alive(page))) gone.push(key);
  }
  if (!gone.length) return 0;
  const tx = db.transaction("meta", "readwrite", { durability: "strict" });
  const meta = tx.objectStore("meta");
  let files = 0;
  for (const key of gone) {
    // Still there (two visits opening at once say it once).
    const was = await request(meta.get(key));
    if (!was) continue;
    files += was.files;
    meta.delete(key);
  }
  await done(tx);
  return files;
}
