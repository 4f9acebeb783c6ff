//! Files Wederhoor writes outside its database (exported dossiers and rapporten): written to a
//! temporary file beside the target, synced, then renamed over it, so a failure or a kill
//! never leaves half a file where the user looks for it.

use std::io::Write;
use std::path::Path;

/// The mode of a file holding personal data: the user's alone.
pub const PRIVATE_FILE: u32 = 0o600;
/// The mode of a folder holding personal data: the user's alone.
pub const PRIVATE_DIR: u32 = 0o700;

/// Writes `bytes` to `path` all at once or not at all, readable by the user alone (0600): the
/// temporary file is made in the target's folder (so the rename stays on one file system) with
/// that mode from the start, and removed on any failure. A file it replaces keeps a stricter
/// mode it had (0400 stays 0400).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "geen bestandsnaam")
    })?;
    let mut file = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let existing = std::fs::metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o777);
        let mode = existing.map_or(PRIVATE_FILE, |m| m & PRIVATE_FILE);
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    // Dropped on an error above, the temporary file is removed.
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Makes the folders up to `dir` that are missing, each readable by the user alone (0700);
/// folders that exist are left as they are (a database may sit in a shared folder on purpose).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(PRIVATE_DIR);
    }
    builder.create(dir)
}

/// Makes the database file readable by the user alone before SQLite opens it: a new one is
/// created empty with mode 0600, an existing one is narrowed to it. SQLite gives its WAL and
/// shared-memory files the database file's mode.
pub fn make_private_file(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(PRIVATE_FILE)
            .open(path)
        {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let mode = std::fs::metadata(path)?.permissions().mode() & 0o777;
                if mode & !PRIVATE_FILE != 0 {
                    std::fs::set_permissions(
                        path,
                        std::fs::Permissions::from_mode(mode & PRIVATE_FILE),
                    )?;
                }
            }
            Err(e) => return Err(e),
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
