// Folders dropped on county mode, read through their entries: the browser gives a dropped
// folder as one entry (its `files` list has the folder itself, not what is in it). Every file
// under it, at any depth, is handed on in parts (up to 200 files, and at the end of each
// folder) as they are found, so reading starts at once and 10,000 files never make one list on
// the page's thread (building such a list took Chromium 2 s in one task). Works in Chromium,
// Firefox and Safari (`webkitGetAsEntry` is the standard name despite its prefix).

const PART = 200;

/** What was dropped, taken now (it is gone once the drop event returns): entries, or files
 * for items that have no entry; null when the browser has no entries or nothing dropped is a
 * folder (then the drop's `files` list is complete). */
export function dropEntries(dataTransfer) {
  const items = dataTransfer && dataTransfer.items;
  if (!items || typeof DataTransferItem === "undefined" || !("webkitGetAsEntry" in DataTransferItem.prototype)) return null;
  const dropped = [];
  let folder = false;
  for (let i = 0; i < items.length; i++) {
    if (items[i].kind !== "file") continue;
    const entry = items[i].webkitGetAsEntry();
    if (entry) {
      folder = folder || entry.isDirectory;
      dropped.push(entry);
    } else {
      const file = items[i].getAsFile();
      if (file) dropped.push(file);
    }
  }
  return folder ? dropped : null;
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

/** Walks what `dropEntries` took, calling `onPart(files)` with the files found; stops when
 * `onPart` returns false (the officer cleared or cancelled). Resolves to the paths of files
 * and folders that could not be read (gone from the disk meanwhile, no permission). */
export async function readEntries(dropped, onPart) {
  let part = [];
  let going = true;
  const unreadable = [];
  const flush = () => {
    if (part.length && going) going = onPart(part) !== false;
    part = [];
  };
  const queue = [...dropped];
  while (queue.length && going) {
    const entry = queue.shift();
    if (entry instanceof File) {
      part.push(entry);
    } else if (entry.isDirectory) {
      const { all, failed } = await readAll(entry.createReader());
      if (failed) unreadable.push(pathOf(entry) + "/");
      // A part at a time: the browser answers many entries' files in one task of the page's
      // thread (10,000 at once held it for 1.4 s).
      const fileEntries = all.filter((c) => c.isFile);
      for (let at = 0; at < fileEntries.length && going; at += PART) {
        const some = fileEntries.slice(at, at + PART);
        const files = await Promise.all(some.map(fileOf));
        files.forEach((f, i) => {
          if (f) part.push(f);
          else unreadable.push(pathOf(some[i]));
        });
        if (part.length >= PART) flush();
      }
      // The end of a folder: what it had goes on now (the walk may take a while yet).
      flush();
      queue.push(...all.filter((c) => c.isDirectory));
    } else if (entry.isFile) {
      const f = await fileOf(entry);
      if (f) part.push(f);
      else unreadable.push(pathOf(entry));
    }
  }
  flush();
  return going ? unreadable : [];
}
