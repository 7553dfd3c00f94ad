//! Prints the fact units brief finds in each sentence of the given files or
//! directories: one line per sentence that divides, then its facts.
//!
//! ```text
//! cargo run --release --example fact_units -- corpus/
//! cargo run --release --example fact_units -- --all corpus/   # every sentence
//! ```

use brief::facts::{Rules, Split, Splitter};
use brief::load::{load_paths, InputFormat};
use brief::pipeline::{sentence_texts, Config, Pipeline};

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let all = args.iter().any(|a| a == "--all");
    args.retain(|a| a != "--all");
    let rules = match std::env::var("BRIEF_FACT_RULES") {
        Ok(list) => Rules::parse(&list).map_err(anyhow::Error::msg)?,
        Err(_) => Rules::ALL,
    };
    let paths: Vec<std::path::PathBuf> = args.iter().map(Into::into).collect();
    let loaded = load_paths(&paths, InputFormat::Text);
    let pipeline = Pipeline::new(Config::default())?;
    let units = pipeline.segment(&loaded.documents);
    let splitter = Splitter::new(brief::Language::English, rules);
    let (mut sentences, mut divided, mut facts) = (0, 0, 0);
    for (source, text) in sentence_texts(&loaded.documents, &units) {
        sentences += 1;
        match splitter.split(text) {
            Split::Whole => {
                facts += 1;
                if all {
                    println!("= {text}");
                }
            }
            Split::Parts(spans) => {
                divided += 1;
                facts += spans.len();
                println!(
                    "{} #{}: {text}",
                    loaded.documents[source.document as usize].id, source.unit
                );
                for (start, end) in spans {
                    println!("    - {}", &text[start..end]);
                }
            }
        }
    }
    eprintln!("{sentences} sentences, {divided} divided, {facts} fact units");
    Ok(())
}
