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
// This page's own mark on the drafts it writes: a rescued draft (below) is applied over a
// stored revision only when this page wrote it, or it is the one this page started from.
const PAGE = Math.random().toString(36).slice(2) + Date.now().toString(36);
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
 * Saves a draft and its summary in one transaction, unless the stored revision is newer
 * than `base` (another tab's work; `base` is undefined for a draft never saved). Resolves to
 * null when saved, or to the newer revision found (nothing written). Rejects when the browser
 * refuses (quota, disabled).
 */
export async function idbSaveDraft(id, json, revision, summaryJson, base) {
  const db = await open();
  const tx = db.transaction(["drafts", "summaries", "meta"], "readwrite", { durability: "strict" });
  const drafts = tx.objectStore("drafts");
  const stored = await request(drafts.get(id));
  if (stored && base !== undefined && stored.revision > base) {
    tx.abort();
    return stored.revision;
  }
  drafts.put({ json, revision, page: PAGE }, id);
  tx.objectStore("summaries").put({ json: summaryJson }, id);
  // A rescue this write covers is done with (one of later changes stays).
  const meta = tx.objectStore("meta");
  const rescue = await request(meta.get(RESCUE + id));
  if (rescue && rescue.page === PAGE && rescue.revision <= revision) meta.delete(RESCUE + id);
  await done(tx);
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
    tx.objectStore("meta").put({ json, revision, summary: summaryJson, base, page: PAGE }, RESCUE + id);
    if (tx.commit) tx.commit();
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * Applies the rescued changes of pages that went before their save finished: a rescue becomes
 * the draft when nobody else wrote the draft after it (the stored revision is the one the page
 * started from, or the page's own). A draft deleted since is not brought back. A rescue that
 * lost to another tab's newer revision is kept, never written over that revision. Resolves to
 * the number of drafts recovered.
 */
export async function idbRecoverDrafts() {
  const db = await open();
  const tx = db.transaction(["drafts", "summaries", "meta"], "readwrite", { durability: "strict" });
  const meta = tx.objectStore("meta");
  const drafts = tx.objectStore("drafts");
  const keys = (await request(meta.getAllKeys())).filter((k) => typeof k === "string" && k.startsWith(RESCUE));
  let recovered = 0;
  for (const key of keys) {
    const rescue = await request(meta.get(key));
    const id = key.slice(RESCUE.length);
    const stored = await request(drafts.get(id));
    if (!stored && rescue.base !== undefined && rescue.base !== null) {
      meta.delete(key); // deleted since it was stored
    } else if (stored && stored.revision >= rescue.revision && stored.page === rescue.page) {
      meta.delete(key); // its own later save has it
    } else if (!stored || stored.page === rescue.page || stored.revision <= rescue.base) {
      drafts.put({ json: rescue.json, revision: rescue.revision, page: rescue.page }, id);
      tx.objectStore("summaries").put({ json: rescue.summary }, id);
      meta.delete(key);
      recovered += 1;
    }
  }
  await done(tx);
  return recovered;
}

/**
 * Saves `json` under `id` in `store` with its revision, unless the stored revision is newer
 * than `base` (another tab's; `base` undefined: never saved from here). Resolves to null when
 * saved, or to the newer revision found (nothing written).
 */
export async function idbSaveRevision(store, id, json, revision, base) {
  const db = await open();
  const tx = db.transaction(store, "readwrite", { durability: "strict" });
  const records = tx.objectStore(store);
  const stored = await request(records.get(id));
  if (stored && base !== undefined && stored.revision > base) {
    tx.abort();
    return stored.revision;
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

/** Keeps an evidence file's bytes under its SHA-256 (the same file attached twice is one). */
export async function idbPutEvidence(sha256, bytes) {
  const db = await open();
  const tx = db.transaction("evidence", "readwrite", { durability: "strict" });
  tx.objectStore("evidence").put(bytes, sha256);
  await done(tx);
}

/** An evidence file's bytes (a Uint8Array), or null when this browser does not have them. */
export async function idbGetEvidence(sha256) {
  const db = await open();
  const value = await request(db.transaction("evidence").objectStore("evidence").get(sha256));
  return value === undefined ? null : value;
}

/**
 * County mode's batch: the files dropped or picked, kept as the browser's own File objects
 * (IndexedDB stores their bytes), in the order they came, until 清空. Rejects when the browser
 * refuses (quota, private mode): the batch then lives only as long as the page.
 */
export async function idbAddCountyFiles(files) {
  const db = await open();
  const tx = db.transaction("county_files", "readwrite", { durability: "strict" });
  const store = tx.objectStore("county_files");
  for (const file of files) store.add(file);
  await done(tx);
}

/** The batch's files in the order they came (an empty list when none or unreadable). */
export async function idbCountyFiles() {
  const db = await open();
  return request(db.transaction("county_files").objectStore("county_files").getAll());
}

export async function idbClearCountyFiles() {
  const db = await open();
  const tx = db.transaction("county_files", "readwrite", { durability: "strict" });
  tx.objectStore("county_files").clear();
  await done(tx);
}
