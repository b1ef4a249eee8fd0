//! Files in and out, as a county's figures need them: reads bounded by the bytes actually read
//! (never by what metadata claims), outputs written whole or not at all, and a standard output
//! that may be closed early (`| head`) without losing the files.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Not a regular file (a FIFO, a device, a folder): never opened, as opening a FIFO waits.
    NotAFile,
    /// More bytes than `limit` (by metadata, or by reading: `/proc` files say 0).
    TooLarge {
        size: u64,
    },
    Io(std::io::Error),
}

/// A regular file's bytes, at most `limit` of them: the metadata is checked first (a 3 GB file
/// is never read), then reading stops one byte past the limit, whatever the metadata said.
pub fn read_bounded(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit as u64 {
        return Err(ReadError::TooLarge { size: meta.len() });
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(limit));
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` whole or not at all: into a temporary file beside it, flushed to
/// disk, then renamed over it. A full disk leaves the previous file as it was and no partial
/// table that would open as a plausible one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.partial", std::process::id()));
    let written = (|| {
        let mut f = std::fs::File::create(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Standard output that stops quietly when the reader has gone (`| head`, `| grep -q`): the
/// rest of the run (the output files, the exit code) goes on. Rust ignores SIGPIPE, so a
/// `println!` would panic there instead.
pub struct Out {
    lock: std::io::StdoutLock<'static>,
    closed: bool,
}

impl Out {
    pub fn new() -> Out {
        Out {
            lock: std::io::stdout().lock(),
            closed: false,
        }
    }

    pub fn line(&mut self, text: &str) {
        if !self.closed && writeln!(self.lock, "{text}").is_err() {
            self.closed = true;
        }
    }

    pub fn finish(&mut self) {
        if !self.closed && self.lock.flush().is_err() {
            self.closed = true;
        }
    }
}

/// Standard error, written line by line; a closed one is not a reason to panic either.
pub fn note(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_says_it_is_empty_is_read_only_up_to_the_limit() {
        // /proc/self/status: metadata says 0 bytes, reading gives more than 16.
        match read_bounded(Path::new("/proc/self/status"), 16) {
            Err(ReadError::TooLarge { size }) => assert_eq!(size, 17),
            other => panic!("{other:?}"),
        }
        assert!(read_bounded(Path::new("/proc/self/status"), 1 << 20).is_ok());
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 16),
            Err(ReadError::NotAFile)
        ));
    }
}
