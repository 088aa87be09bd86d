//! Accepting connections: a cap on how many are open, deadlines for connections that make no
//! calls, and an accept loop that backs off when the process runs out of file descriptors.
//!
//! - **Cap.** At most `max` connections are open. When a new one arrives at the cap, the
//!   connection idle longest (no call open) is closed to make room; when every connection has a
//!   call open, the new one is closed at once. A load balancer's probe therefore always finds a
//!   way in while any connection is merely parked.
//! - **First call.** A connection that has not started a call within `first_call` of being
//!   accepted is closed: it holds a descriptor and a task for nothing (a client that connects and
//!   sends only the HTTP/2 preface, or nothing at all).
//! - **Idle.** A connection with no call open for `idle` is closed. gRPC clients reconnect on
//!   their next call.
//! - **Unread responses.** A call that must end by a time (a unary call: its deadline, plus time
//!   to read the answer) and is still open after it means the client is not reading its response,
//!   which HTTP/2 then keeps buffered; the connection is closed, which frees it.
//! - **Accept errors.** When `accept` fails for lack of descriptors or memory, the loop logs and
//!   waits (up to a second, doubling) instead of retrying at once, which would spin a core.
//!
//! A connection's calls are counted by [`crate::server::middleware::activity`], which finds the
//! connection's [`ConnState`] in each request's [`ConnInfo`].

use std::collections::HashMap;
use std::future::Future as _;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::Sleep;
use tokio_stream::Stream;
use tonic::transport::server::Connected;

/// The limits on connections.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// The most connections open at once.
    pub max: usize,
    /// How long a new connection may go without starting a call.
    pub first_call: Duration,
    /// How long a connection may go with no call open.
    pub idle: Duration,
}

/// The longest the accept loop waits after an accept error.
const MAX_BACKOFF: Duration = Duration::from_secs(1);

/// What a connection's calls tell the acceptor about it.
#[derive(Debug)]
pub struct ConnState {
    /// Calls open now.
    open: AtomicUsize,
    /// Calls started since the connection was accepted.
    started: AtomicU64,
    /// When a call last started or ended (or the connection was accepted), in milliseconds since
    /// the registry's epoch.
    last_active_ms: AtomicU64,
    /// Set to close the connection to make room for a new one.
    evicted: AtomicBool,
    /// The connection's reader, woken when it is evicted.
    waker: Mutex<Option<Waker>>,
    /// The calls open that must end by a time: an id of the call, and the time.
    due: Mutex<Vec<(u64, Instant)>>,
    epoch: Instant,
}

impl ConnState {
    fn new(epoch: Instant) -> Self {
        Self {
            open: AtomicUsize::new(0),
            started: AtomicU64::new(0),
            last_active_ms: AtomicU64::new(millis_since(epoch)),
            evicted: AtomicBool::new(false),
            waker: Mutex::new(None),
            due: Mutex::new(Vec::new()),
            epoch,
        }
    }

    /// Records that a call started, which must end within `limit` if it is given; the returned
    /// guard records its end when dropped.
    pub fn call_started(self: &Arc<Self>, limit: Option<Duration>) -> CallGuard {
        self.open.fetch_add(1, Ordering::AcqRel);
        let id = self.started.fetch_add(1, Ordering::AcqRel);
        self.touch();
        if let Some(limit) = limit
            && let Ok(mut due) = self.due.lock()
        {
            due.push((id, Instant::now() + limit));
        }
        CallGuard {
            state: self.clone(),
            id,
        }
    }

    /// The earliest time by which an open call must end.
    fn earliest_due(&self) -> Option<Instant> {
        self.due
            .lock()
            .ok()
            .and_then(|due| due.iter().map(|(_, t)| *t).min())
    }

    fn touch(&self) {
        self.last_active_ms
            .store(millis_since(self.epoch), Ordering::Release);
    }

    fn last_active(&self) -> Instant {
        self.epoch + Duration::from_millis(self.last_active_ms.load(Ordering::Acquire))
    }

    fn evict(&self) {
        self.evicted.store(true, Ordering::Release);
        if let Ok(mut waker) = self.waker.lock()
            && let Some(w) = waker.take()
        {
            w.wake();
        }
    }
}

/// A call open on a connection; see [`ConnState::call_started`].
#[derive(Debug)]
pub struct CallGuard {
    state: Arc<ConnState>,
    id: u64,
}

impl Drop for CallGuard {
    fn drop(&mut self) {
        if let Ok(mut due) = self.state.due.lock() {
            due.retain(|(id, _)| *id != self.id);
        }
        self.state.touch();
        self.state.open.fetch_sub(1, Ordering::AcqRel);
    }
}

fn millis_since(epoch: Instant) -> u64 {
    u64::try_from(epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// What each request carries about its connection (in its extensions, put there by tonic).
#[derive(Debug, Clone)]
pub struct ConnInfo {
    /// The client's address.
    pub remote: Option<SocketAddr>,
    /// The connection's state.
    pub state: Arc<ConnState>,
}

/// The open connections.
#[derive(Debug)]
struct Registry {
    conns: Mutex<HashMap<u64, Arc<ConnState>>>,
}

impl Registry {
    fn len(&self) -> usize {
        self.conns.lock().map_or(0, |c| c.len())
    }

    /// Evicts the connection idle longest; false when every connection has a call open.
    fn evict_idlest(&self) -> bool {
        let Ok(conns) = self.conns.lock() else {
            return false;
        };
        let idlest = conns
            .values()
            .filter(|c| c.open.load(Ordering::Acquire) == 0 && !c.evicted.load(Ordering::Acquire))
            .min_by_key(|c| c.last_active_ms.load(Ordering::Acquire));
        match idlest {
            Some(c) => {
                c.evict();
                true
            }
            None => false,
        }
    }
}

/// The stream of accepted connections that tonic serves; see the module docs.
pub struct Incoming {
    listener: TcpListener,
    limits: ConnectionLimits,
    registry: Arc<Registry>,
    epoch: Instant,
    next_id: u64,
    backoff: Option<(Pin<Box<Sleep>>, Duration)>,
    /// When the cap was last logged, so that an attack logs once a second, not per connection.
    last_cap_log: Option<Instant>,
}

impl Incoming {
    /// Accepts connections on `listener` within `limits`.
    pub fn new(listener: TcpListener, limits: ConnectionLimits) -> Self {
        Self {
            listener,
            limits,
            registry: Arc::new(Registry {
                conns: Mutex::new(HashMap::new()),
            }),
            epoch: Instant::now(),
            next_id: 0,
            backoff: None,
            last_cap_log: None,
        }
    }

    /// Makes room for one more connection; false when there is none to make.
    fn make_room(&mut self) -> bool {
        let open = self.registry.len();
        if open < self.limits.max {
            return true;
        }
        let evicted = self.registry.evict_idlest();
        let now = Instant::now();
        if self
            .last_cap_log
            .is_none_or(|t| now.duration_since(t) >= Duration::from_secs(1))
        {
            self.last_cap_log = Some(now);
            tracing::warn!(
                open,
                max_connections = self.limits.max,
                evicted_idle = evicted,
                "at the connection limit (--max-connections): {}",
                if evicted {
                    "closing the connection idle longest"
                } else {
                    "every connection has a call open; refusing the new one"
                }
            );
        }
        evicted
    }

    fn track(&mut self, io: TcpStream, remote: SocketAddr) -> Tracked {
        let state = Arc::new(ConnState::new(self.epoch));
        let id = self.next_id;
        self.next_id += 1;
        if let Ok(mut conns) = self.registry.conns.lock() {
            conns.insert(id, state.clone());
        }
        let first = Box::pin(tokio::time::sleep(self.limits.first_call));
        Tracked {
            io,
            remote,
            state,
            registry: Arc::downgrade(&self.registry),
            id,
            limits: self.limits,
            timer: first,
        }
    }
}

/// Whether an accept error means the process is out of a resource (and will be for a while).
fn out_of_resources(e: &io::Error) -> bool {
    // EMFILE, ENFILE, ENOBUFS, ENOMEM on Linux.
    matches!(e.raw_os_error(), Some(24 | 23 | 105 | 12))
}

impl Stream for Incoming {
    type Item = io::Result<Tracked>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some((sleep, _)) = &mut this.backoff
                && sleep.as_mut().poll(cx).is_pending()
            {
                return Poll::Pending;
            }
            let (io, remote) = match this.listener.poll_accept(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Ok(accepted)) => accepted,
                Poll::Ready(Err(e)) if out_of_resources(&e) => {
                    let wait = this
                        .backoff
                        .as_ref()
                        .map_or(Duration::from_millis(10), |(_, d)| {
                            (*d * 2).min(MAX_BACKOFF)
                        });
                    tracing::warn!(error = %e, open = this.registry.len(), wait_ms = wait.as_millis() as u64,
                        "cannot accept a connection: out of file descriptors or memory; waiting");
                    this.backoff = Some((Box::pin(tokio::time::sleep(wait)), wait));
                    continue;
                }
                Poll::Ready(Err(e)) => {
                    tracing::debug!(error = %e, "accept failed");
                    continue;
                }
            };
            this.backoff = None;
            if !this.make_room() {
                drop(io);
                continue;
            }
            let _ = io.set_nodelay(true);
            return Poll::Ready(Some(Ok(this.track(io, remote))));
        }
    }
}

/// An accepted connection that closes itself when it is idle too long or evicted.
pub struct Tracked {
    io: TcpStream,
    remote: SocketAddr,
    state: Arc<ConnState>,
    registry: Weak<Registry>,
    id: u64,
    limits: ConnectionLimits,
    timer: Pin<Box<Sleep>>,
}

impl Tracked {
    /// Why the connection must close now, if it must; otherwise arms the wake-ups that will tell.
    fn must_close(&mut self, cx: &mut Context<'_>) -> Option<&'static str> {
        if self.state.evicted.load(Ordering::Acquire) {
            return Some("closed to make room under --max-connections");
        }
        if let Ok(mut waker) = self.state.waker.lock()
            && !waker.as_ref().is_some_and(|w| w.will_wake(cx.waker()))
        {
            *waker = Some(cx.waker().clone());
        }
        while self.timer.as_mut().poll(cx).is_ready() {
            let now = Instant::now();
            let due = if self.state.open.load(Ordering::Acquire) > 0 {
                match self.state.earliest_due() {
                    Some(t) if now >= t => {
                        return Some("a response was not read in time (--request-timeout-seconds)");
                    }
                    Some(t) => t.min(now + self.limits.idle),
                    None => now + self.limits.idle,
                }
            } else {
                let (limit, why) = if self.state.started.load(Ordering::Acquire) == 0 {
                    (
                        self.limits.first_call,
                        "no call within --first-call-timeout-seconds",
                    )
                } else {
                    (self.limits.idle, "idle for --idle-timeout-seconds")
                };
                let due = self.state.last_active() + limit;
                if now >= due {
                    return Some(why);
                }
                due
            };
            self.timer.as_mut().reset(due.into());
        }
        None
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if let Some(registry) = self.registry.upgrade()
            && let Ok(mut conns) = registry.conns.lock()
        {
            conns.remove(&self.id);
        }
    }
}

impl Connected for Tracked {
    type ConnectInfo = ConnInfo;

    fn connect_info(&self) -> ConnInfo {
        ConnInfo {
            remote: Some(self.remote),
            state: self.state.clone(),
        }
    }
}

impl AsyncRead for Tracked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if let Some(why) = self.must_close(cx) {
            tracing::debug!(remote = %self.remote, why, "closing connection");
            return Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, why)));
        }
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
}

/// Raises the soft limit on open files to the hard limit, and returns the soft limit now in
/// force (None when it cannot be read).
pub fn raise_fd_limit() -> Option<u64> {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => Some(limit),
        Err(e) => {
            tracing::warn!(error = %e, "cannot raise the open-file limit");
            rlimit::getrlimit(rlimit::Resource::NOFILE)
                .ok()
                .map(|(soft, _)| soft)
        }
    }
}

/// Descriptors kept free for everything but client connections: the listeners, the metrics
/// server's connections, files, the runtime.
pub const RESERVED_FDS: u64 = 64;

/// `max`, lowered to what the open-file limit allows.
pub fn clamp_to_fd_limit(max: usize) -> usize {
    let Ok((soft, _)) = rlimit::getrlimit(rlimit::Resource::NOFILE) else {
        return max;
    };
    let allowed = usize::try_from(soft.saturating_sub(RESERVED_FDS).max(1)).unwrap_or(usize::MAX);
    if allowed < max {
        tracing::warn!(
            max_connections = max,
            open_file_limit = soft,
            "lowering --max-connections to {allowed} to stay within the open-file limit"
        );
    }
    max.min(allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_counted_and_their_due_times_kept_until_they_end() {
        let state = Arc::new(ConnState::new(Instant::now()));
        let streaming = state.call_started(None);
        let unary = state.call_started(Some(Duration::from_secs(5)));
        let later = state.call_started(Some(Duration::from_secs(50)));
        assert_eq!(state.open.load(Ordering::Acquire), 3);
        let due = state.earliest_due().expect("a unary call is open");
        assert!(due <= Instant::now() + Duration::from_secs(5));
        drop(unary);
        let due = state.earliest_due().expect("the later one");
        assert!(due > Instant::now() + Duration::from_secs(40));
        drop((later, streaming));
        assert_eq!(state.earliest_due(), None);
        assert_eq!(state.open.load(Ordering::Acquire), 0);
        assert_eq!(state.started.load(Ordering::Acquire), 3);
    }

    #[test]
    fn the_idlest_connection_is_evicted_and_busy_ones_never() {
        let epoch = Instant::now();
        let registry = Registry {
            conns: Mutex::new(HashMap::new()),
        };
        let busy = Arc::new(ConnState::new(epoch));
        let _call = busy.call_started(None);
        let idle = Arc::new(ConnState::new(epoch));
        if let Ok(mut conns) = registry.conns.lock() {
            conns.insert(0, busy.clone());
            conns.insert(1, idle.clone());
        }
        assert!(registry.evict_idlest());
        assert!(idle.evicted.load(Ordering::Acquire));
        assert!(!busy.evicted.load(Ordering::Acquire));
        assert!(!registry.evict_idlest(), "only a busy connection is left");
    }
}
