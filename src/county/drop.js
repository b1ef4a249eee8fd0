// Folders dropped on county mode, read through their entries: the browser gives a dropped
// folder as one entry (its `files` list has the folder itself, not what is in it). Every file
// under it, at any depth, is handed on in parts (up to 200 files, and at the end of each
// folder) as they are found, so reading starts at once and 10,000 files never make one list on
// the page's thread (building such a list took Chromium 2 s in one task). Works in Chromium,
// Firefox and Safari (`webkitGetAsEntry` is the standard name despite its prefix).

const PART = 200;

/** What was dropped, taken now (it is gone once the drop event returns): entries, or files
 * for items that have no entry, and where the browser has them (Chromium 86 and later) the
 * items' handles too; null when the browser has no entries or nothing dropped is a folder
 * (then the drop's `files` list is complete). */
export function dropEntries(dataTransfer) {
  const items = dataTransfer && dataTransfer.items;
  if (!items || typeof DataTransferItem === "undefined" || !("webkitGetAsEntry" in DataTransferItem.prototype)) return null;
  const dropped = [];
  const fileItems = [];
  let folder = false;
  for (let i = 0; i < items.length; i++) {
    if (items[i].kind !== "file") continue;
    fileItems.push(items[i]);
    const entry = items[i].webkitGetAsEntry();
    if (entry) {
      folder = folder || entry.isDirectory;
      dropped.push(entry);
    } else {
      const file = items[i].getAsFile();
      if (file) dropped.push(file);
    }
  }
  if (!folder) return null;
  // Asked now, while the drop lasts (only when a folder is among them); answered later.
  const handles = "getAsFileSystemHandle" in DataTransferItem.prototype
    ? fileItems.map((item) => item.getAsFileSystemHandle().catch(() => null))
    : null;
  return { entries: dropped, handles };
}

const fileOf = (entry) => new Promise((resolve) => entry.file(resolve, () => resolve(null)));
/** A folder's entries; `failed` when the browser could not list it (no permission). */
const readAll = (reader) =>
  new Promise((resolve) => {
    const all = [];
    // readEntries gives at most 100 at a time (Chromium), until an empty answer.
    const next = () =>
      reader.readEntries(
        (some) => {
          if (!some.length) return resolve({ all, failed: false });
          all.push(...some);
          next();
        },
        () => resolve({ all, failed: true }),
      );
    next();
  });
const pathOf = (entry) => entry.fullPath.replace(/^\//, "");

/** The files a walk finds, handed on to `onPart` in parts of `PART`; `onPart` returning false
 * (the officer cleared or cancelled) stops the walk. */
function walker(onPart) {
  const w = { part: [], going: true, unreadable: [] };
  w.flush = () => {
    if (w.part.length && w.going) w.going = onPart(w.part) !== false;
    w.part = [];
  };
  /** Asks the browser for the files of `items`, a part at a time: it answers many at once in
   * one task of the page's thread (10,000 at once held it for 1.4 s). */
  w.take = async (items, fileOf, pathOf) => {
    for (let at = 0; at < items.length && w.going; at += PART) {
      const some = items.slice(at, at + PART);
      const files = await Promise.all(some.map(fileOf));
      files.forEach((f, i) => {
        if (f) w.part.push(f);
        else w.unreadable.push(pathOf(some[i]));
      });
      if (w.part.length >= PART) w.flush();
    }
  };
  /** The end: the last part goes on; the paths that could not be read (none once stopped). */
  w.end = () => {
    w.flush();
    return w.going ? w.unreadable : [];
  };
  return w;
}

/** Walks what `dropEntries` took, calling `onPart(files)` with the files found; stops when
 * `onPart` returns false (the officer cleared or cancelled). Resolves to the paths of files
 * and folders that could not be read (gone from the disk meanwhile, no permission). Through
 * the items' handles where the browser gave one for each: Chromium makes a `File` from an
 * entry in a task of the page's own, 0.6 ms a file (1,000 files: 0.6 s of the page's thread,
 * tasks of 100–185 ms), and from a handle in a few microseconds. */
export async function readEntries(dropped, onPart) {
  const handles = dropped.handles && (await Promise.all(dropped.handles));
  if (handles && handles.length && handles.every(Boolean)) {
    return walkHandles(
      onPart,
      handles.map((h) => [h, h.name]),
    );
  }
  const w = walker(onPart);
  const queue = [...dropped.entries];
  while (queue.length && w.going) {
    const entry = queue.shift();
    if (entry instanceof File) {
      w.part.push(entry);
    } else if (entry.isDirectory) {
      const { all, failed } = await readAll(entry.createReader());
      if (failed) w.unreadable.push(pathOf(entry) + "/");
      await w.take(all.filter((c) => c.isFile), fileOf, pathOf);
      // The end of a folder: what it had goes on now (the walk may take a while yet).
      w.flush();
      queue.push(...all.filter((c) => c.isDirectory));
    } else if (entry.isFile) {
      await w.take([entry], fileOf, pathOf);
    }
  }
  return w.end();
}

/** The browser can hand over a folder as a handle (Chromium 86 and later): a folder of 10,000
 * files is then walked part by part, like a dropped one, not made into one list first. */
export function canPickFolder() {
  return typeof window.showDirectoryPicker === "function" && window.isSecureContext;
}

/** The folder the officer chooses: its handle, "cancelled", or null when the browser would not
 * (then the page's own folder picker is used). */
export async function pickFolder() {
  try {
    return await window.showDirectoryPicker({ id: "ziping-county" });
  } catch (e) {
    return e && e.name === "AbortError" ? "cancelled" : null;
  }
}

/** `readEntries` for a chosen folder's handle: every file under it, at any depth, in parts;
 * resolves to the paths of files and folders that could not be read. */
export function readFolder(folder, onPart) {
  return walkHandles(onPart, [[folder, folder.name]]);
}

/** Every file of `roots` (handles, each with its path: folders walked at any depth), in parts. */
async function walkHandles(onPart, roots) {
  const w = walker(onPart);
  const fileOfHandle = ([handle]) => handle.getFile().catch(() => null);
  const pathOfHandle = ([, at]) => at;
  const queue = roots.filter(([h]) => h.kind === "directory");
  const loose = roots.filter(([h]) => h.kind === "file");
  if (loose.length) await w.take(loose, fileOfHandle, pathOfHandle);
  while (queue.length && w.going) {
    const [dir, path] = queue.shift();
    const files = [];
    try {
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === "file") files.push([handle, `${path}/${name}`]);
        else queue.push([handle, `${path}/${name}`]);
      }
    } catch (e) {
      w.unreadable.push(path + "/");
    }
    await w.take(files, fileOfHandle, pathOfHandle);
    w.flush();
  }
  return w.end();
}
