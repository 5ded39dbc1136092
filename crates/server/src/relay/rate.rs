//! The per-connection frame rate limit: a token bucket that refills at the
//! configured rate up to the burst size, one token per frame. Time is passed in, so
//! the arithmetic is tested without sleeping.

use std::time::Instant;

#[derive(Debug)]
pub struct TokenBucket {
    per_second: f64,
    burst: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    /// A full bucket: a new connection may send its burst at once (HELLO plus the
    /// drafts it kept while offline).
    pub fn new(per_second: u32, burst: u32, now: Instant) -> Self {
        TokenBucket {
            per_second: f64::from(per_second),
            burst: f64::from(burst),
            tokens: f64::from(burst),
            last: now,
        }
    }

    /// A full bucket refilling `per_minute` tokens a minute, holding as many
    /// (the room-code endpoints' per-address limits).
    pub fn per_minute(per_minute: u32, now: Instant) -> Self {
        TokenBucket {
            per_second: f64::from(per_minute) / 60.0,
            burst: f64::from(per_minute),
            tokens: f64::from(per_minute),
            last: now,
        }
    }

    /// Takes `n` tokens; false when there are not enough (and then takes none).
    pub fn take(&mut self, n: usize, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.per_second).min(self.burst);
        let n = n as f64;
        if n > self.tokens {
            return false;
        }
        self.tokens -= n;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn burst_then_rate() {
        let t0 = Instant::now();
        let mut bucket = TokenBucket::new(50, 100, t0);
        assert!(bucket.take(100, t0));
        assert!(!bucket.take(1, t0));
        // 100 ms at 50/s refills 5 tokens.
        let t1 = t0 + Duration::from_millis(100);
        assert!(bucket.take(5, t1));
        assert!(!bucket.take(1, t1));
        // A long pause refills only up to the burst.
        let t2 = t1 + Duration::from_secs(60);
        assert!(!bucket.take(101, t2));
        assert!(bucket.take(100, t2));
    }
}
