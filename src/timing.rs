//! Stage timings on stderr when `BCOP_TIMINGS` is set, for profiling builds by hand.

use std::cell::Cell;
use std::time::Instant;

pub struct Timer {
    enabled: bool,
    last: Cell<Instant>,
}

impl Timer {
    pub fn start() -> Self {
        Self {
            enabled: std::env::var_os("BCOP_TIMINGS").is_some(),
            last: Cell::new(Instant::now()),
        }
    }

    /// Prints the time since the previous mark.
    pub fn mark(&self, stage: &str) {
        if self.enabled {
            let now = Instant::now();
            eprintln!(
                "timing: {stage}: {:.1} ms",
                (now - self.last.get()).as_secs_f64() * 1000.0
            );
            self.last.set(now);
        }
    }
}
