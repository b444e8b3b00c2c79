//! A progress bar on standard error for long runs: shown when standard
//! error is a terminal and the run has more than 1,000 files or has taken
//! more than two seconds. Otherwise nothing is drawn and nothing is written.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// More files than this show the bar from the start.
const MANY_FILES: usize = 1_000;
/// A run that takes longer than this shows the bar from then on.
const LONG_RUN: Duration = Duration::from_secs(2);

pub struct Progress {
    /// `None` when standard error is not a terminal.
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// Progress over `total` files.
    pub fn new(total: usize) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        Progress::with_terminal(total, terminal)
    }

    fn with_terminal(total: usize, terminal: bool) -> Progress {
        let bar = terminal.then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {pos}/{len} files [{bar:30}] {elapsed} (eta {eta})",
                )
                .expect("valid template")
                .progress_chars("=> "),
            );
            bar
        });
        let progress = Progress {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
        };
        if total > MANY_FILES {
            progress.show();
        }
        progress
    }

    fn show(&self) {
        if let Some(bar) = &self.bar {
            if !self.shown.swap(true, Ordering::Relaxed) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
        }
    }

    /// One more file done; safe to call from worker threads.
    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if !self.shown.load(Ordering::Relaxed) && self.start.elapsed() > LONG_RUN {
                self.show();
            }
        }
    }

    /// Whether the bar is on screen, so that output to the same terminal
    /// must go through [`Progress::suspend`].
    pub fn is_shown(&self) -> bool {
        self.bar.is_some() && self.shown.load(Ordering::Relaxed)
    }

    /// Runs `f` with the bar taken off the screen (for writing output).
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) if self.is_shown() => bar.suspend(f),
            _ => f(),
        }
    }

    /// Removes the bar before the summary is written.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_without_a_terminal() {
        let p = Progress::with_terminal(5_000, false);
        p.inc();
        assert!(!p.is_shown());
        assert_eq!(p.suspend(|| 7), 7);
    }

    #[test]
    fn many_files_show_the_bar_at_once_few_do_not() {
        assert!(Progress::with_terminal(1_001, true).is_shown());
        let few = Progress::with_terminal(10, true);
        few.inc();
        assert!(!few.is_shown());
    }
}
