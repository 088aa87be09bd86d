# syntax=docker/dockerfile:1
# brief: a small, non-root image of the gRPC server.
#   docker build -t brief:0.1.0 .      (the tag is Cargo.toml's version, as deploy/kubernetes names it)
#   docker run --rm -p 50051:50051 brief:0.1.0

FROM rust:1-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY proto proto
COPY crates crates
COPY src src
# Cargo.toml declares the benches; their sources must exist for the manifest to load.
COPY benches benches
RUN cargo build --release --locked --bin brief

# Distroless: glibc and CA certificates, no shell, runs as uid 65532.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/brief /usr/local/bin/brief
EXPOSE 50051
USER nonroot
ENV BRIEF_LISTEN=0.0.0.0:50051 \
    BRIEF_LOG_FORMAT=json
HEALTHCHECK --interval=10s --timeout=4s --start-period=5s --retries=3 \
    CMD ["/usr/local/bin/brief", "health", "--addr", "http://127.0.0.1:50051"]
ENTRYPOINT ["/usr/local/bin/brief"]
CMD ["serve"]
