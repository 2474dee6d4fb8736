//! Reading a file that came from someone else: only a regular file (a FIFO, a
//! device, a socket or a folder is refused at once, naming what it is, and is
//! never opened in a way that blocks), and never more than a cap, whatever the
//! file's metadata says (`/dev/zero`, or a file that grows while it is read).

use std::fs::{self, File, FileType};
use std::io::Read as _;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadRefusal {
    /// Not a regular file: what it is instead ("a folder", "a named pipe (FIFO)" …).
    #[error("is {0}, not a file")]
    NotAFile(&'static str),
    /// Longer than the cap: at least this many bytes.
    #[error("is over the limit of {cap} bytes")]
    TooLarge {
        /// The cap that was passed.
        cap: u64,
        /// What is known of the length: the metadata's, or cap + 1 when read.
        at_least: u64,
    },
    /// The system refused (missing, permission …).
    #[error("cannot be read: {0}")]
    Io(#[from] std::io::Error),
}

/// Reads the regular file at `path` (links followed) to the end, refusing
/// anything that is not a regular file and anything over `cap` bytes. At most
/// `cap + 1` bytes are ever read.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadRefusal> {
    // Refuse what is plainly not a file before opening it: opening a FIFO for
    // reading blocks until a writer comes.
    let before = fs::metadata(path)?;
    regular(before.file_type())?;
    if before.len() > cap {
        return Err(ReadRefusal::TooLarge {
            cap,
            at_least: before.len(),
        });
    }
    let file = open_without_blocking(path)?;
    // The path may have been swapped between the check and the open: check
    // what was opened.
    regular(file.metadata()?.file_type())?;
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(ReadRefusal::TooLarge {
            cap,
            at_least: cap + 1,
        });
    }
    Ok(bytes)
}

/// Opens for reading; on Unix with `O_NONBLOCK`, so that a FIFO swapped in
/// after the check does not block (it has no effect on a regular file).
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Ok for a regular file; else what it is, in words.
fn regular(kind: FileType) -> Result<(), ReadRefusal> {
    if kind.is_file() {
        return Ok(());
    }
    Err(ReadRefusal::NotAFile(kind_name(kind)))
}

fn kind_name(kind: FileType) -> &'static str {
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole_up_to_the_cap() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("a.json");
        fs::write(&path, b"12345").expect("written");
        assert_eq!(read_capped(&path, 5).expect("read"), b"12345");
        assert!(matches!(
            read_capped(&path, 4),
            Err(ReadRefusal::TooLarge { cap: 4, .. })
        ));
    }

    #[test]
    fn a_folder_is_named() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let refusal = read_capped(dir.path(), 10).expect_err("a folder");
        assert_eq!(refusal.to_string(), "is a folder, not a file");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn dev_zero_is_refused_at_once_whatever_its_size_says() {
        // A character device: never read, so it cannot fill memory.
        let refusal = read_capped(Path::new("/dev/zero"), 10).expect_err("a device");
        assert_eq!(refusal.to_string(), "is a character device, not a file");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_longer_than_its_metadata_says_is_read_only_to_the_cap() {
        // /proc files say 0 bytes; their content is longer than 10.
        let maps = Path::new("/proc/self/maps");
        assert_eq!(fs::metadata(maps).expect("there").len(), 0);
        assert!(matches!(
            read_capped(maps, 10),
            Err(ReadRefusal::TooLarge { at_least: 11, .. })
        ));
    }
}
