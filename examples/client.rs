//! A small Rust client of brief: summarizes a plain-text file (or standard input) through a
//! running server, then lists the article's keyphrases.
//!
//! ```sh
//! cargo run --release &                                            # the server
//! cargo run --example client -- tests/data/seed_article.txt        # this client
//! BRIEF_ADDR=http://10.0.0.5:50051 cargo run --example client -- examples/article.txt
//! ```

use std::io::Read;

use brief::proto::v1 as pb;
use brief::proto::v1::summarizer_client::SummarizerClient;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = std::env::var("BRIEF_ADDR").unwrap_or_else(|_| "http://127.0.0.1:50051".to_owned());
    let content = match std::env::args().nth(1).filter(|a| a != "-") {
        Some(path) => std::fs::read_to_string(path)?,
        None => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text)?;
            text
        }
    };
    let mut client = SummarizerClient::connect(addr).await?;
    let document = pb::Document {
        content,
        ..Default::default()
    };

    let brief = client
        .summarize(pb::SummarizeRequest {
            document: Some(document.clone()),
            length: Some(pb::Length {
                max_sentences: 3,
                ..Default::default()
            }),
            ..Default::default()
        })
        .await?
        .into_inner();
    if !brief.title.is_empty() {
        println!("# {}\n", brief.title);
    }
    for s in &brief.sentences {
        println!("- {} (sentence {}, score {:.2})", s.text, s.index, s.score);
    }

    let analysis = client
        .extract(pb::ExtractRequest {
            document: Some(document),
            max_keywords: 8,
            ..Default::default()
        })
        .await?
        .into_inner();
    let keywords: Vec<String> = analysis
        .keywords
        .iter()
        .map(|k| format!("{} ({})", k.text, k.count))
        .collect();
    println!("\nkeywords: {}", keywords.join(", "));
    Ok(())
}
