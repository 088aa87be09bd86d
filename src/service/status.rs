//! Every error the server can answer a call with, mapped to its gRPC status in one place.

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

/// The gRPC status for a request that admission control turned away: `RESOURCE_EXHAUSTED`,
/// whose message says whether a retry can help.
pub fn from_refused(e: Refused) -> Status {
    Status::resource_exhausted(e.to_string())
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
