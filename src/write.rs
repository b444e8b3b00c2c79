//! Writing a fixed file without ever leaving it half-written: the new bytes
//! go to a temporary file in the same folder, which then replaces the
//! original by rename. Permissions are kept; read-only files are refused.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The file a write to `path` must replace: the path itself, or for a
/// symlink its target — but only when the target lies inside `root`, so
/// that a link never silently redirects a fix out of the checked tree.
pub fn write_target(path: &Path, root: &Path) -> io::Result<PathBuf> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.file_type().is_symlink() {
        return Ok(path.to_path_buf());
    }
    let target = fs::canonicalize(path)?;
    let root = fs::canonicalize(root)?;
    if target.starts_with(&root) {
        Ok(target)
    } else {
        Err(io::Error::other(format!(
            "is a symbolic link to {} outside the checked folder; not fixed (fix the target itself)",
            target.display()
        )))
    }
}

pub fn write_atomic(path: &Path, bytes: &[u8], root: &Path) -> io::Result<()> {
    let target = write_target(path, root)?;
    let meta = fs::metadata(&target)?;
    if meta.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "file is read-only; not fixed",
        ));
    }
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
    let result = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.set_permissions(meta.permissions())?;
        file.sync_all()?;
        fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

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
        write_atomic(&path, b"neu", dir.path()).unwrap();
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
        let err = write_atomic(&path, b"neu", dir.path()).unwrap_err();
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
        write_atomic(&link, b"neu", dir.path()).unwrap();
        assert_eq!(fs::read_to_string(&inner).unwrap(), "neu");
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());

        let far = outside.path().join("far.txt");
        fs::write(&far, "alt").unwrap();
        let link2 = dir.path().join("far-link.txt");
        std::os::unix::fs::symlink(&far, &link2).unwrap();
        assert!(write_atomic(&link2, b"neu", dir.path()).is_err());
        assert_eq!(fs::read_to_string(&far).unwrap(), "alt");
    }
}
