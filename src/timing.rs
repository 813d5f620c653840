//! Stage timings on stderr when `BCOP_TIMINGS` is set, for profiling builds by hand: the wall
//! time of each stage and the CPU time all threads spent in it (Linux only), whose ratio shows
//! how well the stage used the cores.

use std::cell::Cell;
use std::time::Instant;

pub struct Timer {
    enabled: bool,
    last: Cell<Instant>,
    last_cpu: Cell<Option<u64>>,
    last_faults: Cell<Option<u64>>,
}

impl Timer {
    pub fn start() -> Self {
        let enabled = std::env::var_os("BCOP_TIMINGS").is_some();
        Self {
            enabled,
            last: Cell::new(Instant::now()),
            last_cpu: Cell::new(enabled.then(cpu_ns).flatten()),
            last_faults: Cell::new(enabled.then(page_faults).flatten()),
        }
    }

    /// Prints the time since the previous mark.
    pub fn mark(&self, stage: &str) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let wall = (now - self.last.get()).as_secs_f64() * 1000.0;
        let cpu = cpu_ns();
        let faults = page_faults();
        match (cpu, self.last_cpu.get()) {
            (Some(c), Some(l)) => eprintln!(
                "timing: {stage}: {wall:.1} ms (CPU {:.1} ms, peak RSS {} MB, {} page faults)",
                c.saturating_sub(l) as f64 / 1e6,
                peak_rss_mb().unwrap_or(0),
                faults
                    .zip(self.last_faults.get())
                    .map_or(0, |(f, l)| f.saturating_sub(l))
            ),
            _ => eprintln!("timing: {stage}: {wall:.1} ms"),
        }
        self.last.set(now);
        self.last_cpu.set(cpu);
        self.last_faults.set(faults);
    }
}

/// CPU time of every thread of this process so far, in nanoseconds, from
/// `/proc/self/task/*/schedstat`. Threads that have ended are not counted, which is why the
/// build's worker threads (rayon's) live for the whole run.
fn cpu_ns() -> Option<u64> {
    let mut total = 0;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

/// The process's minor page faults so far (first touches of memory, mostly), from
/// `/proc/self/stat`: each costs the kernel time, so they show where memory is new.
fn page_faults() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Field 10; the command name (field 2) may hold spaces, so count from its `)`.
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(7)?
        .parse()
        .ok()
}

/// The process's peak resident memory so far, from `/proc/self/status`.
fn peak_rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
