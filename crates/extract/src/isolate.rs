//! Reading in a child process. A hostile or huge file (a PDF that draws itself, a zip bomb, an
//! enormous picture) must end in a clear message, never in a crashed or hung app: the child
//! runs with a memory cap, a large stack and a time limit, and whatever it does, the parent
//! gets a [`Reading`] back.
//!
//! The child is a program in helper mode: the app's and the CLI's own binary started with
//! [`HELPER_ARG`] (they call [`serve_if_asked`] first thing in `main`), or the crate's own
//! `wederhoor-lezer`. It reads one request from stdin (a JSON line, then the file's bytes),
//! reports progress on stderr, and writes the reading as JSON to stdout.
//!
//! The memory cap is an address-space limit (`RLIMIT_AS`) on Unix; on Windows only the time
//! limit applies.

use crate::reading::{read, Options, Problem, Progress, Reading};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The argument that starts a program in helper mode.
pub const HELPER_ARG: &str = "--wederhoor-lezer";

/// Marks a progress line on the child's stderr (everything else there is the libraries' own
/// chatter, which the user never sees).
const PROGRESS_MARK: &str = "\u{1}voortgang ";

/// The child's limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Address space the child may use.
    pub memory_bytes: u64,
    /// How long the child may go without reporting progress.
    pub idle: Duration,
    /// How long the whole reading may take.
    pub total: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory_bytes: 2 << 30,
            idle: Duration::from_secs(25),
            total: Duration::from_secs(600),
        }
    }
}

/// The helper program to start.
#[derive(Debug, Clone)]
pub struct Helper {
    /// The program.
    pub program: PathBuf,
    /// Its limits.
    pub limits: Limits,
}

impl Helper {
    /// The running program itself in helper mode (it must call [`serve_if_asked`]).
    pub fn current_exe() -> std::io::Result<Helper> {
        Ok(Helper {
            program: std::env::current_exe()?,
            limits: Limits::default(),
        })
    }
}

#[derive(Serialize, Deserialize)]
struct Request {
    file_name: String,
    options: Options,
    limits_memory: u64,
    limits_total_secs: u64,
}

/// Reads a document in a child process. `progress` is called as the child reports.
pub fn read_isolated(
    helper: &Helper,
    file_name: &str,
    bytes: &[u8],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Reading {
    match run_child(helper, file_name, bytes, options, progress) {
        Ok(reading) => reading,
        Err(problem) => {
            let detected = crate::detect(file_name, bytes);
            Reading {
                format: detected.format,
                media_type: detected.media_type,
                text: None,
                origin: None,
                ocr_confidence: None,
                notes: detected.mismatch.into_iter().collect(),
                problem: Some(problem),
                attachments: Vec::new(),
            }
        }
    }
}

fn run_child(
    helper: &Helper,
    file_name: &str,
    bytes: &[u8],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Reading, Problem> {
    let started = |e: std::io::Error| Problem::Stopped(format!("het leesproces startte niet: {e}"));
    // The child's temporary files (a copy of the document for OCR, drawn pages) go into a
    // folder the parent removes afterwards, also when the child had to be killed.
    let scratch = tempfile::tempdir().map_err(started)?;
    let mut command = Command::new(&helper.program);
    command
        .env("TMPDIR", scratch.path())
        .env("TMP", scratch.path())
        .env("TEMP", scratch.path());
    // Its own process group, so Tesseract or pdftoppm started by it go down with it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .arg(HELPER_ARG)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(started)?;
    let request = Request {
        file_name: file_name.to_string(),
        options: options.clone(),
        limits_memory: helper.limits.memory_bytes,
        limits_total_secs: helper.limits.total.as_secs(),
    };
    let mut stdin = child.stdin.take().expect("stdin was piped");
    let mut header = serde_json::to_vec(&request).map_err(|e| Problem::Stopped(e.to_string()))?;
    header.push(b'\n');
    let bytes_owned = bytes.to_vec();
    // Written from a thread: a child that stops reading must not block the parent.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&header);
        let _ = stdin.write_all(&bytes_owned);
    });
    let mut stdout = child.stdout.take().expect("stdout was piped");
    let out_reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let stderr = child.stderr.take().expect("stderr was piped");
    let (tx, rx) = mpsc::channel::<Result<Progress, String>>();
    let err_reader = std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let message = match line.strip_prefix(PROGRESS_MARK) {
                Some(json) => match serde_json::from_str(json) {
                    Ok(p) => Ok(p),
                    Err(_) => continue,
                },
                None => Err(line),
            };
            if tx.send(message).is_err() {
                break;
            }
        }
    });

    let start = Instant::now();
    let mut last_sign = Instant::now();
    let mut chatter: Vec<String> = Vec::new();
    let status = loop {
        while let Ok(message) = rx.try_recv() {
            match message {
                Ok(p) => {
                    last_sign = Instant::now();
                    progress(p);
                }
                Err(line) => {
                    // The last lines say why a child ended (an allocation that failed).
                    if chatter.len() == 50 {
                        chatter.remove(0);
                    }
                    chatter.push(line);
                }
            }
        }
        if let Some(status) = child.try_wait().map_err(started)? {
            break status;
        }
        let too_long = if start.elapsed() > helper.limits.total {
            Some(helper.limits.total)
        } else if last_sign.elapsed() > helper.limits.idle {
            Some(helper.limits.idle)
        } else {
            None
        };
        if let Some(limit) = too_long {
            kill_group(child.id());
            let _ = child.kill();
            let _ = child.wait();
            let span = match limit.as_secs() {
                0 => format!("{} milliseconden", limit.as_millis()),
                1 => "1 seconde".to_string(),
                n => format!("{n} seconden"),
            };
            return Err(Problem::Stopped(if limit == helper.limits.idle {
                format!("er kwam {span} lang geen voortgang")
            } else {
                format!("het duurde langer dan {span}")
            }));
        }
        std::thread::sleep(Duration::from_millis(15));
    };
    let _ = writer.join();
    let out = out_reader.join().unwrap_or_default();
    let _ = err_reader.join();
    chatter.extend(rx.try_iter().filter_map(Result::err));
    if status.success() {
        if let Ok(reading) = serde_json::from_slice::<Reading>(&out) {
            return Ok(reading);
        }
    }
    let memory = chatter
        .iter()
        .any(|l| l.contains("memory allocation") || l.contains("out of memory"));
    Err(Problem::Stopped(if memory {
        format!(
            "het bestand vroeg meer geheugen dan de {} MB die het lezen mag gebruiken",
            helper.limits.memory_bytes >> 20
        )
    } else {
        "het leesproces brak af op dit bestand".to_string()
    }))
}

/// Stops the child's whole process group (the programs it started too). Through `kill`, as
/// this workspace has no unsafe code for the system call.
#[cfg(unix)]
fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

#[cfg(not(unix))]
fn kill_group(_pid: u32) {}

/// Runs helper mode and exits when the program was started with [`HELPER_ARG`]; returns at
/// once otherwise. Call it first thing in `main`.
pub fn serve_if_asked() {
    if std::env::args_os().nth(1).is_some_and(|a| a == HELPER_ARG) {
        std::process::exit(serve());
    }
}

/// Helper mode: one request from stdin, the reading to stdout. Returns the exit status.
pub fn serve() -> i32 {
    // A panic's trace must never reach anyone: the parent reports a clear message instead.
    std::panic::set_hook(Box::new(|_| {}));
    let mut input = BufReader::new(std::io::stdin().lock());
    let mut header = String::new();
    if input.read_line(&mut header).is_err() {
        return 2;
    }
    let Ok(request) = serde_json::from_str::<Request>(&header) else {
        return 2;
    };
    limit_resources(request.limits_memory, request.limits_total_secs);
    let mut bytes = Vec::new();
    if input.read_to_end(&mut bytes).is_err() {
        return 2;
    }
    // Deeply nested documents recurse; a large stack keeps that from being a crash. (The stack
    // counts against the memory cap, so it is an eighth of it at most.)
    let stack = (request.limits_memory / 8).clamp(8 << 20, 256 << 20) as usize;
    let worker = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let mut report = |p: Progress| {
                if let Ok(json) = serde_json::to_string(&p) {
                    eprintln!("{PROGRESS_MARK}{json}");
                }
            };
            read(&request.file_name, &bytes, &request.options, &mut report)
        });
    let Ok(Ok(reading)) = worker.map(|w| w.join()) else {
        return 3;
    };
    let Ok(json) = serde_json::to_vec(&reading) else {
        return 3;
    };
    let mut out = std::io::stdout().lock();
    if out.write_all(&json).and_then(|_| out.flush()).is_err() {
        return 3;
    }
    0
}

#[cfg(unix)]
fn limit_resources(memory: u64, seconds: u64) {
    let _ = rlimit::setrlimit(rlimit::Resource::AS, memory, memory);
    let cpu = seconds.saturating_add(5);
    let _ = rlimit::setrlimit(rlimit::Resource::CPU, cpu, cpu);
}

#[cfg(not(unix))]
fn limit_resources(_memory: u64, _seconds: u64) {}
