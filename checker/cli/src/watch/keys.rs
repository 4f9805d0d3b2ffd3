//! Keys from the terminal, one byte at a time, sent to the watch loop.
//!
//! On a terminal, line buffering and echo are switched off (and restored on
//! exit) so a single key acts at once; Ctrl-C arrives as a byte and quits
//! cleanly. Without a terminal, bytes arrive line by line.

use std::io::{IsTerminal, Read};
use std::sync::mpsc::Sender;

use nix::sys::termios::{LocalFlags, SetArg, Termios, tcgetattr, tcsetattr};

use super::Event;

/// Restores the terminal settings when dropped.
pub struct KeyMode(Option<Termios>);

impl Drop for KeyMode {
    fn drop(&mut self) {
        if let Some(original) = &self.0 {
            let _ = tcsetattr(std::io::stdin(), SetArg::TCSANOW, original);
        }
    }
}

/// Start reading keys in a thread.
pub fn start(tx: Sender<Event>) -> KeyMode {
    let stdin = std::io::stdin();
    let mut mode = KeyMode(None);
    if stdin.is_terminal()
        && let Ok(original) = tcgetattr(&stdin)
    {
        let mut single = original.clone();
        single.local_flags.remove(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG);
        if tcsetattr(&stdin, SetArg::TCSANOW, &single).is_ok() {
            mode = KeyMode(Some(original));
        }
    }
    std::thread::spawn(move || {
        let mut byte = [0u8; 1];
        let mut stdin = std::io::stdin();
        while let Ok(1) = stdin.read(&mut byte) {
            if tx.send(Event::Key(byte[0])).is_err() {
                break;
            }
        }
    });
    mode
}
