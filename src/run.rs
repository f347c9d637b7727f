//! How a command's work runs. Offline work is a plain function of the
//! context; network work is a future that needs the async runtime. Which
//! one a command is follows from its probe's signature, so the compiler,
//! not a second list, knows whether a command needs the runtime.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::report::Report;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A network command's report, still to be awaited.
pub type Pending = Pin<Box<dyn Future<Output = Result<Report>>>>;

/// Offline work: a report from the context alone.
type OfflineFn = Box<dyn FnOnce(&Ctx) -> Result<Report> + Send>;
/// Network work: a future to await on the runtime.
type NetworkFn = Box<dyn FnOnce(Ctx) -> Pending + Send>;

/// One command, ready to run: what the command line (or a doctor entry)
/// asked for, with its arguments bound.
pub enum Work {
    Offline(OfflineFn),
    Network(NetworkFn),
}

impl Work {
    pub fn offline(f: impl FnOnce(&Ctx) -> Result<Report> + Send + 'static) -> Self {
        Work::Offline(Box::new(f))
    }

    pub fn network<F>(f: impl FnOnce(Ctx) -> F + Send + 'static) -> Self
    where
        F: Future<Output = Result<Report>> + 'static,
    {
        Work::Network(Box::new(move |ctx| Box::pin(f(ctx))))
    }

    /// Runs the work to its end on this thread: network work on a runtime
    /// of its own.
    pub fn run(self, ctx: &Ctx) -> Result<Report> {
        match self {
            Work::Offline(f) => f(ctx),
            Work::Network(f) => block_on_network(f(ctx.clone())),
        }
    }
}

impl std::fmt::Debug for Work {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Work::Offline(_) => "Work::Offline",
            Work::Network(_) => "Work::Network",
        })
    }
}

/// Runs a network command on a single-threaded tokio runtime: plumb's
/// concurrency is I/O, and one thread keeps start-up and memory small.
fn block_on_network<T>(fut: impl Future<Output = Result<T>>) -> Result<T> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the async runtime: {e}")))?;
    let result = runtime.block_on(fut);
    // Dropping a runtime waits for its blocking threads, and the operating
    // system's resolver (getaddrinfo, run on one) can outlast --timeout by
    // many seconds; the answer is no longer wanted, so do not wait for it.
    runtime.shutdown_background();
    result
}

/// The value of a future that never waits: an async probe run in a mode
/// that makes no call (`check --offline`, `rate-limit plan`) is ready on
/// its first poll and needs no runtime.
pub fn ready<T>(fut: impl Future<Output = Result<T>>) -> Result<T> {
    let mut fut = std::pin::pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => Err(Error::Internal(
            "an offline command waited on I/O".to_string(),
        )),
    }
}
