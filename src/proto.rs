//! The generated protobuf types and gRPC stubs of `brief.v1`, and the encoded file descriptor set.

/// Messages, enums, client and server of package `brief.v1`.
#[allow(clippy::all, missing_docs)]
pub mod v1 {
    tonic::include_proto!("brief.v1");
}

/// The encoded `FileDescriptorSet` of `proto/`, for server reflection and the JSON mapping.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/brief_descriptor.bin"));
