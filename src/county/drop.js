// Folders dropped on county mode, read through their entries: the browser gives a dropped
// folder as one entry (its `files` list has the folder itself, not what is in it). Every file
// under it, at any depth, is handed on in parts of up to 200 as they are found, so reading
// starts at once and 10,000 files never make one list on the page's thread (building such a
// list took Chromium 2 s in one task). Works in Chromium, Firefox and Safari
// (`webkitGetAsEntry` is the standard name despite its prefix).

const PART = 200;

/** The drop's entries, taken now (they are gone once the drop event returns); null when the
 * browser has no entries or nothing dropped is a folder (then its `files` list is complete). */
export function dropEntries(dataTransfer) {
  const items = dataTransfer && dataTransfer.items;
  if (!items || typeof DataTransferItem === "undefined" || !("webkitGetAsEntry" in DataTransferItem.prototype)) return null;
  const entries = [];
  for (let i = 0; i < items.length; i++) {
    const entry = items[i].kind === "file" ? items[i].webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
  }
  return entries.some((e) => e.isDirectory) ? entries : null;
}

const fileOf = (entry) => new Promise((resolve) => entry.file(resolve, () => resolve(null)));
const readAll = (reader) =>
  new Promise((resolve) => {
    const all = [];
    // readEntries gives at most 100 at a time (Chromium), until an empty answer.
    const next = () =>
      reader.readEntries(
        (some) => {
          if (!some.length) return resolve(all);
          all.push(...some);
          next();
        },
        () => resolve(all),
      );
    next();
  });

/** Walks `entries`, calling `onPart(files)` with up to 200 files at a time; resolves to the
 * paths of the files that could not be read (gone from the disk meanwhile, no permission). */
export async function readEntries(entries, onPart) {
  let part = [];
  const unreadable = [];
  const flush = () => {
    if (part.length) onPart(part);
    part = [];
  };
  const queue = [...entries];
  while (queue.length) {
    const entry = queue.shift();
    if (entry.isDirectory) {
      const children = await readAll(entry.createReader());
      // A part at a time: the browser answers many entries' files in one task of the page's
      // thread (10,000 at once held it for 1.4 s).
      const fileEntries = children.filter((c) => c.isFile);
      for (let at = 0; at < fileEntries.length; at += PART) {
        const some = fileEntries.slice(at, at + PART);
        const files = await Promise.all(some.map(fileOf));
        files.forEach((f, i) => {
          if (f) part.push(f);
          else unreadable.push(some[i].fullPath.replace(/^\//, ""));
          if (part.length >= PART) flush();
        });
      }
      queue.push(...children.filter((c) => c.isDirectory));
    } else if (entry.isFile) {
      const f = await fileOf(entry);
      if (f) part.push(f);
      else unreadable.push(entry.fullPath.replace(/^\//, ""));
      if (part.length >= PART) flush();
    }
  }
  flush();
  return unreadable;
}
