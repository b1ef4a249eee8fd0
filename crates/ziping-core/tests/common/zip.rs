//! Zip archives made as a hostile school could make them (any path, stored or deflated),
//! for the 报送包 tests.

/// A zip of these entries, each (path as raw bytes, data, deflated?).
pub fn zip(entries: &[(&[u8], &[u8], bool)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    for (path, data, deflate) in entries {
        let method = if *deflate {
            rawzip::CompressionMethod::DEFLATE
        } else {
            rawzip::CompressionMethod::STORE
        };
        let (mut entry, config) = archive
            // Hostile ASCII paths as they are; others as UTF-8, marked so (as any zip tool does).
            .new_file(match std::str::from_utf8(path) {
                Ok(p) if !p.is_ascii() => rawzip::path::EntryPath::conformant(p),
                _ => rawzip::path::EntryPath::verbatim(path.to_vec()),
            })
            .compression_method(method)
            .start()
            .unwrap();
        let stored = if *deflate {
            miniz_oxide::deflate::compress_to_vec(data, 9)
        } else {
            data.to_vec()
        };
        // The data descriptor needs the CRC and size of the data itself.
        let mut writer = config.wrap(std::io::sink());
        std::io::Write::write_all(&mut writer, data).unwrap();
        let (_, descriptor) = writer.finish().unwrap();
        std::io::Write::write_all(&mut entry, &stored).unwrap();
        entry.finish(descriptor).unwrap();
    }
    archive.finish().unwrap();
    out
}
