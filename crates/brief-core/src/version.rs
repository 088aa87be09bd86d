//! The algorithm version reported with every brief: the same version gives the same briefs.
//!
//! It is derived from what determines the output: the core's version (raised whenever a change
//! of code alters briefs; the root crate's `tests/algorithm_version.rs` fails when output
//! changes while it does not), the default ranking weights, and the shipped lexicon data, each of
//! the last two by a 32-bit FNV-1a hash, so that a change of either changes the version by
//! itself: `brief-extractive-0.3.0+w1a2b3c4d.l5e6f7a8b`.

use std::sync::OnceLock;

use crate::rank::features::Weights;
use crate::text::lexicon;

/// The algorithm version (see the module docs).
pub fn algorithm_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        format!(
            "brief-extractive-{}+w{:08x}.l{:08x}",
            env!("CARGO_PKG_VERSION"),
            fnv1a(&Weights::default().to_bytes()),
            fnv1a(lexicon::data().as_bytes()),
        )
    })
}

/// The 32-bit FNV-1a hash of `bytes`: stable across platforms and Rust releases, unlike std's
/// `DefaultHasher`.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_names_the_core_the_weights_and_the_lexicon() {
        let v = algorithm_version();
        assert!(
            v.starts_with(concat!(
                "brief-extractive-",
                env!("CARGO_PKG_VERSION"),
                "+w"
            )),
            "{v}"
        );
        assert_eq!(
            v.len(),
            "brief-extractive-".len() + env!("CARGO_PKG_VERSION").len() + 20
        );
        // FNV-1a's published test vectors.
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn other_weights_hash_differently() {
        let mut w = Weights::default();
        let default = fnv1a(&w.to_bytes());
        w.position += 0.001;
        assert_ne!(fnv1a(&w.to_bytes()), default);
    }
}
