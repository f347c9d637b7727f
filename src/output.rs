//! Files plumb writes (`-o FILE`, `--bad-out FILE`), written so that no
//! write can destroy data.
//!
//! A file is written to a temporary file in its own directory and renamed
//! into place only once it is complete, so a run that ends early leaves the
//! old file as it was and no partial one. plumb never writes through or
//! replaces a symbolic link, and never replaces a file the same run reads:
//! every input opened through [`crate::input`] is noted here, and a file
//! plumb writes is compared with those by device and inode.

use crate::error::io_reason;
use crate::error::{Error, Result};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// A file's identity: its device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    dev: u64,
    ino: u64,
}

#[cfg(unix)]
fn file_id(meta: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some(FileId {
        dev: meta.dev(),
        ino: meta.ino(),
    })
}

#[cfg(not(unix))]
fn file_id(_meta: &std::fs::Metadata) -> Option<FileId> {
    None
}

/// A file this run writes.
struct Claim {
    /// The flag and file as the user wrote them (`--output report.txt`).
    what: String,
    /// The canonical directory joined with the file name.
    place: PathBuf,
    /// The identity of the file that was there when the claim was made.
    id: Option<FileId>,
}

/// What this run reads and writes, and the temporary files it has made.
struct InUse {
    reads: Vec<(FileId, String)>,
    writes: Vec<Claim>,
    temporaries: Vec<PathBuf>,
}

static IN_USE: Mutex<InUse> = Mutex::new(InUse {
    reads: Vec::new(),
    writes: Vec::new(),
    temporaries: Vec::new(),
});

fn in_use() -> MutexGuard<'static, InUse> {
    IN_USE.lock().unwrap_or_else(|p| p.into_inner())
}

/// The error for a write that would replace a file this run reads.
fn replaces_input(output: &str, input: &str) -> Error {
    Error::usage(format!(
        "{output}: is also read by this run ({input}); plumb will not replace a file it reads: write to another file"
    ))
}

/// Notes a file this run reads (or makes itself), so that no output
/// replaces it. Fails when it is a file an output of this run will
/// replace. Only regular files count: a device or pipe is never replaced.
pub fn note_used(what: &str, file: &File) -> Result<()> {
    let Ok(meta) = file.metadata() else {
        return Ok(());
    };
    if !meta.is_file() {
        return Ok(());
    }
    let Some(id) = file_id(&meta) else {
        return Ok(());
    };
    let mut state = in_use();
    // Noted even when refused: a command that goes on after the error
    // (a doctor entry) must still not replace the file at the end.
    state.reads.push((id, what.to_string()));
    match state.writes.iter().find(|c| c.id == Some(id)) {
        Some(claim) => Err(replaces_input(&claim.what, what)),
        None => Ok(()),
    }
}

/// As [`note_used`], for standard input (which may be a redirected file).
pub fn note_stdin() -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned() {
            return note_used("standard input", &File::from(fd));
        }
    }
    Ok(())
}

/// How a target is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// A regular file, new or existing: through a temporary file and a
    /// rename.
    Replace,
    /// A character device or a pipe (`/dev/null`, a FIFO): written
    /// directly, as nothing there can be replaced.
    Direct,
}

/// A file plumb will write, checked before any work starts.
#[derive(Debug)]
pub struct Target {
    what: String,
    path: PathBuf,
    dir: PathBuf,
    name: std::ffi::OsString,
    how: How,
}

impl Target {
    /// Checks that `path` can be written for `flag`, before the run does
    /// any work: the directory exists and is writable, the path is not a
    /// directory or a symbolic link, and the file is not one this run
    /// reads or writes for another flag. Leaves no file behind.
    pub fn prepare(flag: &str, path: &Path) -> Result<Target> {
        if path.as_os_str().is_empty() {
            return Err(Error::usage(format!("{flag}: the file name is empty")));
        }
        let what = format!("{flag} {}", path.display());
        let fail = |e: &std::io::Error| Error::usage(format!("{what}: {}", io_reason(e)));
        let meta = match std::fs::symlink_metadata(path) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(fail(&e)),
        };
        let how = match &meta {
            None => How::Replace,
            Some(m) if m.file_type().is_symlink() => {
                return Err(Error::usage(format!(
                    "{what}: is a symbolic link; plumb will not write through or replace one: name the file itself"
                )))
            }
            Some(m) if m.is_dir() => return Err(Error::usage(format!("{what}: is a directory"))),
            Some(m) if m.is_file() => How::Replace,
            Some(m) if is_device_or_pipe(m) => How::Direct,
            Some(_) => {
                return Err(Error::usage(format!(
                    "{what}: is not a regular file, a character device or a pipe"
                )))
            }
        };
        let Some(name) = path.file_name().map(|n| n.to_os_string()) else {
            return Err(Error::usage(format!("{what}: is a directory")));
        };
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let dir = std::fs::canonicalize(parent).map_err(|e| fail(&e))?;
        if how == How::Replace {
            if meta.is_some() {
                // An existing file plumb may not write stays as it is, as
                // it would with a plain write.
                std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| fail(&e))?;
            }
            // The directory must take the temporary file.
            drop(Temporary::create(&dir, &name, None).map_err(|e| fail(&e))?);
        }
        let id = meta.as_ref().filter(|m| m.is_file()).and_then(file_id);
        let place = dir.join(&name);
        let mut state = in_use();
        if let Some(other) = state
            .writes
            .iter()
            .find(|c| c.place == place || (id.is_some() && c.id == id))
        {
            return Err(Error::usage(format!(
                "{what}: is also written by {}; name two different files",
                other.what
            )));
        }
        if let Some((_, input)) = state.reads.iter().find(|(r, _)| Some(*r) == id) {
            return Err(replaces_input(&what, input));
        }
        state.writes.push(Claim {
            what: what.clone(),
            place,
            id,
        });
        Ok(Target {
            what,
            path: path.to_path_buf(),
            dir,
            name,
            how,
        })
    }

    /// Starts writing: the bytes go to a temporary file until
    /// [`Pending::commit`].
    pub fn create(&self) -> Result<Pending> {
        let fail = |e: &std::io::Error| Error::usage(format!("{}: {}", self.what, io_reason(e)));
        match self.how {
            How::Direct => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&self.path)
                    .map_err(|e| fail(&e))?;
                Ok(Pending {
                    what: self.what.clone(),
                    path: self.path.clone(),
                    file,
                    temporary: None,
                })
            }
            How::Replace => {
                let existing = std::fs::symlink_metadata(&self.path)
                    .ok()
                    .filter(|m| m.is_file());
                let (temporary, file) = Temporary::create(&self.dir, &self.name, existing.as_ref())
                    .map_err(|e| fail(&e))?;
                Ok(Pending {
                    what: self.what.clone(),
                    path: self.path.clone(),
                    file,
                    temporary: Some(temporary),
                })
            }
        }
    }

    /// As [`Target::create`], for a file only its owner may read (mode
    /// 0600 on Unix), whatever the umask or the file it replaces: set
    /// before the first byte is written.
    pub fn create_private(&self) -> Result<Pending> {
        let pending = self.create()?;
        #[cfg(unix)]
        if pending.temporary.is_some() {
            use std::os::unix::fs::PermissionsExt;
            pending
                .file
                .set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(|e| Error::usage(format!("{}: {}", self.what, io_reason(&e))))?;
        }
        Ok(pending)
    }

    /// The flag and file as the user wrote them (`--output bundle.tar.gz`).
    pub fn what(&self) -> &str {
        &self.what
    }

    /// Writes `bytes` as the whole file.
    pub fn write_all(&self, bytes: &[u8]) -> Result<()> {
        let mut pending = self.create()?;
        pending
            .write_all(bytes)
            .map_err(|e| Error::usage(format!("{}: {}", self.what, io_reason(&e))))?;
        pending.commit()
    }
}

#[cfg(unix)]
fn is_device_or_pipe(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    t.is_char_device() || t.is_fifo()
}

#[cfg(not(unix))]
fn is_device_or_pipe(_meta: &std::fs::Metadata) -> bool {
    false
}

/// A file being written; it replaces the target only on
/// [`Pending::commit`], and dropping it uncommitted removes what was
/// written.
#[derive(Debug)]
pub struct Pending {
    what: String,
    path: PathBuf,
    file: File,
    temporary: Option<Temporary>,
}

impl Write for Pending {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl Pending {
    /// Puts the written file in place of the target: a rename, so a reader
    /// sees the old file or the new one, never part of one. Refuses when
    /// the path has meanwhile become a symbolic link or a file this run
    /// reads.
    pub fn commit(mut self) -> Result<()> {
        let fail = |e: &std::io::Error| Error::usage(format!("{}: {}", self.what, io_reason(e)));
        self.file.flush().map_err(|e| fail(&e))?;
        let Some(temporary) = self.temporary.take() else {
            return Ok(());
        };
        self.file.sync_all().map_err(|e| fail(&e))?;
        if let Ok(meta) = std::fs::symlink_metadata(&self.path) {
            if meta.file_type().is_symlink() {
                return Err(Error::usage(format!(
                    "{}: became a symbolic link during the run; plumb will not replace it",
                    self.what
                )));
            }
            if let Some(id) = meta.is_file().then(|| file_id(&meta)).flatten() {
                if let Some((_, input)) = in_use().reads.iter().find(|(r, _)| *r == id) {
                    return Err(replaces_input(&self.what, input));
                }
            }
        }
        std::fs::rename(&temporary.path, &self.path).map_err(|e| fail(&e))?;
        temporary.keep();
        Ok(())
    }
}

/// A temporary file next to a target, removed when dropped unless kept.
#[derive(Debug)]
struct Temporary {
    path: PathBuf,
    kept: bool,
}

impl Temporary {
    /// Creates `.NAME.plumb-PID-RANDOM.tmp` in `dir`, never following or
    /// reusing anything already there. A new file gets the usual
    /// permissions (0666 less the umask); one replacing `existing` gets
    /// that file's permissions (never more) and, where plumb may set it,
    /// its owner.
    fn create(
        dir: &Path,
        name: &std::ffi::OsStr,
        existing: Option<&std::fs::Metadata>,
    ) -> std::io::Result<(Temporary, File)> {
        let mut last = None;
        for _ in 0..16 {
            let mut file_name = std::ffi::OsString::from(".");
            file_name.push(name);
            file_name.push(format!(
                ".plumb-{}-{:08x}.tmp",
                std::process::id(),
                fastrand::u32(..)
            ));
            let path = dir.join(file_name);
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
                // Created no wider than the file it replaces: nobody can
                // open it in between who could not read the old one.
                options.mode(existing.map_or(0o666, |m| m.permissions().mode() & 0o777));
            }
            match options.open(&path) {
                Ok(file) => {
                    in_use().temporaries.push(path.clone());
                    let temporary = Temporary { path, kept: false };
                    if let Some(meta) = existing {
                        match_existing(&file, meta)?;
                    }
                    return Ok((temporary, file));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no temporary file name was free")))
    }

    /// The file was renamed into place: nothing to remove.
    fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
        in_use().temporaries.retain(|p| *p != self.path);
    }
}

/// Gives a temporary file the owner and permissions of the file it
/// replaces (the umask may have narrowed them at creation).
#[cfg(unix)]
fn match_existing(file: &File, meta: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    // Only root may give a file away; anyone else keeps the file as
    // theirs, as an editor's save would.
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    file.set_permissions(std::fs::Permissions::from_mode(
        meta.permissions().mode() & 0o777,
    ))
}

#[cfg(not(unix))]
fn match_existing(_file: &File, _meta: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// Removes every temporary file still in progress: for an exit that skips
/// destructors (a panic's exit code 3). Never waits for the lock.
pub fn remove_temporaries() {
    if let Ok(state) = IN_USE.try_lock() {
        for path in &state.temporaries {
            let _ = std::fs::remove_file(path);
        }
    }
}
