//! Admission control: how many summaries run at once, and how much memory requests may hold.
//!
//! A request is charged twice, at the two moments its memory is known:
//!
//! 1. **While its message arrives** ([`Admission::receiving`]), by the bytes that have arrived:
//!    tonic reserves a buffer of the length the frame declares, but memory is resident only once
//!    written. The charge comes out of the *receive pool* (an eighth of the budget) and is
//!    released when the message has been read. A client that opens a call and sends nothing, or
//!    trickles its body, holds only what it sent.
//! 2. **While it is summarized** ([`Admission::try_admit`]), once its whole message has been
//!    decoded: one of `--max-in-flight` slots, and its size times the worst measured
//!    amplification ([`work_cost`]) out of the *work pool* (the rest of the budget).
//!    Both are held until its response has been sent.
//!
//! The receive pool is separate so that callers that send slowly (or declare large messages and
//! stall) can never take the memory that admitted work needs.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Peak heap bytes per byte of article while it is summarized, from the request's decoded
/// message to its encoded response, at its worst over the input kinds measured, with a margin
/// for the allocator: plain text by `examples/amplification.rs` (at most 29.6, on random CJK and
/// on one word a line), HTML by `benches/hostile_html.rs` (at most 32 plus [`HTML_FIXED`]; the
/// DOM is dropped before its text is summarized, so the two stages do not add up).
pub const AMPLIFICATION: usize = 32;

/// The part of an HTML page's peak heap that does not grow with its size: the parse's fixed
/// allowance of nodes.
pub const HTML_FIXED: usize = 4 << 20;

/// What an `Extract` response can add: about 210 bytes a sentence while it is built and encoded,
/// for at most [`crate::service::api::MAX_EXTRACT_SENTENCES`] sentences.
pub const EXTRACT_RESPONSE: usize = crate::service::api::MAX_EXTRACT_SENTENCES * 224;

/// The accounting unit of the memory pools: semaphores count permits in `u32`s, so bytes are
/// counted in KiB (rounded up).
const UNIT: usize = 1024;

/// The work memory an article of `bytes` bytes costs to summarize (`html` when it is a page),
/// or to extract (`extract`).
pub fn work_cost(bytes: usize, html: bool, extract: bool) -> usize {
    let mut cost = bytes.saturating_mul(AMPLIFICATION);
    if html {
        cost = cost.saturating_add(HTML_FIXED);
    }
    if extract {
        cost = cost.saturating_add(EXTRACT_RESPONSE);
    }
    cost
}

/// Why a request was not admitted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// Every in-flight slot is taken.
    #[error(
        "the server is at its limit of {limit} requests in flight (--max-in-flight); retry with backoff"
    )]
    InFlight {
        /// `--max-in-flight`.
        limit: usize,
    },
    /// The pool has too little memory free for this request now.
    #[error(
        "the server's memory budget for {pool} is in use: this request needs about {needed_mib} MiB of {pool_mib} MiB (--max-memory-mib); retry with backoff"
    )]
    Busy {
        /// Which pool.
        pool: &'static str,
        /// What the request needs, in MiB (rounded up).
        needed_mib: usize,
        /// The pool's size, in MiB.
        pool_mib: usize,
    },
    /// The request needs more than the whole pool: it can never be admitted.
    #[error(
        "this request needs about {needed_mib} MiB for {pool}, more than the server's whole budget of {pool_mib} MiB (--max-memory-mib); send a smaller article or raise the budget"
    )]
    TooLarge {
        /// Which pool.
        pool: &'static str,
        /// What the request needs, in MiB (rounded up).
        needed_mib: usize,
        /// The pool's size, in MiB.
        pool_mib: usize,
    },
}

/// One memory pool.
#[derive(Debug)]
struct Pool {
    name: &'static str,
    permits: Arc<Semaphore>,
    units: usize,
}

impl Pool {
    fn new(name: &'static str, bytes: usize) -> Self {
        let units = (bytes / UNIT).clamp(1, Semaphore::MAX_PERMITS);
        Self {
            name,
            permits: Arc::new(Semaphore::new(units)),
            units,
        }
    }

    /// The permits `bytes` costs, or why it can never get them.
    fn units_for(&self, bytes: usize) -> Result<u32, Refused> {
        let units = bytes.div_ceil(UNIT).max(1);
        match u32::try_from(units) {
            Ok(n) if units <= self.units => Ok(n),
            _ => Err(Refused::TooLarge {
                pool: self.name,
                needed_mib: bytes.div_ceil(1 << 20),
                pool_mib: self.mib(),
            }),
        }
    }

    fn try_take(&self, bytes: usize) -> Result<OwnedSemaphorePermit, Refused> {
        let units = self.units_for(bytes)?;
        self.permits
            .clone()
            .try_acquire_many_owned(units)
            .map_err(|_| self.busy(bytes))
    }

    async fn take(&self, bytes: usize) -> Result<OwnedSemaphorePermit, Refused> {
        let units = self.units_for(bytes)?;
        // The semaphore is never closed, so this only waits.
        self.permits
            .clone()
            .acquire_many_owned(units)
            .await
            .map_err(|_| self.busy(bytes))
    }

    fn busy(&self, bytes: usize) -> Refused {
        Refused::Busy {
            pool: self.name,
            needed_mib: bytes.div_ceil(1 << 20),
            pool_mib: self.mib(),
        }
    }

    /// The pool's size in MiB.
    fn mib(&self) -> usize {
        (self.units * UNIT) >> 20
    }

    fn free_bytes(&self) -> usize {
        self.permits.available_permits() * UNIT
    }
}

/// The server's admission state, shared by every connection.
#[derive(Debug, Clone)]
pub struct Admission {
    in_flight: Arc<Semaphore>,
    in_flight_limit: usize,
    receive: Arc<Pool>,
    work: Arc<Pool>,
}

/// A request's admission to be summarized: released when dropped.
#[derive(Debug)]
pub struct Admitted {
    _slot: OwnedSemaphorePermit,
    _memory: OwnedSemaphorePermit,
}

/// Memory charged for a message while it arrives, grown as its bytes arrive: released when
/// dropped.
#[derive(Debug)]
pub struct Receiving {
    pool: Arc<Pool>,
    memory: Option<OwnedSemaphorePermit>,
    units: usize,
}

impl Receiving {
    /// Refuses at once a message of `len` bytes that could never fit in the pool.
    pub fn check_fits(&self, len: usize) -> Result<(), Refused> {
        self.pool.units_for(len).map(|_| ())
    }

    /// Grows the charge to `bytes` in all, or refuses when the pool has too little free.
    pub fn grow_to(&mut self, bytes: usize) -> Result<(), Refused> {
        let units = bytes.div_ceil(UNIT);
        if units <= self.units {
            return Ok(());
        }
        let more = self.pool.try_take((units - self.units) * UNIT)?;
        match &mut self.memory {
            Some(held) => held.merge(more),
            None => self.memory = Some(more),
        }
        self.units = units;
        Ok(())
    }
}

impl Admission {
    /// At most `max_in_flight` summaries at once, within a memory budget of `memory_bytes`.
    pub fn new(max_in_flight: usize, memory_bytes: usize) -> Self {
        let receive_bytes = memory_bytes / 8;
        Self {
            in_flight: Arc::new(Semaphore::new(max_in_flight)),
            in_flight_limit: max_in_flight,
            receive: Arc::new(Pool::new("requests being received", receive_bytes)),
            work: Arc::new(Pool::new(
                "requests being summarized",
                memory_bytes - receive_bytes,
            )),
        }
    }

    /// An empty charge to the receive pool, for a message about to arrive.
    pub fn receiving(&self) -> Receiving {
        Receiving {
            pool: self.receive.clone(),
            memory: None,
            units: 0,
        }
    }

    /// Admits a decoded request whose work costs `cost` bytes (see [`work_cost`]), or refuses it
    /// at once.
    pub fn try_admit(&self, cost: usize) -> Result<Admitted, Refused> {
        // Memory first: a request that can never fit is told so even when slots are free.
        let memory = self.work.try_take(cost)?;
        let slot = self
            .in_flight
            .clone()
            .try_acquire_owned()
            .map_err(|_| Refused::InFlight {
                limit: self.in_flight_limit,
            })?;
        Ok(Admitted {
            _slot: slot,
            _memory: memory,
        })
    }

    /// Admits a decoded request whose work costs `cost` bytes, waiting for its turn: a stream's
    /// items slow down under load instead of failing. Refuses only what can never fit.
    pub async fn admit(&self, cost: usize) -> Result<Admitted, Refused> {
        let slot = self
            .in_flight
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Refused::InFlight {
                limit: self.in_flight_limit,
            })?;
        let memory = self.work.take(cost).await?;
        Ok(Admitted {
            _slot: slot,
            _memory: memory,
        })
    }

    /// Bytes free in the receive pool and in the work pool, and in-flight slots free.
    pub fn free(&self) -> (usize, usize, usize) {
        (
            self.receive.free_bytes(),
            self.work.free_bytes(),
            self.in_flight.available_permits(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_is_charged_and_returned() {
        let a = Admission::new(2, 8 << 20);
        let (_, work, slots) = a.free();
        assert_eq!((work, slots), (7 << 20, 2));
        let first = a.try_admit(2 << 20).expect("fits");
        assert!(matches!(a.try_admit(6 << 20), Err(Refused::Busy { .. })));
        let second = a.try_admit(1 << 20).expect("fits beside");
        assert!(matches!(
            a.try_admit(1),
            Err(Refused::InFlight { limit: 2 })
        ));
        drop((first, second));
        assert_eq!(a.free(), (1 << 20, 7 << 20, 2));
    }

    #[test]
    fn what_can_never_fit_is_told_so() {
        let a = Admission::new(8, 4 << 20);
        let err = a.try_admit(5 << 20).expect_err("over the pool");
        assert!(
            matches!(
                err,
                Refused::TooLarge {
                    needed_mib: 5,
                    pool_mib: 3,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("--max-memory-mib"));
        let mut held = a.receiving();
        assert!(matches!(
            held.check_fits(2 << 20),
            Err(Refused::TooLarge { .. })
        ));
        held.grow_to(1000).expect("one unit");
        held.grow_to(1024).expect("still one unit");
        assert_eq!(a.free().0, (512 << 10) - 1024);
        held.grow_to(512 << 10).expect("the whole receive pool");
        assert!(matches!(
            a.receiving().grow_to(1),
            Err(Refused::Busy { .. })
        ));
        drop(held);
        assert!(a.receiving().grow_to(1).is_ok());
    }

    #[tokio::test]
    async fn waiting_admission_gets_its_turn() {
        let a = Admission::new(1, 4 << 20);
        let first = a.try_admit(10).expect("free");
        let waiting = {
            let a = a.clone();
            tokio::spawn(async move { a.admit(10).await.map(|_| ()) })
        };
        tokio::task::yield_now().await;
        assert!(!waiting.is_finished());
        drop(first);
        waiting.await.expect("task").expect("admitted once free");
        assert!(a.admit(64 << 20).await.is_err(), "never fits");
    }
}
