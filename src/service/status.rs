//! Every error the server can answer a call with, mapped to its gRPC status in one place.

use std::time::Duration;

use tonic::metadata::MetadataValue;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::service::admission::Refused;
use crate::service::api::RequestError;

/// The gRPC status for a request error. `INVALID_ARGUMENT` carries a `google.rpc.BadRequest`
/// detail naming the field, so that generated clients can point at it without parsing the message.
pub fn from_request_error(e: RequestError) -> Status {
    let message = e.to_string();
    match e {
        RequestError::InvalidArgument { field, reason } => Status::with_error_details(
            Code::InvalidArgument,
            message,
            ErrorDetails::with_bad_request_violation(field, reason),
        ),
        RequestError::ResourceExhausted { .. } => Status::resource_exhausted(message),
        RequestError::Cancelled => Status::cancelled(message),
    }
}

/// How long a client should wait before retrying a request shed because every in-flight slot was
/// taken: a slot frees as soon as any request ends, and most take milliseconds.
pub const IN_FLIGHT_RETRY_DELAY: Duration = Duration::from_millis(100);

/// How long a client should wait before retrying a request shed because the memory budget was in
/// use: that memory is held by large articles, which take longer to finish.
pub const MEMORY_RETRY_DELAY: Duration = Duration::from_millis(500);

/// The gRPC status for a request that admission control turned away: `RESOURCE_EXHAUSTED`,
/// whose message says whether a retry can help. When one can (the server was busy, not the
/// request too large), the status carries a `google.rpc.RetryInfo` detail with the delay to wait,
/// and the same delay as gRPC's `grpc-retry-pushback-ms`, which clients with a retry policy
/// honour.
pub fn from_refused(e: Refused) -> Status {
    let message = e.to_string();
    let delay = match e {
        Refused::InFlight { .. } => IN_FLIGHT_RETRY_DELAY,
        Refused::Busy { .. } => MEMORY_RETRY_DELAY,
        Refused::TooLarge { .. } => return Status::resource_exhausted(message),
    };
    let mut status = Status::with_error_details(
        Code::ResourceExhausted,
        message,
        ErrorDetails::with_retry_info(Some(delay)),
    );
    status.metadata_mut().insert(
        "grpc-retry-pushback-ms",
        MetadataValue::from(delay.as_millis() as u64),
    );
    status
}

/// The name the gRPC specification gives `code` (`OK`, `INVALID_ARGUMENT`, ...), as metrics
/// labels and log lines show it, so that they read the same as every other gRPC service's.
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_refusal_that_a_retry_can_help_carries_retry_info() {
        let shed = from_refused(Refused::InFlight { limit: 2 });
        assert_eq!(shed.code(), Code::ResourceExhausted);
        let info = shed.get_details_retry_info().expect("RetryInfo");
        assert_eq!(info.retry_delay, Some(IN_FLIGHT_RETRY_DELAY));
        assert_eq!(
            shed.metadata()
                .get("grpc-retry-pushback-ms")
                .and_then(|v| v.to_str().ok()),
            Some("100")
        );

        let busy = from_refused(Refused::Busy {
            pool: "work",
            needed_mib: 10,
            pool_mib: 64,
        });
        let info = busy.get_details_retry_info().expect("RetryInfo");
        assert_eq!(info.retry_delay, Some(MEMORY_RETRY_DELAY));

        let never = from_refused(Refused::TooLarge {
            pool: "work",
            needed_mib: 100,
            pool_mib: 64,
        });
        assert_eq!(never.code(), Code::ResourceExhausted);
        assert!(never.get_details_retry_info().is_none());
        assert!(never.metadata().get("grpc-retry-pushback-ms").is_none());
    }
}
