//! Compiles `proto/` with protox (a pure-Rust protobuf compiler, so no system `protoc` is needed),
//! generates the prost messages and tonic service code, and writes the encoded file descriptor set
//! that server reflection and the JSON mapping read at run time.

use std::{env, fs, path::PathBuf};

use protox::prost::Message as _;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let proto = "proto/brief/v1/brief.proto";
    println!("cargo:rerun-if-changed=proto");

    let fds = protox::Compiler::new(["proto"])?
        .include_source_info(true)
        .include_imports(true)
        .open_file(proto)?
        .file_descriptor_set();

    let out_dir = PathBuf::from(env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    fs::write(out_dir.join("brief_descriptor.bin"), fds.encode_to_vec())?;

    tonic_prost_build::configure()
        // Requests that do not decode are INVALID_ARGUMENT, not INTERNAL (see src/service/codec.rs).
        .codec_path("crate::service::codec::BriefCodec")
        .compile_fds(fds)?;
    Ok(())
}
