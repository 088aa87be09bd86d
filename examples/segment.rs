//! Prints the sentence spans brief's segmenter finds, for the segmentation harness in
//! `scripts/segeval/`.
//!
//! Reads JSON lines from standard input, each a JSON string (a text to split), and writes one
//! line per input: a JSON array of `[start, end]` byte offsets of its sentences.
//!
//! ```sh
//! echo '"Mr. Smith left. He was tired."' | cargo run --release --example segment
//! # [[0,15],[16,29]]
//! ```

use std::io::{BufRead, Write};

use brief_core::text::segment;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let text: String = serde_json::from_str(&line?)?;
        let spans: Vec<[usize; 2]> = segment::sentences(&text)
            .iter()
            .map(|s| [s.start, s.end])
            .collect();
        writeln!(out, "{}", serde_json::to_string(&spans)?)?;
    }
    out.flush()?;
    Ok(())
}
