//! File events from `exercises/`, debounced, sent to the watch loop.

use std::path::Path;
use std::sync::mpsc::Sender;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer, new_debouncer_opt};

use super::Event;

/// Saves closer together than this become one check (editors often write twice).
const DEBOUNCE: Duration = Duration::from_millis(30);

/// How often the polling watcher looks at the files.
const POLL_INTERVAL: Duration = Duration::from_millis(700);

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    _native: Option<Debouncer<notify::RecommendedWatcher>>,
    _polling: Option<Debouncer<notify::PollWatcher>>,
}

fn handler(tx: Sender<Event>) -> impl FnMut(DebounceEventResult) + Send + 'static {
    move |result: DebounceEventResult| {
        let event = match result {
            Ok(events) => Event::Changed(events.into_iter().map(|e| e.path).collect()),
            Err(e) => Event::WatchError(e.to_string()),
        };
        let _ = tx.send(event);
    }
}

/// Watch `dir` recursively, with native file events or, with `poll`, by polling.
pub fn start(dir: &Path, tx: Sender<Event>, poll: bool) -> Result<Watcher> {
    if poll {
        let config = notify_debouncer_mini::Config::default()
            .with_timeout(DEBOUNCE)
            .with_notify_config(notify::Config::default().with_poll_interval(POLL_INTERVAL));
        let mut d = new_debouncer_opt::<_, notify::PollWatcher>(config, handler(tx))
            .context("cannot start the polling watcher")?;
        d.watcher().watch(dir, RecursiveMode::Recursive).with_context(|| format!("cannot poll {}", dir.display()))?;
        return Ok(Watcher { _native: None, _polling: Some(d) });
    }
    let mut d = new_debouncer(DEBOUNCE, handler(tx)).context(NATIVE_FAILED)?;
    d.watcher().watch(dir, RecursiveMode::Recursive).context(NATIVE_FAILED)?;
    Ok(Watcher { _native: Some(d), _polling: None })
}

const NATIVE_FAILED: &str = "the file watcher could not start (this file system may not support file events, \
or the inotify limit is reached). Run `cargo learn --poll` to check files by polling instead, \
or `cargo learn run` to check once";
