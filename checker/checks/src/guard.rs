//! Calling learner code safely: panics become values, and `todo!()` is told
//! apart from a real panic.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, Once};

/// A learner function panicked instead of returning.
#[derive(Debug, Clone, PartialEq)]
pub struct Panicked {
    /// The panic message (`"index out of bounds: the len is 3 but the index is 3"`).
    pub message: String,
    /// `file:line:column` of the panic, when known.
    pub location: Option<String>,
}

impl Panicked {
    /// `todo!()` or `unimplemented!()`: the learner has not written this yet.
    pub fn is_not_implemented(&self) -> bool {
        self.message.starts_with("not yet implemented") || self.message.starts_with("not implemented")
    }

    /// One line for a report: the message and where it happened.
    pub fn describe(&self) -> String {
        match &self.location {
            Some(at) => format!("panicked at {at}: {}", self.message),
            None => format!("panicked: {}", self.message),
        }
    }
}

thread_local! {
    /// True while this thread is inside [`call`]: its panics are expected and recorded quietly.
    static INSIDE_CALL: Cell<bool> = const { Cell::new(false) };
}

/// Where the quiet hook leaves the last recorded panic location.
static LAST_LOCATION: Mutex<Option<String>> = Mutex::new(None);
static HOOK: Once = Once::new();

/// Install, once per process, a panic hook that records panics raised inside
/// [`call`] without printing them, and hands every other panic to the hook that
/// was there before (so a real bug in a test still prints normally).
fn install_quiet_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if INSIDE_CALL.with(Cell::get) {
                let at = info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                if let Ok(mut slot) = LAST_LOCATION.lock() {
                    *slot = at;
                }
            } else {
                previous(info);
            }
        }));
    });
}

fn payload_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with a non-text payload".to_string()
    }
}

/// Run `f` (a call into learner code); a panic comes back as `Err(Panicked)`.
pub fn call<R>(f: impl FnOnce() -> R) -> Result<R, Panicked> {
    install_quiet_hook();
    let was_inside = INSIDE_CALL.with(|c| c.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    INSIDE_CALL.with(|c| c.set(was_inside));
    result.map_err(|payload| Panicked {
        message: payload_message(payload.as_ref()),
        location: LAST_LOCATION.lock().ok().and_then(|mut slot| slot.take()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::todo)] // the point of the test: a stub's `todo!()`
    fn todo_is_not_implemented_and_other_panics_are_not() {
        let p = call(|| -> i32 { todo!() }).unwrap_err();
        assert!(p.is_not_implemented(), "{p:?}");
        let p = call(|| -> i32 { unimplemented!("later") }).unwrap_err();
        assert!(p.is_not_implemented());
        let v: Vec<i32> = vec![1];
        let p = call(|| v[std::hint::black_box(3)]).unwrap_err();
        assert!(!p.is_not_implemented());
        assert!(p.message.contains("index out of bounds"), "{p:?}");
        assert!(p.location.as_deref().unwrap_or("").contains("guard.rs"), "{p:?}");
        assert_eq!(call(|| 7), Ok(7));
    }
}
