//! Running the `schliff` binary from integration tests.
#![allow(dead_code)] // each test crate uses a different part of this

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_schliff")
}

pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(bin());
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    cmd
}

pub fn schliff(args: &[&str], stdin: Option<&[u8]>) -> Run {
    schliff_in(Path::new("."), args, stdin)
}

/// Runs schliff in `dir` with `args`, feeding `stdin` if given; fails the
/// test when it panics or takes longer than ten minutes (a hang).
pub fn schliff_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    schliff_limited(dir, args, stdin, Duration::from_secs(600))
}

pub fn schliff_limited(dir: &Path, args: &[&str], stdin: Option<&[u8]>, limit: Duration) -> Run {
    let start = Instant::now();
    let mut child = command(dir, args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("schliff runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let code = wait_limited(&mut child, limit, args);
    let run = Run {
        code,
        stdout: String::from_utf8_lossy(&stdout.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.join().unwrap()).into_owned(),
        elapsed: start.elapsed(),
    };
    assert!(
        !run.stderr.contains("panicked") && run.code != 101,
        "schliff panicked: {run:?}"
    );
    run
}

fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    })
}

/// Waits for `child`; kills it and fails the test after `limit`.
pub fn wait_limited(child: &mut Child, limit: Duration, what: &[&str]) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code().unwrap_or(-1);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("schliff {what:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The error lines schliff wrote to stderr.
pub fn error_lines(run: &Run) -> Vec<&str> {
    run.stderr
        .lines()
        .filter(|l| l.starts_with("schliff: "))
        .collect()
}
