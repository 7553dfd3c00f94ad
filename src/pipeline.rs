//! Wires the stages together: documents in, summary / dedup report out.
//!
//! [`Pipeline::prepare`] runs the shared stages (segment, analyze,
//! vectorize, cluster); [`Pipeline::summarize`] and [`Pipeline::dedup`]
//! work on the result, so a caller that wants both pays for them once.

use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::analyze::{Analysis, Analyzer, SentenceSource};
use crate::cite::{cite, cite_facts, Citation, SentenceRef, SummarySentence};
use crate::cluster::{self, Clusters, NearDuplicates};
use crate::concepts;
use crate::dateline::lead_in_length;
use crate::disagree::{self, Detector};
use crate::error::{Error, Result};
use crate::facts::{self, FactUnits, Facts, SemanticFacts, Splitter};
use crate::filter;
use crate::lang::Language;
use crate::layout::Layout;
use crate::load::Document;
use crate::query;
use crate::rank::{self, RankConfig};
use crate::score::{self, Algorithm, BriefWeights};
use crate::segment::{Segmenter, Unit, UnitKind};
use crate::select::{self, Budget, Candidate, Coverage, Order, Redundancy, Selection};
use crate::similarity::{Measure, SentenceVectors, Similarity, StaticModel};
use crate::tfidf::{Rows, TfIdfMatrix};

/// With a query, every cluster keeps this much weight in the
/// query-biased centrality walk however irrelevant its sentence, so the
/// walk stays connected and central facts still count.
const QUERY_WALK_FLOOR: f64 = 0.1;

/// A date stamp is looked for among a document's first this many units
/// past its boilerplate and bylines: a page's title, menu, stamp and
/// dateline come before its first paragraphs.
const STAMP_UNITS: usize = 6;

/// Everything that shapes a run; validated once by [`Pipeline::new`].
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Language of the input.
    pub language: Language,
    /// How sentences are compared (falls back to lexical for languages
    /// other than English: see [`Config::measure`]).
    pub similarity: Measure,
    /// Similarity at or above which two sentences are near-duplicates.
    pub threshold: f32,
    /// How summary sentences are chosen.
    pub algorithm: Algorithm,
    /// The weights of [`Algorithm::Brief`].
    pub brief: BriefWeights,
    /// Centrality ranking settings.
    pub rank: RankConfig,
    /// Summary length.
    pub budget: Budget,
    /// How the summary is written, which is what a length budget counts
    /// (see [`crate::layout`]); the CLI sets it from the output format.
    pub layout: Layout,
    /// Summary order.
    pub order: Order,
    /// Sentences shorter than this many words are not summary candidates
    /// (they still cluster and get cited).
    pub min_words: u32,
    /// A question the summary should answer (query-focused summary); only
    /// [`Algorithm::Brief`] takes one.
    pub query: Option<String>,
    /// How sentences divide into fact units ([`facts::Rules::NONE`]: every
    /// sentence is one fact, as before the fact layer).
    pub facts: facts::Rules,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: Language::English,
            similarity: Measure::default(),
            threshold: Measure::default().default_threshold(),
            algorithm: Algorithm::default(),
            brief: BriefWeights::default(),
            rank: RankConfig::default(),
            budget: Budget::default(),
            layout: Layout::JSON,
            order: Order::default(),
            min_words: 6,
            query: None,
            facts: facts::Rules::default(),
        }
    }
}

impl Config {
    /// The similarity measure in force: the configured one for English,
    /// lexical for other languages.
    pub fn measure(&self) -> Measure {
        self.similarity.effective(self.language)
    }

    /// Checks every value, naming the option at fault.
    pub fn validate(&self) -> Result<()> {
        let bad = |option, message: String| Err(Error::Config { option, message });
        if !(self.threshold > 0.0 && self.threshold <= 1.0) {
            return bad(
                "--threshold",
                format!("{} is not in (0, 1]", self.threshold),
            );
        }
        if !(self.rank.threshold >= 0.0 && self.rank.threshold < 1.0) {
            return bad(
                "--rank-threshold",
                format!("{} is not in [0, 1)", self.rank.threshold),
            );
        }
        if !(self.rank.damping > 0.0 && self.rank.damping < 1.0) {
            return bad(
                "--damping",
                format!("{} is not in (0, 1)", self.rank.damping),
            );
        }
        if let Some(query) = &self.query {
            if query.trim().is_empty() {
                return bad("--query", "is empty".to_string());
            }
            if self.algorithm != Algorithm::Brief {
                return bad(
                    "--query",
                    format!(
                        "only --algorithm brief answers a query, not {}",
                        self.algorithm.name()
                    ),
                );
            }
        }
        if self.rank.max_neighbors == 0 {
            return bad("--max-neighbors", "must be at least 1".to_string());
        }
        match self.budget {
            Budget::Sentences(0) => bad("--sentences", "must be at least 1".to_string()),
            Budget::Words(0) => bad("--words", "must be at least 1".to_string()),
            Budget::Chars(0) => bad("--chars", "must be at least 1".to_string()),
            Budget::Bytes(0) => bad("--bytes", "must be at least 1".to_string()),
            _ => Ok(()),
        }
    }
}

/// Wall time spent in each stage of one run.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timings {
    /// Sentence segmentation.
    pub segment: Duration,
    /// Tokenizing, normalizing, stemming.
    pub analyze: Duration,
    /// TF-IDF vectors.
    pub vectorize: Duration,
    /// Near-duplicate pairs and clusters.
    pub cluster: Duration,
    /// Fact units: splitting sentences, matching the parts.
    pub facts: Duration,
    /// Disagreements within clusters.
    pub disagree: Duration,
    /// Sentence scores: similarity graph and LexRank, centroid, concepts.
    pub rank: Duration,
    /// Selection and citations.
    pub select: Duration,
}

/// The shared stages' output for one set of documents.
#[derive(Debug)]
pub struct Prepared {
    /// The input documents, in input order.
    pub documents: Vec<Document>,
    /// Every document's units.
    pub units: Vec<Vec<Unit>>,
    /// Analyzed real sentences (headings, bylines and boilerplate excluded).
    pub analysis: Analysis,
    /// One TF-IDF row per analyzed sentence.
    pub matrix: TfIdfMatrix,
    /// One semantic vector per analyzed sentence, unless the measure is
    /// lexical.
    pub vectors: Option<SentenceVectors>,
    /// The similarity measure in force.
    pub measure: Measure,
    /// The near-duplicate relation at the threshold.
    pub relation: NearDuplicates,
    /// Near-duplicate clusters.
    pub clusters: Clusters,
    /// Each cluster's representative sentence.
    pub representatives: Vec<u32>,
    /// Each cluster's number of distinct documents.
    pub support: Vec<u32>,
    /// Fact units below the sentence and their clusters.
    pub facts: Facts,
    /// Values that the sources of one cluster give differently.
    pub disagreements: disagree::ByCluster,
    /// Stage times so far.
    pub timings: Timings,
}

impl Prepared {
    /// The similarity of the analyzed sentences, by index.
    pub fn similarity(&self) -> Similarity<'_> {
        Similarity::new(&self.matrix, self.vectors.as_ref(), self.measure)
    }

    /// Locates sentence `i` (an index into the analysis).
    pub fn sentence_ref(&self, i: u32) -> SentenceRef {
        let SentenceSource { document, unit } = self.analysis.sentences[i as usize].source;
        let u = self.units[document as usize][unit as usize];
        SentenceRef {
            document,
            unit,
            start: u.start,
            end: u.end,
        }
    }

    /// Locates fact unit `fact`: its sentence's unit, its own byte range.
    pub fn fact_ref(&self, fact: facts::FactId) -> SentenceRef {
        let units = &self.facts.units;
        let sentence = self.sentence_ref(units.sentence_of(fact));
        let (start, end) = units.span(fact, sentence.end - sentence.start);
        SentenceRef {
            start: sentence.start + start,
            end: sentence.start + end,
            ..sentence
        }
    }

    /// The original text of a located sentence.
    pub fn text(&self, r: &SentenceRef) -> &str {
        &self.documents[r.document as usize].text[r.start..r.end]
    }
}

/// A summary with its citations.
#[derive(Clone, Debug)]
pub struct Summary {
    /// Sentences in the requested order.
    pub sentences: Vec<SummarySentence>,
    /// Stage times, the summary's own stages included.
    pub timings: Timings,
}

/// Clusters stated by more documents than this are not counted in
/// document pairs (see [`Pipeline::dedup`]).
pub const MAX_PAIR_SUPPORT: usize = 100;

/// A pair of documents sharing near-duplicate sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentPair {
    /// The earlier document (input index).
    pub a: u32,
    /// The later document.
    pub b: u32,
    /// Clusters with members in both.
    pub shared: u32,
    /// `shared` over the smaller document's number of distinct clusters.
    pub overlap: f64,
}

/// The near-duplicate report.
#[derive(Clone, Debug)]
pub struct Dedup {
    /// Clusters with two or more members: largest first, then by first
    /// member. Each is a list of citations, representative similarity 1.
    pub clusters: Vec<SummarySentence>,
    /// Fact clusters of two or more fact units, in the same form and order;
    /// each citation's range is its fact unit's.
    pub fact_clusters: Vec<SummarySentence>,
    /// Document pairs by overlap (descending), then by index.
    pub document_pairs: Vec<DocumentPair>,
}

/// A configured pipeline.
pub struct Pipeline {
    config: Config,
    segmenter: Segmenter,
    splitter: Splitter,
    analyzer: Analyzer,
    detector: Detector,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Pipeline {
    /// Validates `config` and builds the stages.
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        Ok(Pipeline {
            segmenter: Segmenter::new(config.language),
            splitter: Splitter::new(config.language, config.facts),
            analyzer: Analyzer::new(config.language),
            detector: Detector::new(config.language),
            config,
        })
    }

    /// The configuration in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Segments every document, in parallel.
    pub fn segment(&self, documents: &[Document]) -> Vec<Vec<Unit>> {
        documents
            .par_iter()
            .map(|doc| self.segmenter.segment(&doc.text, doc.body_start))
            .collect()
    }

    /// Gives a document without a date the day of a date stamp among its
    /// first `STAMP_UNITS` units (a heading such as `Updated 3:42 PM EST,
    /// November 24, 2026`, on a line of its own or cut off the first
    /// sentence): the date a reader of the pasted page sees, for `--order
    /// date` and the source list. Part of [`Pipeline::prepare`]; `brief
    /// segment` calls it after [`Pipeline::segment`].
    pub fn date_from_stamps(&self, documents: &mut [Document], units: &[Vec<Unit>]) {
        for (doc, units) in documents.iter_mut().zip(units) {
            if doc.date.is_some() {
                continue;
            }
            // Page furniture before the stamp (a cookie banner, the
            // byline) does not count.
            doc.date = units
                .iter()
                .filter(|unit| !matches!(unit.kind, UnitKind::Boilerplate | UnitKind::Byline))
                .take(STAMP_UNITS)
                .filter(|unit| unit.kind == UnitKind::Heading)
                .find_map(|unit| self.segmenter.stamp_date(&doc.text[unit.start..unit.end]));
        }
    }

    /// Runs the shared stages. Fails only when there is nothing to work on.
    pub fn prepare(&self, mut documents: Vec<Document>) -> Result<Prepared> {
        if documents.is_empty() {
            return Err(Error::NoDocuments { problems: 0 });
        }
        let mut timings = Timings::default();
        let clock = Instant::now();
        let units = self.segment(&documents);
        self.date_from_stamps(&mut documents, &units);
        timings.segment = clock.elapsed();

        let clock = Instant::now();
        let sentences = sentence_texts(&documents, &units);
        let fact_units = FactUnits::split(&self.splitter, &sentences);
        timings.facts = clock.elapsed();

        // The parts' terms come from the same pass as their sentences'.
        let clock = Instant::now();
        let mut analysis = self
            .analyzer
            .analyze_with_spans(&sentences, &fact_units.parts);
        let parts = std::mem::take(&mut analysis.spans);
        timings.analyze = clock.elapsed();

        let clock = Instant::now();
        let matrix = TfIdfMatrix::build(&analysis);
        let measure = self.config.measure();
        let vectors = measure.uses_vectors().then(|| {
            let texts: Vec<&str> = sentences.iter().map(|&(_, text)| text).collect();
            SentenceVectors::embed(StaticModel::builtin(), &texts, true)
        });
        // The parts' texts, embedded by the fact stage when the measure
        // uses meaning.
        let part_texts: Vec<&str> = if vectors.is_some() {
            fact_units
                .parts
                .iter()
                .map(|p| &sentences[p.sentence as usize].1[p.start as usize..p.end as usize])
                .collect()
        } else {
            Vec::new()
        };
        drop(sentences);
        timings.vectorize = clock.elapsed();

        let clock = Instant::now();
        let similarity = Similarity::new(&matrix, vectors.as_ref(), measure);
        let eligible = vec![true; matrix.len()];
        let relation = cluster::near_duplicates(
            &similarity,
            self.config.threshold,
            &eligible,
            cluster::scan_limit(matrix.len()),
        );
        let clusters =
            cluster::cluster(matrix.len(), &relation, &similarity, self.config.threshold);
        let representatives = cluster::representatives(&clusters, &similarity);
        let support: Vec<u32> = clusters
            .members
            .iter()
            .map(|members| {
                let mut docs: Vec<u32> = members
                    .iter()
                    .map(|&m| analysis.sentences[m as usize].source.document)
                    .collect();
                docs.dedup(); // members are in input order, so documents are sorted
                docs.len() as u32
            })
            .collect();
        timings.cluster = clock.elapsed();

        let clock = Instant::now();
        // With the TF-IDF measure, the sentence clusters are the fact
        // clusters of whole sentences (same relation, same cosine).
        let lexical_clusters = (measure == Measure::Lexical).then_some(&clusters);
        let facts = Facts::build(
            fact_units,
            &parts,
            &analysis,
            &matrix,
            &relation,
            lexical_clusters,
            self.config.threshold,
            vectors.as_ref().map(|sentences| SemanticFacts {
                sentences,
                measure,
                part_texts,
            }),
        );
        drop(parts);
        timings.facts += clock.elapsed();

        let clock = Instant::now();
        let disagreements = self.disagreements(&documents, &units, &analysis, &clusters, &matrix);
        timings.disagree = clock.elapsed();

        Ok(Prepared {
            documents,
            units,
            analysis,
            matrix,
            vectors,
            measure,
            relation,
            clusters,
            representatives,
            support,
            facts,
            disagreements,
            timings,
        })
    }

    /// The values that sources give differently, within each cluster and
    /// through value links between related sentences of different
    /// clusters (see [`crate::disagree`]).
    fn disagreements(
        &self,
        documents: &[Document],
        units: &[Vec<Unit>],
        analysis: &Analysis,
        clusters: &Clusters,
        matrix: &TfIdfMatrix,
    ) -> disagree::ByCluster {
        let sentences: Vec<disagree::Sentence> = analysis
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let SentenceSource { document, unit } = s.source;
                let u = units[document as usize][unit as usize];
                disagree::Sentence {
                    at: SentenceRef {
                        document,
                        unit,
                        start: u.start,
                        end: u.end,
                    },
                    text: &documents[document as usize].text[u.start..u.end],
                    cluster: clusters.of_sentence[i],
                }
            })
            .collect();
        let floor = self.detector.settings().link_similarity;
        let related = |a: u32, b: u32| matrix.cosine(a as usize, b as usize) >= floor;
        self.detector.detect(&sentences, &related)
    }

    /// The analyzer of the configured language.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// True when some word of `query` (past stop words and request words
    /// such as "describe") occurs in the documents; otherwise
    /// [`Pipeline::summarize_query`] writes the generic summary.
    pub fn query_matches(&self, prepared: &Prepared, query: &str) -> bool {
        !query::term_weights(&self.analyzer, &prepared.analysis, query, false).is_empty()
    }

    /// Why [`Pipeline::summarize`] chose nothing from input that has
    /// sentences: every sentence is shorter than `min_words`, or none fits
    /// the length budget as written (a cut sentence needs room for a word
    /// and the cut mark).
    pub fn why_empty(&self, prepared: &Prepared) -> String {
        let config = &self.config;
        let sentences = &prepared.analysis.sentences;
        if sentences.iter().any(|s| s.words >= config.min_words) {
            let (n, unit) = match config.budget {
                Budget::Sentences(n) => (n, "sentence"),
                Budget::Words(n) => (n, "word"),
                Budget::Bytes(n) => (n, "byte"),
                Budget::Chars(n) => (n, "character"),
            };
            let plural = if n == 1 { "" } else { "s" };
            return format!(
                "no sentence fits the length budget of {n} {unit}{plural} as written \
                 (with the mark after a cut sentence); a larger budget lets one in"
            );
        }
        let which = match sentences.len() {
            1 => "the only sentence is".to_string(),
            n => format!("all {n} sentences are"),
        };
        format!(
            "no sentence qualifies for the summary: {which} shorter than --min-words {} \
             (a lower --min-words lets shorter sentences in)",
            config.min_words
        )
    }

    /// Scores the clusters with the configured [`Algorithm`], selects
    /// within the budget (cutting the last sentence of a length budget, see
    /// [`crate::select`]), and cites. Answers the configured query, if any.
    ///
    /// A length budget holds for the summary as written ([`Config::layout`]):
    /// each candidate costs its written length plus one separator, and the
    /// selector gets one separator more than the budget, as the first
    /// sentence has none before it.
    pub fn summarize(&self, prepared: &Prepared) -> Summary {
        self.summarize_query(prepared, self.config.query.as_deref())
    }

    /// [`Pipeline::summarize`] with `query` in place of the configured one
    /// (batch topics each carry their own). The caller validates it (see
    /// [`Config::validate`]); a query is ignored by algorithms other than
    /// [`Algorithm::Brief`].
    pub fn summarize_query(&self, prepared: &Prepared, query: Option<&str>) -> Summary {
        let mut timings = prepared.timings;
        let clock = Instant::now();
        let config = &self.config;
        let layout = config.layout;
        let budget = with_separators(config.budget, layout);
        let separator = layout.separator_cost(config.budget);
        let analysis = &prepared.analysis;
        let eligible = |s: u32| analysis.sentences[s as usize].words >= config.min_words;
        let candidate = |cluster: usize, sentence: u32, score: f64| {
            let text = prepared.text(&prepared.sentence_ref(sentence));
            let skip = if config.brief.trim_datelines {
                lead_in_length(text)
            } else {
                0
            };
            let text = &text[skip..];
            Candidate {
                cluster: cluster as u32,
                sentence,
                skip: skip as u32,
                score,
                words: Budget::Words(0).measure(text) as u32,
                length: (layout.measure(budget, text) + separator) as u32,
            }
        };
        // Candidates speak for their cluster through its representative,
        // except in `lead`, where the lead sentence itself does.
        let representatives = || {
            prepared
                .representatives
                .iter()
                .enumerate()
                .filter(|(_, &s)| eligible(s))
        };
        let similarity = prepared.similarity();
        let lexrank = |weights: &[f64]| {
            let graph = rank::build_graph(&similarity, &prepared.representatives, &config.rank);
            rank::lexrank(&graph, weights, &config.rank)
        };
        enum Plan {
            ByScore(Vec<Candidate>),
            Coverage(Vec<Candidate>, concepts::Concepts),
        }
        let plan = match config.algorithm {
            Algorithm::Lead => {
                let mut seen = vec![false; prepared.clusters.len()];
                let mut candidates = Vec::new();
                for s in 0..analysis.sentences.len() as u32 {
                    let c = prepared.clusters.of_sentence[s as usize] as usize;
                    if eligible(s) && !seen[c] {
                        seen[c] = true;
                        candidates.push(candidate(c, s, -(candidates.len() as f64)));
                    }
                }
                Plan::ByScore(candidates)
            }
            Algorithm::Lexrank => {
                let scores = lexrank(&vec![1.0; prepared.representatives.len()]);
                Plan::ByScore(
                    representatives()
                        .map(|(c, &s)| candidate(c, s, scores[c]))
                        .collect(),
                )
            }
            Algorithm::Centroid => {
                let scores = score::centroid_scores(
                    analysis,
                    &prepared.matrix,
                    prepared.documents.len(),
                    &prepared.representatives,
                );
                Plan::ByScore(
                    representatives()
                        .map(|(c, &s)| candidate(c, s, scores[c]))
                        .collect(),
                )
            }
            Algorithm::Brief => {
                let weights = &config.brief;
                // A query none of whose words occurs in the documents
                // (only stop words, or words they never use) has nothing
                // to focus on: the summary is the generic one, and the
                // command line says so (`Pipeline::query_matches`).
                let relevance = query
                    .map(|q| query::relevance(&self.analyzer, analysis, q, weights.query_expansion))
                    .filter(|r| r.iter().any(|&x| x > 0.0));
                // Clusters stated by more documents weigh more in the walk;
                // with a query, so do clusters that answer it (a
                // query-biased LexRank, after Otterbacher et al. 2005).
                let walk: Vec<f64> = prepared
                    .representatives
                    .iter()
                    .zip(&prepared.support)
                    .map(|(&s, &support)| {
                        let support = if weights.support { support as f64 } else { 1.0 };
                        match &relevance {
                            Some(r) => support * (QUERY_WALK_FLOOR + r[s as usize]),
                            None => support,
                        }
                    })
                    .collect();
                let centrality = lexrank(&walk);
                let top = centrality.iter().copied().fold(0.0, f64::max);
                let top = if top > 0.0 { top } else { 1.0 };
                let centrality_weight = match relevance {
                    Some(_) => weights.query_centrality,
                    None => weights.centrality,
                };
                let positions =
                    score::cluster_positions(&prepared.clusters, &score::positions(analysis));
                let shown = |s: u32| {
                    let text = prepared.text(&prepared.sentence_ref(s));
                    if config.brief.trim_datelines {
                        &text[lead_in_length(text)..]
                    } else {
                        text
                    }
                };
                let worthy = |s: u32| filter::stands_alone(shown(s), weights.filters);
                // Every sentence is looked at (filters, datelines, lengths):
                // in parallel, in input order.
                let pick = |strict: bool| -> Vec<(usize, u32)> {
                    if weights.any_member {
                        (0..analysis.sentences.len() as u32)
                            .into_par_iter()
                            .filter(|&s| eligible(s) && (!strict || worthy(s)))
                            .map(|s| (prepared.clusters.of_sentence[s as usize] as usize, s))
                            .collect()
                    } else {
                        representatives()
                            .filter(|(_, &s)| !strict || worthy(s))
                            .map(|(c, &s)| (c, s))
                            .collect()
                    }
                };
                let mut chosen = pick(true);
                if chosen.is_empty() {
                    chosen = pick(false);
                }
                let candidates = chosen
                    .par_iter()
                    .map(|&(c, s)| {
                        let score = centrality_weight * centrality[c] / top
                            + weights.position / (1.0 + positions[c] as f64);
                        candidate(c, s, score)
                    })
                    .collect();
                let nodes: Vec<u32> = chosen.iter().map(|&(_, s)| s).collect();
                let texts: Vec<&str> = sentence_texts(&prepared.documents, &prepared.units)
                    .into_iter()
                    .map(|(_, text)| text)
                    .collect();
                let mut concepts = concepts::bigram_concepts(
                    &self.analyzer,
                    analysis,
                    &texts,
                    &nodes,
                    concepts::min_concept_documents(prepared.documents.len()),
                    relevance.as_deref().map(|r| (r, weights.query_concepts)),
                    weights.stop_word_bigrams,
                );
                if !weights.coverage {
                    concepts.weights.iter_mut().for_each(|w| *w = 0.0);
                }
                Plan::Coverage(candidates, concepts)
            }
        };
        timings.rank = clock.elapsed();

        let clock = Instant::now();
        let share_a_fact = |a, b| prepared.facts.share_a_fact(a, b);
        let redundancy = Redundancy {
            similarity,
            threshold: config.threshold,
            share_a_fact: &share_a_fact,
        };
        let selection = match &plan {
            Plan::ByScore(candidates) => select::select(candidates, &redundancy, budget),
            Plan::Coverage(candidates, concepts) => select::select_coverage(
                candidates,
                Coverage {
                    concepts: &concepts.of_node,
                    weights: &concepts.weights,
                    scaling: config.brief.length_scaling,
                    whole_first: config.brief.whole_first,
                },
                &redundancy,
                budget,
            ),
        };
        let mut sentences = cite(prepared, &selection.chosen);
        apply_cut(prepared, &selection, config.budget, layout, &mut sentences);
        for sentence in &mut sentences {
            cite_facts(prepared, sentence);
        }
        // A sentence cut by the budget stays last whatever the order: a
        // fragment must not lead the summary.
        let whole = sentences.len() - usize::from(sentences.last().is_some_and(|s| s.truncated));
        order_sentences(&mut sentences[..whole], &prepared.documents, config.order);
        timings.select = clock.elapsed();
        Summary { sentences, timings }
    }

    /// The near-duplicate clusters and the document pairs they link.
    pub fn dedup(&self, prepared: &Prepared) -> Dedup {
        let mut chosen: Vec<Candidate> = prepared
            .clusters
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.len() >= 2)
            .map(|(c, _)| Candidate {
                cluster: c as u32,
                sentence: prepared.representatives[c],
                skip: 0,
                score: 0.0,
                words: 0,
                length: 0,
            })
            .collect();
        chosen.sort_by_key(|c| {
            let members = &prepared.clusters.members[c.cluster as usize];
            (std::cmp::Reverse(members.len()), members[0])
        });
        let clusters = cite(prepared, &chosen);

        // Shared clusters per document pair. A cluster spread over more
        // than MAX_PAIR_SUPPORT documents is a stock line (a byline, a
        // standard disclaimer) rather than evidence that two documents
        // share text, and its pairs would grow with the square of its
        // support, so it is left out of the pair counts.
        let mut shared: rustc_hash::FxHashMap<(u32, u32), u32> = Default::default();
        for cluster in &clusters {
            let mut docs: Vec<u32> = cluster
                .citations
                .iter()
                .map(|c| c.sentence.document)
                .collect();
            docs.dedup();
            if docs.len() > MAX_PAIR_SUPPORT {
                continue;
            }
            for (i, &a) in docs.iter().enumerate() {
                for &b in &docs[i + 1..] {
                    *shared.entry((a, b)).or_default() += 1;
                }
            }
        }
        // Overlap compares clusters with clusters: the share of the smaller
        // document's distinct facts (clusters) that the other also states.
        let mut facts: Vec<Vec<u32>> = vec![Vec::new(); prepared.documents.len()];
        for (s, source) in prepared.analysis.sentences.iter().enumerate() {
            facts[source.source.document as usize].push(prepared.clusters.of_sentence[s]);
        }
        let fact_counts: Vec<usize> = facts
            .iter_mut()
            .map(|f| {
                f.sort_unstable();
                f.dedup();
                f.len()
            })
            .collect();
        let mut document_pairs: Vec<DocumentPair> = shared
            .into_iter()
            .map(|((a, b), shared)| {
                let smaller = fact_counts[a as usize].min(fact_counts[b as usize]).max(1);
                DocumentPair {
                    a,
                    b,
                    shared,
                    overlap: shared as f64 / smaller as f64,
                }
            })
            .collect();
        document_pairs.sort_by(|x, y| {
            y.overlap
                .total_cmp(&x.overlap)
                .then((x.a, x.b).cmp(&(y.a, y.b)))
        });
        Dedup {
            clusters,
            fact_clusters: fact_clusters(prepared),
            document_pairs,
        }
    }
}

/// `budget` with room for one more separator than the summary has: each
/// candidate's cost includes the separator before it.
fn with_separators(budget: Budget, layout: Layout) -> Budget {
    let extra = layout.separator_cost(budget);
    match budget {
        Budget::Sentences(n) => Budget::Sentences(n),
        Budget::Words(n) => Budget::Words(n + extra),
        Budget::Bytes(n) => Budget::Bytes(n + extra),
        Budget::Chars(n) => Budget::Chars(n + extra),
    }
}

/// The fact clusters as dedup lists them: largest first, then by first
/// member; the representative is the member nearest the centroid.
fn fact_clusters(prepared: &Prepared) -> Vec<SummarySentence> {
    let facts = &prepared.facts;
    let rows = facts.rows(&prepared.matrix, prepared.vectors.as_ref());
    let mut order: Vec<usize> = (0..facts.clusters.len()).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(facts.clusters[c].len()));
    order
        .into_iter()
        .map(|c| {
            let members = &facts.clusters[c];
            let representative = cluster::representative(members, &rows);
            SummarySentence {
                rank: 0,
                cluster: c as u32,
                representative: prepared.fact_ref(representative),
                score: 0.0,
                support: facts.support[c],
                truncated: false,
                citations: members
                    .iter()
                    .map(|&m| Citation {
                        sentence: prepared.fact_ref(m),
                        similarity: if m == representative {
                            1.0
                        } else {
                            rows.cosine(m as usize, representative as usize)
                        },
                        facts: Vec::new(),
                    })
                    .collect(),
                facts: Vec::new(),
                sentence: facts.units.sentence_of(representative),
                disagreements: Vec::new(),
            }
        })
        .collect()
}

/// Shortens the last selected sentence to the part that fits the budget
/// once its separator and the cut mark are written: its located text (and
/// so every output format) ends at the cut.
fn apply_cut(
    prepared: &Prepared,
    selection: &Selection,
    budget: Budget,
    layout: Layout,
    sentences: &mut Vec<SummarySentence>,
) {
    if let (Some(keep), Some(last)) = (selection.cut, sentences.last_mut()) {
        let overhead = layout.separator_cost(budget) + layout.cut_mark_cost(budget);
        let r = &mut last.representative;
        r.end = r.start + layout.cut(prepared.text(r), budget, keep.saturating_sub(overhead));
        last.truncated = true;
        // Notes on values the cut no longer shows would stand under a
        // fragment that says nothing of them (found in review: two notes on
        // death tolls under "At leas …").
        let shown = *r;
        last.disagreements.retain(|d| {
            d.values
                .iter()
                .flat_map(|v| &v.statements)
                .any(|statement| {
                    statement.sentence.document == shown.document
                        && shown.start <= statement.start
                        && statement.end <= shown.end
                })
        });
    }
    // A cut that keeps no word (nothing, or only an opening quote: `“ …`)
    // must not leave a stub citing sources for nothing.
    if sentences.last().is_some_and(|s| {
        s.truncated
            && !prepared
                .text(&s.representative)
                .contains(char::is_alphanumeric)
    }) {
        sentences.pop();
    }
}

/// The real sentences of segmented documents (headings, bylines and
/// boilerplate left out), located and sliced, in input order: what the
/// analysis stage takes.
pub fn sentence_texts<'a>(
    documents: &'a [Document],
    units: &[Vec<Unit>],
) -> Vec<(SentenceSource, &'a str)> {
    units
        .iter()
        .enumerate()
        .flat_map(|(d, doc_units)| {
            let text = &documents[d].text;
            doc_units
                .iter()
                .enumerate()
                .filter(|(_, u)| u.kind == UnitKind::Sentence)
                .map(move |(i, u)| {
                    let source = SentenceSource {
                        document: d as u32,
                        unit: i as u32,
                    };
                    (source, &text[u.start..u.end])
                })
        })
        .collect()
}

/// Puts summary sentences in the requested order (they arrive by rank).
fn order_sentences(sentences: &mut [SummarySentence], documents: &[Document], order: Order) {
    let position = |s: &SummarySentence| (s.representative.document, s.representative.unit);
    match order {
        Order::Rank => {}
        Order::Source => sentences.sort_by_key(position),
        Order::Date => sentences.sort_by(|a, b| {
            // When the fact was first reported: the earliest date of the
            // documents that state it, not of the one whose wording is
            // shown (found in review: a fact of three sources sorted among
            // the undated for its undated wording).
            let date = |s: &SummarySentence| {
                s.citations
                    .iter()
                    .filter_map(|c| documents[c.sentence.document as usize].date.as_deref())
                    .min()
            };
            // Undated facts sort after dated ones.
            let key = |s: &SummarySentence| (date(s).is_none(), date(s), position(s));
            key(a).cmp(&key(b))
        }),
    }
}
