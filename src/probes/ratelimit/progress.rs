//! The probe's progress bar: on standard error, only when the app allows
//! it (text format, not --quiet) and standard error is a terminal. Like
//! the `logs` bar and the doctor spinners it only shows progress; the
//! report itself still goes through the renderer.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::IsTerminal;

pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar counting to `total` (or a spinner for a timed run).
    pub fn start(total: Option<u64>, rate: &str, allowed: bool) -> Self {
        if !allowed || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = match total {
            Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
        };
        let template = match total {
            Some(_) => "{spinner} {prefix} [{bar:30}] {pos}/{len} sent · {msg}",
            None => "{spinner} {prefix} {pos} sent · {elapsed} · {msg}",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_prefix(format!("probing at {rate}"));
        Progress(Some(bar))
    }

    pub fn sent(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    pub fn answered(&self, statuses: &BTreeMap<u16, u64>) {
        if let Some(bar) = &self.0 {
            let text: Vec<String> = statuses.iter().map(|(s, n)| format!("{s}: {n}")).collect();
            bar.set_message(text.join(", "));
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
