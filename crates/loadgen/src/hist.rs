//! A small log-linear latency histogram in microseconds: exact below 64 µs, then
//! 64 buckets per power of two (under 1.6 % error), up to about 2^40 µs. Recording
//! is an index computation and one increment, so each connection task keeps its
//! own and they are merged at the end (no shared counters on the hot path).

const SUB: u64 = 64;
const BUCKETS: usize = 64 * 36;

#[derive(Clone)]
pub struct Hist {
    counts: Box<[u32]>,
    total: u64,
    max: u64,
    sum: u64,
}

impl Default for Hist {
    fn default() -> Self {
        Hist::new()
    }
}

fn index(us: u64) -> usize {
    if us < SUB {
        return us as usize;
    }
    let exp = 63 - u64::from(us.leading_zeros()); // >= 6
    let mantissa = us >> (exp - 6); // 64..128
    let i = (exp - 5) * SUB + (mantissa - SUB);
    (i as usize).min(BUCKETS - 1)
}

/// The smallest value that falls in bucket `i`.
fn lower_bound(i: usize) -> u64 {
    let i = i as u64;
    if i < SUB {
        return i;
    }
    let exp = i / SUB + 5;
    let mantissa = SUB + i % SUB;
    mantissa << (exp - 6)
}

impl Hist {
    pub fn new() -> Hist {
        Hist {
            counts: vec![0; BUCKETS].into_boxed_slice(),
            total: 0,
            max: 0,
            sum: 0,
        }
    }

    #[inline]
    pub fn record(&mut self, us: u64) {
        self.counts[index(us)] += 1;
        self.total += 1;
        self.sum += us;
        self.max = self.max.max(us);
    }

    pub fn merge(&mut self, other: &Hist) {
        for (a, b) in self.counts.iter_mut().zip(other.counts.iter()) {
            *a += *b;
        }
        self.total += other.total;
        self.sum += other.sum;
        self.max = self.max.max(other.max);
    }

    /// The value at quantile `q` (0..=1), in µs: the middle of its bucket.
    pub fn quantile(&self, q: f64) -> u64 {
        if self.total == 0 {
            return 0;
        }
        let rank = ((q * self.total as f64).ceil() as u64).clamp(1, self.total);
        let mut seen = 0u64;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += u64::from(c);
            if seen >= rank {
                let lo = lower_bound(i);
                let hi = if i + 1 < BUCKETS { lower_bound(i + 1) } else { lo + 1 };
                return ((lo + hi.saturating_sub(1)) / 2).min(self.max);
            }
        }
        self.max
    }

    pub fn mean(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.sum as f64 / self.total as f64
        }
    }

    /// Share of the samples above `us`.
    pub fn share_above(&self, us: u64) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        let below: u64 = self.counts[..=index(us)].iter().map(|&c| u64::from(c)).sum();
        (self.total - below) as f64 / self.total as f64
    }

    /// p50/p90/p99/p99.9/max in milliseconds, for the report and the JSON.
    pub fn summary_ms(&self) -> serde_json::Value {
        let ms = |us: u64| us as f64 / 1000.0;
        serde_json::json!({
            "count": self.total,
            "mean_ms": self.mean() / 1000.0,
            "p50_ms": ms(self.quantile(0.50)),
            "p90_ms": ms(self.quantile(0.90)),
            "p99_ms": ms(self.quantile(0.99)),
            "p999_ms": ms(self.quantile(0.999)),
            "max_ms": ms(self.max),
        })
    }

    pub fn describe(&self) -> String {
        if self.total == 0 {
            return "no samples".into();
        }
        let ms = |us: u64| us as f64 / 1000.0;
        format!(
            "p50 {:.2}  p90 {:.2}  p99 {:.2}  p99.9 {:.2}  max {:.2} ms  ({} samples)",
            ms(self.quantile(0.50)),
            ms(self.quantile(0.90)),
            ms(self.quantile(0.99)),
            ms(self.quantile(0.999)),
            ms(self.max),
            self.total
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_contiguous_and_tight() {
        for us in 0..1_000_000u64 {
            let i = index(us);
            assert!(lower_bound(i) <= us, "{us}");
            assert!(us < lower_bound(i + 1), "{us}");
            assert!((us - lower_bound(i)) as f64 <= 0.016 * us as f64 + 1.0);
        }
    }

    #[test]
    fn quantiles_of_a_uniform_spread() {
        let mut h = Hist::new();
        for us in 1..=10_000 {
            h.record(us);
        }
        let p50 = h.quantile(0.5) as f64;
        assert!((p50 - 5000.0).abs() < 100.0, "{p50}");
        let p99 = h.quantile(0.99) as f64;
        assert!((p99 - 9900.0).abs() < 160.0, "{p99}");
        assert_eq!(h.max, 10_000);
        assert!(h.share_above(9000) > 0.09 && h.share_above(9000) < 0.11);
    }
}
