//! What the kernel says about processes and the machine: CPU time and memory of
//! the relay (from /proc/PID/stat and /proc/PID/status), the generator's own CPU
//! time (getrusage) and the machine's busy time (/proc/stat), plus the open-files
//! limit the generator raises for itself and the server it spawns. Linux only.

use std::time::Instant;

/// CPU seconds (user + system) a process has used so far.
pub fn process_cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may contain spaces; everything after the last
    // ')' is fields 3, 4, … separated by single spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_ascii_whitespace().collect();
    // Field 14 is utime and 15 is stime, i.e. indices 11 and 12 from field 3.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / clock_ticks())
}

fn clock_ticks() -> f64 {
    // SAFETY: sysconf has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if ticks > 0 {
        ticks as f64
    } else {
        100.0
    }
}

/// A `VmRSS`-style line of /proc/PID/status, in bytes.
pub fn process_status_bytes(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|line| {
        let value = line.strip_prefix(key)?.strip_prefix(':')?;
        let kb: u64 = value.trim().trim_end_matches("kB").trim().parse().ok()?;
        Some(kb * 1024)
    })
}

/// Resident memory of a process, in bytes.
pub fn rss_bytes(pid: u32) -> Option<u64> {
    process_status_bytes(pid, "VmRSS")
}

/// Peak resident memory of a process, in bytes.
pub fn peak_rss_bytes(pid: u32) -> Option<u64> {
    process_status_bytes(pid, "VmHWM")
}

/// CPU seconds (user + system) used by this process so far, all threads.
pub fn self_cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes into the struct we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// Busy and total jiffies of the whole machine (all cores), from /proc/stat.
fn machine_jiffies() -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().next()?.strip_prefix("cpu ")?;
    let values: Vec<u64> = line
        .split_ascii_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal (guest fields are included
    // in user already).
    let total: u64 = values.iter().take(8).sum();
    let idle = values.get(3).copied().unwrap_or(0) + values.get(4).copied().unwrap_or(0);
    Some((total - idle, total))
}

/// Number of CPUs this process may run on.
pub fn cpus() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// A moment's reading of every counter, to subtract from a later one.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub at: Instant,
    pub server_cpu: Option<f64>,
    pub server_rss: Option<u64>,
    pub self_cpu: f64,
    pub self_rss: Option<u64>,
    machine: Option<(u64, u64)>,
}

impl Sample {
    pub fn take(server: Option<u32>) -> Sample {
        Sample {
            at: Instant::now(),
            server_cpu: server.and_then(process_cpu_seconds),
            server_rss: server.and_then(rss_bytes),
            self_cpu: self_cpu_seconds(),
            self_rss: rss_bytes(std::process::id()),
            machine: machine_jiffies(),
        }
    }
}

/// What happened between two samples.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    pub seconds: f64,
    /// Server CPU seconds.
    pub server_cpu: Option<f64>,
    /// Generator CPU seconds.
    pub self_cpu: f64,
    /// Share of the whole machine (all cores) that was busy, 0..=1, whoever used it.
    pub machine_busy: Option<f64>,
}

impl Usage {
    pub fn between(a: &Sample, b: &Sample) -> Usage {
        let machine_busy = match (a.machine, b.machine) {
            (Some((busy0, total0)), Some((busy1, total1))) if total1 > total0 => {
                Some((busy1 - busy0) as f64 / (total1 - total0) as f64)
            }
            _ => None,
        };
        Usage {
            seconds: b.at.duration_since(a.at).as_secs_f64(),
            server_cpu: match (a.server_cpu, b.server_cpu) {
                (Some(x), Some(y)) => Some(y - x),
                _ => None,
            },
            self_cpu: b.self_cpu - a.self_cpu,
            machine_busy,
        }
    }

    /// CPU seconds used by everything else on the machine (other processes,
    /// kernel threads), when the machine's busy time is known.
    pub fn others_cpu(&self) -> Option<f64> {
        let busy = self.machine_busy? * cpus() as f64 * self.seconds;
        Some((busy - self.self_cpu - self.server_cpu.unwrap_or(0.0)).max(0.0))
    }

    /// Server CPU as a percentage of one core.
    pub fn server_core_pct(&self) -> Option<f64> {
        self.server_cpu.map(|c| 100.0 * c / self.seconds)
    }

    /// Generator CPU as a percentage of one core.
    pub fn self_core_pct(&self) -> f64 {
        100.0 * self.self_cpu / self.seconds
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "seconds": self.seconds,
            "server_cpu_seconds": self.server_cpu,
            "server_cpu_pct_of_one_core": self.server_core_pct(),
            "loadgen_cpu_seconds": self.self_cpu,
            "loadgen_cpu_pct_of_one_core": self.self_core_pct(),
            "machine_busy_pct_all_cores": self.machine_busy.map(|b| 100.0 * b),
            "others_cpu_pct_of_one_core": self.others_cpu().map(|c| 100.0 * c / self.seconds),
            "machine_cores": cpus(),
        })
    }

    pub fn describe(&self) -> String {
        let mut out = String::new();
        if let (Some(cpu), Some(pct)) = (self.server_cpu, self.server_core_pct()) {
            out += &format!(
                "  server CPU         {cpu:.2} s in {:.1} s = {pct:.0} % of one core\n",
                self.seconds
            );
        }
        out += &format!(
            "  loadgen CPU        {:.2} s = {:.0} % of one core\n",
            self.self_cpu,
            self.self_core_pct()
        );
        if let (Some(busy), Some(others)) = (self.machine_busy, self.others_cpu()) {
            out += &format!(
                "  machine busy       {:.0} % of {} cores; other processes used {:.0} % of one core\n",
                100.0 * busy,
                cpus(),
                100.0 * others / self.seconds
            );
        }
        out
    }
}

/// Raises this process's soft open-files limit to its hard limit (children such
/// as the spawned server inherit it). Returns the soft limit now in force.
pub fn raise_nofile_limit() -> u64 {
    // SAFETY: getrlimit/setrlimit only read and write the struct we pass.
    unsafe {
        let mut limit: libc::rlimit = std::mem::zeroed();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return 0;
        }
        if limit.rlim_cur < limit.rlim_max {
            let wanted = libc::rlimit {
                rlim_cur: limit.rlim_max,
                rlim_max: limit.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &wanted) == 0 {
                return wanted.rlim_cur as u64;
            }
        }
        limit.rlim_cur as u64
    }
}

/// Bytes as KiB/MiB for people.
pub fn human_bytes(bytes: f64) -> String {
    if bytes.abs() >= 1024.0 * 1024.0 {
        format!("{:.1} MiB", bytes / (1024.0 * 1024.0))
    } else if bytes.abs() >= 1024.0 {
        format!("{:.1} KiB", bytes / 1024.0)
    } else {
        format!("{bytes:.0} B")
    }
}
