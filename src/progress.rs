//! Progress on standard error while a probe works: the one look of every
//! bar and spinner plumb draws (a spinner, a label, then what is counted).
//!
//! Nothing is drawn unless the caller passes `Ctx::progress`, which the app
//! turns on only for a text report, without `--quiet`, with standard error
//! on a terminal; otherwise every handle here is inert. Progress is cleared
//! before the report is written and never carries any of it: the report
//! goes through the renderer.

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::Duration;

/// How often a spinner with nothing to count turns.
const TICK: Duration = Duration::from_millis(120);

/// The style every bar and spinner shares: `{spinner} {prefix} ` and then
/// `rest`, with the same bar characters.
fn style(rest: &str) -> ProgressStyle {
    ProgressStyle::with_template(&format!("{{spinner}} {{prefix}} {rest}"))
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
        .progress_chars("=> ")
}

/// One bar (or a spinner when there is no end to count to); inert when
/// progress is not allowed. Clones move the same bar.
#[derive(Debug, Clone, Default)]
pub struct Bar(Option<ProgressBar>);

impl Bar {
    /// Counts `unit` (`sent`) up to `total`, or without an end (with the
    /// time elapsed) when there is none; the message follows.
    pub fn items(on: bool, label: &str, total: Option<u64>, unit: &str) -> Bar {
        let rest = match total {
            Some(_) => format!("[{{bar:30}}] {{pos}}/{{len}} {unit} · {{msg}}"),
            None => format!("{{pos}} {unit} · {{elapsed}} · {{msg}}"),
        };
        Bar::start(on, label, total, &rest)
    }

    /// Counts bytes read out of `total`, with speed and time left.
    pub fn bytes(on: bool, label: &str, total: u64) -> Bar {
        Bar::start(
            on,
            label,
            Some(total),
            "[{bar:30}] {bytes}/{total_bytes} · {bytes_per_sec} · eta {eta}",
        )
    }

    fn start(on: bool, label: &str, total: Option<u64>, rest: &str) -> Bar {
        if !on {
            return Bar(None);
        }
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
        bar.set_style(style(rest));
        bar.set_prefix(crate::escape::clean(label));
        Bar(Some(bar))
    }

    pub fn inc(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }

    pub fn set_message(&self, text: &str) {
        if let Some(bar) = &self.0 {
            bar.set_message(crate::escape::clean(text));
        }
    }

    /// Clears the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// A turning spinner per label, each with its time elapsed, until it is
/// done; all cleared when dropped.
pub struct Spinners {
    multi: Option<MultiProgress>,
    bars: Vec<ProgressBar>,
}

impl Spinners {
    pub fn new(on: bool, labels: &[String]) -> Self {
        if !on {
            return Spinners {
                multi: None,
                bars: Vec::new(),
            };
        }
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
        let style = style("{elapsed}");
        let bars = labels
            .iter()
            .map(|label| {
                let bar = multi.add(ProgressBar::new_spinner());
                bar.set_style(style.clone());
                bar.set_prefix(crate::escape::clean(label));
                bar.enable_steady_tick(TICK);
                bar
            })
            .collect();
        Spinners {
            multi: Some(multi),
            bars,
        }
    }

    /// Clears the spinner of the `index`th label.
    pub fn done(&self, index: usize) {
        if let Some(bar) = self.bars.get(index) {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Spinners {
    fn drop(&mut self) {
        for bar in &self.bars {
            bar.finish_and_clear();
        }
        if let Some(multi) = &self.multi {
            let _ = multi.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_drawn_unless_allowed() {
        assert!(Bar::items(false, "probing", Some(3), "sent").0.is_none());
        assert!(Bar::items(false, "probing", None, "sent").0.is_none());
        assert!(Bar::bytes(false, "reading", 10).0.is_none());
        let spinners = Spinners::new(false, &["a".to_string()]);
        assert!(spinners.multi.is_none() && spinners.bars.is_empty());
    }

    #[test]
    fn every_template_parses() {
        for rest in [
            "[{bar:30}] {pos}/{len} sent · {msg}",
            "{pos} sent · {elapsed} · {msg}",
            "[{bar:30}] {bytes}/{total_bytes} · {bytes_per_sec} · eta {eta}",
            "{elapsed}",
        ] {
            let template = format!("{{spinner}} {{prefix}} {rest}");
            assert!(ProgressStyle::with_template(&template).is_ok(), "{rest}");
        }
    }
}
