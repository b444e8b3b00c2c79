//! Writing a fixed file without ever leaving it half-written: the new bytes
//! go to a temporary file in the same folder, which then replaces the
//! original by rename, so a reader (or a crash) sees the old file or the new
//! one, never a mix and never an empty file. Permissions and, where allowed,
//! owner are kept; read-only files are refused; a file that changed since it
//! was read is left alone; a symbolic link is only followed to a target
//! inside the checked tree. (A hard-linked file gets a new inode: its other
//! names keep the old text.)

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// What a file looked like when it was read, to notice a change before
/// overwriting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
}

impl Fingerprint {
    pub fn of(meta: &Metadata) -> Fingerprint {
        Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// Why a fix was not written. The message is one line, for `path: message`.
#[derive(Debug)]
pub struct WriteError(pub String);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse(message: impl Into<String>) -> WriteError {
    WriteError(format!("{}; not fixed", message.into()))
}

fn io_refuse(what: &str, e: &io::Error) -> WriteError {
    refuse(format!("{what}: {}", crate::run::io_message(e)))
}

/// The file a write to `path` must replace: the path itself, or for a
/// symlink its target — but only when the target lies inside `root`, so
/// that a link never silently redirects a fix out of the checked tree.
pub fn write_target(path: &Path, root: &Path) -> Result<PathBuf, WriteError> {
    let meta = fs::symlink_metadata(path).map_err(|e| io_refuse("cannot read", &e))?;
    if !meta.file_type().is_symlink() {
        return Ok(path.to_path_buf());
    }
    let target =
        fs::canonicalize(path).map_err(|e| io_refuse("cannot resolve symbolic link", &e))?;
    let root =
        fs::canonicalize(root).map_err(|e| io_refuse("cannot resolve the checked folder", &e))?;
    if target.starts_with(&root) {
        Ok(target)
    } else {
        Err(refuse(format!(
            "is a symbolic link to {} outside {} (fix the target itself)",
            target.display(),
            root.display()
        )))
    }
}

/// Replaces the file at `path` (read with fingerprint `read_as`) by `bytes`.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    root: &Path,
    read_as: Option<Fingerprint>,
) -> Result<(), WriteError> {
    let target = write_target(path, root)?;
    let meta = fs::metadata(&target).map_err(|e| io_refuse("cannot read", &e))?;
    if !meta.is_file() {
        return Err(refuse("not a regular file"));
    }
    if read_as.is_some_and(|f| f != Fingerprint::of(&meta)) {
        return Err(refuse("file changed while schliff was checking it"));
    }
    // Rename replaces a file whatever its mode, and root may write anything:
    // a file without write permission is refused explicitly.
    if meta.permissions().readonly() {
        return Err(refuse("file is read-only"));
    }
    OpenOptions::new()
        .write(true)
        .open(&target)
        .map_err(|e| io_refuse("cannot write", &e))?;
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.schliff-{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(|e| io_refuse("cannot create a temporary file beside it", &e))?;
    let result = (|| {
        file.write_all(bytes)?;
        keep_owner(&file, &meta);
        file.set_permissions(meta.permissions())?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, &target)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_refuse("cannot write", &e)
    })
}

/// Gives the new file the old one's owner and group where permitted (as
/// root, or when they are already ours); otherwise it stays ours.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &Metadata) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "alt").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&path, b"neu", dir.path(), None).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "neu");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
    }

    #[test]
    fn read_only_files_are_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "alt").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms).unwrap();
        let err = write_atomic(&path, b"neu", dir.path(), None).unwrap_err();
        assert!(err.to_string().contains("read-only"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "alt");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_inside_the_tree_write_the_target_outside_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("real.txt");
        fs::write(&inner, "alt").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&inner, &link).unwrap();
        write_atomic(&link, b"neu", dir.path(), None).unwrap();
        assert_eq!(fs::read_to_string(&inner).unwrap(), "neu");
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());

        let far = outside.path().join("far.txt");
        fs::write(&far, "alt").unwrap();
        let link2 = dir.path().join("far-link.txt");
        std::os::unix::fs::symlink(&far, &link2).unwrap();
        assert!(write_atomic(&link2, b"neu", dir.path(), None).is_err());
        assert_eq!(fs::read_to_string(&far).unwrap(), "alt");
    }

    #[test]
    fn a_file_changed_since_reading_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "alt").unwrap();
        let read_as = Fingerprint::of(&fs::metadata(&path).unwrap());
        fs::write(&path, "anders geschrieben").unwrap();
        let err = write_atomic(&path, b"neu", dir.path(), Some(read_as)).unwrap_err();
        assert!(err.to_string().contains("changed"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "anders geschrieben");
    }

    #[test]
    fn a_file_deleted_since_reading_is_not_recreated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("weg.txt");
        let err = write_atomic(&path, b"neu", dir.path(), None).unwrap_err();
        assert!(err.to_string().contains("no such file"), "{err}");
        assert!(!path.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
