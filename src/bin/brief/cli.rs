//! The offline commands `brief summarize` and `brief extract`: the same requests as the gRPC
//! service, answered through the same code path ([`brief::service::api`]), from a file or standard input.
//!
//! With `--jsonl` each input line is a request in protobuf's canonical JSON mapping and each output
//! line the response in the same mapping (lowerCamelCase names, defaults omitted, as grpcurl prints
//! them). A bad line is reported on standard error with its line number and the others go on.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor};

use crate::config::{DocumentArgs, EvalArgs, ExtractArgs, LengthArgs, OrderArg, SummarizeArgs};
use crate::eval::keyphrases;
use crate::eval::run::{self as eval, EvalError, EvalOptions};
use brief::proto::FILE_DESCRIPTOR_SET;
use brief::proto::v1 as pb;
use brief::service::api::{self, RequestError};
use brief_core::rank::features::Weights;

/// What can make an offline command fail.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The input could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The input's path (`-` for standard input).
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The input is not UTF-8 text.
    #[error("{path} is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// The input's path.
        path: PathBuf,
        /// The offset of the first invalid byte.
        offset: usize,
    },
    /// An output file could not be created.
    #[error("cannot create {path}: {source}")]
    Create {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The output could not be written.
    #[error("cannot write the output: {0}")]
    Write(#[source] io::Error),
    /// The request was refused.
    #[error("{0}")]
    Request(#[from] RequestError),
    /// A data set could not be read.
    #[error(transparent)]
    Eval(#[from] EvalError),
    /// A weight setting of a grid is invalid.
    #[error("invalid weights in the grid: {0}")]
    Grid(String),
    /// The embedded descriptors are unusable (a build problem, not the user's).
    #[error("embedded protobuf descriptors are invalid: {0}")]
    Descriptors(String),
    /// Some JSON lines failed; each was reported on standard error.
    #[error("{failed} of {total} lines failed")]
    Lines {
        /// Lines that failed.
        failed: usize,
        /// Lines read (blank lines not counted).
        total: usize,
    },
}

/// Runs `brief summarize`.
pub fn summarize(args: &SummarizeArgs, weights: &Weights) -> Result<(), CliError> {
    if args.jsonl {
        return json_lines::<pb::SummarizeRequest, pb::SummarizeResponse>(
            &args.input,
            "SummarizeRequest",
            "SummarizeResponse",
            |r| api::summarize(r, weights),
        );
    }
    let req = pb::SummarizeRequest {
        document: Some(document(&args.input, &args.document)?),
        length: Some(length(args.length)),
        order: order(args.order) as i32,
        query: args.query.clone(),
        ..Default::default()
    };
    let resp = api::summarize(&req, weights)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for s in &resp.sentences {
        writeln!(out, "{}", s.text).map_err(CliError::Write)?;
    }
    out.flush().map_err(CliError::Write)
}

/// Runs `brief extract`.
pub fn extract(args: &ExtractArgs, weights: &Weights) -> Result<(), CliError> {
    if args.jsonl {
        return json_lines::<pb::ExtractRequest, pb::ExtractResponse>(
            &args.input,
            "ExtractRequest",
            "ExtractResponse",
            |r| api::extract(r, weights),
        );
    }
    let req = pb::ExtractRequest {
        document: Some(document(&args.input, &args.document)?),
        max_keywords: args.max_keywords,
        query: args.query.clone(),
        ..Default::default()
    };
    let resp = api::extract(&req, weights)?;
    let mut out = BufWriter::new(io::stdout().lock());
    write_analysis(&mut out, &resp).map_err(CliError::Write)?;
    out.flush().map_err(CliError::Write)
}

/// With several data sets, brief's mean and worst difference from Lead-3 over them.
fn print_over_sets(differences: &[[f64; 3]]) {
    if differences.len() > 1 {
        let n = differences.len() as f64;
        let mean = |m: usize| differences.iter().map(|d| d[m]).sum::<f64>() / n;
        let worst = |m: usize| {
            differences
                .iter()
                .map(|d| d[m])
                .fold(f64::INFINITY, f64::min)
        };
        println!(
            "== over {} sets, brief - lead-3: mean R1 {:+.2} R2 {:+.2} RLsum {:+.2}; worst set R1 {:+.2} R2 {:+.2} RLsum {:+.2}",
            differences.len(),
            mean(0),
            mean(1),
            mean(2),
            worst(0),
            worst(1),
            worst(2)
        );
    }
}

/// Runs `brief eval`: one report per data file, or one line per weight setting with `--grid`.
pub fn eval(args: &EvalArgs) -> Result<(), CliError> {
    if args.keywords {
        return eval_keywords(args);
    }
    let mut data = Vec::with_capacity(args.data.len());
    for path in &args.data {
        let mut examples = eval::read_examples(path)?;
        if let Some(n) = args.limit {
            examples.truncate(n);
        }
        data.push((path, examples));
    }
    let options = |weights| EvalOptions {
        length: length(args.length),
        order: order(args.order),
        weights,
    };
    let Some(grid) = &args.grid else {
        let mut differences = Vec::with_capacity(data.len());
        let mut predictions = predictions_file(args)?;
        for (path, examples) in &data {
            let report = eval::evaluate(examples, &options(args.weights));
            println!("== {}\n{report}", path.display());
            differences.push(report.difference.map(|d| d.mean));
            if let Some(out) = &mut predictions {
                for (ex, summary) in examples.iter().zip(&report.summaries) {
                    let line = serde_json::json!({"id": ex.id, "summary": summary});
                    writeln!(out, "{line}").map_err(CliError::Write)?;
                }
            }
        }
        if let Some(mut out) = predictions {
            out.flush().map_err(CliError::Write)?;
        }
        print_over_sets(&differences);
        return Ok(());
    };
    let specs = std::fs::read_to_string(grid).map_err(|source| CliError::Read {
        path: grid.clone(),
        source,
    })?;
    let leads: Vec<_> = data
        .iter()
        .map(|(_, examples)| eval::lead3_scores(examples))
        .collect();
    for spec in specs
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let weights = spec
            .parse()
            .map_err(|e| CliError::Grid(format!("{spec:?}: {e}")))?;
        let mut line = String::new();
        for ((_, examples), lead3) in data.iter().zip(&leads) {
            let g = eval::grid_scores(examples, &options(weights), lead3);
            let r = g.brief;
            line.push_str(&format!(
                "{:.2} {:.2} {:.2} {:.1} {:.3} {:.4} | ",
                r.rouge1, r.rouge2, r.rouge_lsum, r.words, g.margin_se, g.departure
            ));
        }
        println!("{line}{spec}");
    }
    Ok(())
}

/// The file `--predictions` names, created, or `None`.
fn predictions_file(args: &EvalArgs) -> Result<Option<BufWriter<std::fs::File>>, CliError> {
    args.predictions
        .as_ref()
        .map(|path| {
            std::fs::File::create(path)
                .map(BufWriter::new)
                .map_err(|source| CliError::Create {
                    path: path.clone(),
                    source,
                })
        })
        .transpose()
}

/// Runs `brief eval --keywords`: one report per keyphrase file, and the predictions when asked.
fn eval_keywords(args: &EvalArgs) -> Result<(), CliError> {
    let mut predictions = predictions_file(args)?;
    for path in &args.data {
        let mut documents = keyphrases::read_documents(path)?;
        if let Some(n) = args.limit {
            documents.truncate(n);
        }
        let report = keyphrases::evaluate(&documents, &args.weights);
        println!("== {}\n{report}", path.display());
        if let Some(out) = &mut predictions {
            for (doc, predicted) in documents.iter().zip(&report.predictions) {
                let line = serde_json::json!({"id": doc.id, "keyphrases": predicted});
                writeln!(out, "{line}").map_err(CliError::Write)?;
            }
        }
    }
    if let Some(mut out) = predictions {
        out.flush().map_err(CliError::Write)?;
    }
    Ok(())
}

/// Writes an analysis for a person: the title, a line per sentence, then the keywords.
fn write_analysis(out: &mut impl Write, resp: &pb::ExtractResponse) -> io::Result<()> {
    if !resp.title.is_empty() {
        writeln!(out, "title: {}", resp.title)?;
    }
    writeln!(out, "{:>5} {:>5} {:>7}  sentence", "index", "rank", "score")?;
    for s in &resp.sentences {
        let rank = s.rank.map_or_else(|| "-".to_owned(), |r| r.to_string());
        let note = match pb::Exclusion::try_from(s.exclusion) {
            Ok(pb::Exclusion::Unspecified) | Err(_) => String::new(),
            Ok(e) => format!("[{}] ", e.as_str_name()),
        };
        writeln!(
            out,
            "{:>5} {:>5} {:>7.3}  {note}{}",
            s.index, rank, s.score, s.text
        )?;
    }
    writeln!(out, "keywords:")?;
    for k in &resp.keywords {
        writeln!(out, "  {:<24} {:.3} ×{}", k.text, k.weight, k.count)?;
    }
    Ok(())
}

/// Answers one JSON request per line of `input`; see the module docs.
fn json_lines<Req, Resp>(
    input: &Path,
    request_name: &str,
    response_name: &str,
    answer: impl Fn(&Req) -> Result<Resp, RequestError>,
) -> Result<(), CliError>
where
    Req: prost::Message + Default,
    Resp: prost::Message,
{
    let pool = DescriptorPool::decode(FILE_DESCRIPTOR_SET)
        .map_err(|e| CliError::Descriptors(e.to_string()))?;
    let descriptor = |name: &str| {
        pool.get_message_by_name(&format!("brief.v1.{name}"))
            .ok_or_else(|| CliError::Descriptors(format!("brief.v1.{name} is missing")))
    };
    let (req_desc, resp_desc) = (descriptor(request_name)?, descriptor(response_name)?);

    let reader = open(input)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let (mut total, mut failed) = (0, 0);
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| CliError::Read {
            path: input.to_owned(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        total += 1;
        let result = from_json::<Req>(&req_desc, &line)
            .and_then(|req| answer(&req).map_err(|e| e.to_string()))
            .and_then(|resp| to_json(&resp_desc, &resp));
        match result {
            Ok(json) => writeln!(out, "{json}").map_err(CliError::Write)?,
            Err(e) => {
                failed += 1;
                out.flush().map_err(CliError::Write)?;
                eprintln!("line {}: {e}", n + 1);
            }
        }
    }
    out.flush().map_err(CliError::Write)?;
    if failed > 0 {
        Err(CliError::Lines { failed, total })
    } else {
        Ok(())
    }
}

/// Parses a message from protobuf's canonical JSON mapping.
fn from_json<T: prost::Message + Default>(
    desc: &MessageDescriptor,
    line: &str,
) -> Result<T, String> {
    let mut de = serde_json::Deserializer::from_str(line);
    let message = DynamicMessage::deserialize(desc.clone(), &mut de)
        .map_err(|e| format!("invalid JSON request: {e}"))?;
    de.end().map_err(|e| format!("invalid JSON request: {e}"))?;
    message
        .transcode_to::<T>()
        .map_err(|e| format!("invalid request: {e}"))
}

/// Writes a message in protobuf's canonical JSON mapping.
fn to_json<T: prost::Message>(desc: &MessageDescriptor, message: &T) -> Result<String, String> {
    let dynamic = DynamicMessage::decode(desc.clone(), message.encode_to_vec().as_slice())
        .map_err(|e| e.to_string())?;
    serde_json::to_string(&dynamic).map_err(|e| e.to_string())
}

/// Opens a file, or standard input for `-`.
fn open(path: &Path) -> Result<Box<dyn BufRead>, CliError> {
    if path == Path::new("-") {
        return Ok(Box::new(BufReader::new(io::stdin())));
    }
    let file = File::open(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })?;
    Ok(Box::new(BufReader::new(file)))
}

/// Reads a whole input as UTF-8 text.
fn read_text(path: &Path) -> Result<String, CliError> {
    String::from_utf8(read_bytes(path)?).map_err(|e| CliError::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads a file, or standard input for `-`.
fn read_bytes(path: &Path) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::new();
    open(path)?
        .read_to_end(&mut bytes)
        .map_err(|source| CliError::Read {
            path: path.to_owned(),
            source,
        })?;
    Ok(bytes)
}

/// The document of `brief summarize` or `brief extract`: a plain-text file, or an HTML page sent
/// as undecoded bytes so that the server-side charset rules apply.
fn document(path: &Path, args: &DocumentArgs) -> Result<pb::Document, CliError> {
    let mut doc = pb::Document {
        title: args.title.clone(),
        language: args.language.clone(),
        ..Default::default()
    };
    if args.html {
        doc.format = pb::Format::Html as i32;
        doc.raw = read_bytes(path)?;
    } else {
        doc.content = read_text(path)?;
    }
    Ok(doc)
}

/// The length flags as the contract's `Length` (0 for unset).
fn length(a: LengthArgs) -> pb::Length {
    pb::Length {
        max_sentences: a.max_sentences.unwrap_or(0),
        ratio: a.ratio.unwrap_or(0.0),
        max_words: a.max_words.unwrap_or(0),
        max_chars: a.max_chars.unwrap_or(0),
    }
}

/// The order flag as the contract's enum.
fn order(a: OrderArg) -> pb::Order {
    match a {
        OrderArg::Reading => pb::Order::Reading,
        OrderArg::Rank => pb::Order::Rank,
    }
}
