//! The background inverse document frequency of English stems, shipped inside the binary.
//!
//! `data/idf_en.tsv` is built offline by `scripts/build_idf.py` from the `wordfreq` package's
//! English word-frequency list (data CC-BY-SA 4.0): a stem's rarity in general English, scaled to
//! 0..255. It is parsed once, on first use, into a hash map.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The table as shipped: a comment line, then `stem<TAB>idf` lines with idf in 0..=255.
const TABLE_TSV: &str = include_str!("../../data/idf_en.tsv");

/// The parsed table.
static TABLE: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    TABLE_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (stem, idf) = l.split_once('\t')?;
            Some((stem, idf.parse().ok()?))
        })
        .collect()
});

/// The background idf of `stem` in [0, 1]: 0 for the most common stem, 1 for stems rarer than
/// every listed one (including every stem not in the table).
pub fn idf(stem: &str) -> f64 {
    TABLE.get(stem).map_or(1.0, |&v| f64::from(v) / 255.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_loaded_and_ordered_by_rarity() {
        assert!(TABLE.len() > 30_000, "{}", TABLE.len());
        assert_eq!(idf("the"), 0.0);
        assert!(idf("said") < idf("border"));
        assert!(idf("border") < idf("kumgang"));
        assert_eq!(idf("zzqxj"), 1.0);
    }
}
