//! The generated protobuf types and gRPC stubs of `brief.v1`, and the encoded file descriptor set.

/// Messages, enums, client and server of package `brief.v1`.
#[allow(clippy::all, missing_docs)]
pub mod v1 {
    tonic::include_proto!("brief.v1");
}

/// The encoded `FileDescriptorSet` of `proto/`, for server reflection and the JSON mapping.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/brief_descriptor.bin"));

/// A `SummarizeStream` request is a `Summarize` request: the two messages have the same fields
/// with the same numbers. Every field is named on both sides (no `..`), so a field added to one
/// message and not the other fails to compile here.
impl From<v1::SummarizeStreamRequest> for v1::SummarizeRequest {
    fn from(request: v1::SummarizeStreamRequest) -> Self {
        let v1::SummarizeStreamRequest {
            document,
            length,
            order,
            offset_unit,
            query,
        } = request;
        v1::SummarizeRequest {
            document,
            length,
            order,
            offset_unit,
            query,
        }
    }
}
