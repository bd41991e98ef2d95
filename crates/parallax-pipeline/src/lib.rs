//! The per-document stage of Parallax, run over a whole corpus.
//!
//! [`Pipeline::run`] reads the inputs on one thread, groups what it reads
//! into batches, and for each batch decodes, cleans and annotates the
//! documents on all cores, applies the corpus-level cleaning that needs to
//! see many documents at once, and hands the finished [`Document`]s back in
//! input order. Memory is bounded by the batch size, whatever the corpus.
//! Every input is accounted for in the returned [`Tally`].
//!
//! This crate orchestrates; it must not hold reading, cleaning or annotation
//! rules of its own, and it must not link documents to each other (that is
//! `parallax-link`, after this stage).

mod annotate;
mod tally;

use std::collections::HashMap;
use std::sync::mpsc;

use parallax_clean::{Cleaner, CorpusCleaner, CorpusConfig, Draft};
use parallax_ingest::{Event, NotAPage, Problem, ProblemKind, Reader, ReaderOptions, UnseenFields};
use parallax_model::{Document, SourceDocument};
use rayon::prelude::*;

pub use annotate::{annotate, annotate_with};
pub use parallax_extract::Annotators;
pub use tally::Tally;

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("the shipped data files are broken: {0}")]
    Data(#[from] parallax_clean::CleanError),
    #[error("the reader thread failed")]
    Reader,
    #[error("writing output failed: {0}")]
    Output(#[source] std::io::Error),
}

/// Use `n` worker threads for the per-document work (call once, before any run).
pub fn set_threads(n: usize) -> Result<(), rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build_global()
}

/// How a run is shaped.
#[derive(Debug, Clone)]
pub struct PipelineOptions {
    pub reader: ReaderOptions,
    /// Documents per batch: the unit of parallel work and of memory.
    pub batch_documents: usize,
    pub corpus: CorpusConfig,
    pub annotators: Annotators,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        PipelineOptions {
            reader: ReaderOptions::default(),
            batch_documents: 1024,
            corpus: CorpusConfig::default(),
            annotators: Annotators::default(),
        }
    }
}

/// Something a person running Parallax should hear about as it happens.
#[derive(Debug)]
pub enum Notice<'a> {
    /// A piece of input that was not analysed.
    Skipped(&'a Problem),
    /// A document that was analysed, with a caveat.
    Warning { document: &'a str, message: &'a str },
    /// Mapped fields that none of the first JSON records has (the check
    /// at the end of the run goes into the [`Tally`] instead).
    UnseenFields(&'a UnseenFields),
}

/// What a batch holds besides documents, kept in input order.
enum Aside {
    Skipped(Problem),
    NotAPage(NotAPage),
    Unseen(UnseenFields),
}

/// The per-document stage, ready to run.
pub struct Pipeline {
    cleaner: Cleaner,
    opts: PipelineOptions,
}

impl Pipeline {
    pub fn new(opts: PipelineOptions) -> Result<Self, PipelineError> {
        Ok(Pipeline {
            cleaner: Cleaner::new()?,
            opts,
        })
    }

    /// Analyse one document on its own, without the corpus-level stage:
    /// what a caller with a single page (or an evaluation) needs.
    pub fn analyse_one(&self, doc: SourceDocument) -> Result<Document, Problem> {
        let draft = self.cleaner.clean(parallax_ingest::decode(doc)?);
        Ok(annotate_with(draft.finish(), self.opts.annotators))
    }

    /// Clean one document on its own, without annotating it: the text the
    /// annotators would read and where it stands in the input (what
    /// training on a labelled sample needs).
    pub fn clean_one(&self, doc: SourceDocument) -> Result<parallax_clean::CleanArticle, Problem> {
        Ok(self.cleaner.clean(parallax_ingest::decode(doc)?).finish())
    }

    /// Run over `paths`, calling `on_document` for each analysed document
    /// in input order and `on_notice` for each skip or warning.
    pub fn run<D, N>(
        &self,
        paths: Vec<String>,
        mut on_document: D,
        mut on_notice: N,
    ) -> Result<Tally, PipelineError>
    where
        D: FnMut(Document) -> std::io::Result<()>,
        N: FnMut(Notice<'_>),
    {
        let batch_size = self.opts.batch_documents.max(1);
        let (tx, rx) = mpsc::sync_channel::<Vec<Event>>(2);
        let reader = Reader::new(paths, self.opts.reader.clone());
        let mut tally = Tally::default();
        let mut corpus = CorpusCleaner::new(self.opts.corpus);
        let mut ids = HashMap::new();
        std::thread::scope(|scope| -> Result<(), PipelineError> {
            let producer = scope.spawn(move || {
                let mut batch = Vec::with_capacity(batch_size);
                for ev in reader {
                    batch.push(ev);
                    if batch.len() >= batch_size {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(batch_size));
                        if tx.send(full).is_err() {
                            return;
                        }
                    }
                }
                if !batch.is_empty() {
                    let _ = tx.send(batch);
                }
            });
            let mut result = Ok(());
            for batch in rx.iter() {
                if result.is_err() {
                    continue; // drain so the reader thread can finish
                }
                result = self.run_batch(
                    batch,
                    &mut corpus,
                    &mut ids,
                    &mut tally,
                    &mut on_document,
                    &mut on_notice,
                );
            }
            producer.join().map_err(|_| PipelineError::Reader)?;
            result
        })?;
        Ok(tally)
    }

    fn run_batch<D, N>(
        &self,
        batch: Vec<Event>,
        corpus: &mut CorpusCleaner,
        ids: &mut HashMap<String, u32>,
        tally: &mut Tally,
        on_document: &mut D,
        on_notice: &mut N,
    ) -> Result<(), PipelineError>
    where
        D: FnMut(Document) -> std::io::Result<()>,
        N: FnMut(Notice<'_>),
    {
        tally.bytes += batch
            .iter()
            .map(|ev| match ev {
                Event::Document(d) => match &d.body {
                    parallax_model::Body::Text(t) | parallax_model::Body::Html(t) => t.len() as u64,
                },
                _ => 0,
            })
            .sum::<u64>();
        let results: Vec<Result<Draft, Aside>> = batch
            .into_par_iter()
            .map(|ev| match ev {
                Event::Problem(p) => Err(Aside::Skipped(p)),
                Event::NotAPage(n) => Err(Aside::NotAPage(n)),
                Event::UnseenFields(u) => Err(Aside::Unseen(u)),
                Event::Document(doc) => {
                    let origin = doc.origin.clone();
                    guarded(origin, || {
                        parallax_ingest::decode(*doc).map(|raw| self.cleaner.clean(raw))
                    })
                    .map_err(Aside::Skipped)
                }
            })
            .collect();
        // `order` keeps input order: what came besides a document, or
        // `None` for the next document.
        let mut order = Vec::with_capacity(results.len());
        let mut drafts = Vec::new();
        for r in results {
            match r {
                Ok(d) => {
                    order.push(None);
                    drafts.push(d);
                }
                Err(p) => order.push(Some(p)),
            }
        }
        // Corpus-level cleaning sees the batch as a whole.
        corpus.process(&mut drafts);
        for d in drafts.iter_mut() {
            unique_id(d, ids);
        }
        let annotators = self.opts.annotators;
        let documents: Vec<Result<Document, Problem>> = drafts
            .into_par_iter()
            .map(|d| {
                let origin = d.origin.clone();
                guarded(origin, || Ok(annotate_with(d.finish(), annotators)))
            })
            .collect();
        let mut documents = documents.into_iter();
        for slot in order {
            match slot {
                Some(Aside::Skipped(p)) => {
                    tally.read += 1;
                    tally.skip(p.kind.code());
                    on_notice(Notice::Skipped(&p));
                }
                Some(Aside::NotAPage(n)) => tally.not_a_page(n.what),
                Some(Aside::Unseen(u)) if u.complete => tally.unseen_fields = Some(u),
                Some(Aside::Unseen(u)) => on_notice(Notice::UnseenFields(&u)),
                None => {
                    tally.read += 1;
                    // Every draft gives one result; an exhausted iterator would
                    // be a fault here, and is counted rather than lost.
                    let doc = match documents.next() {
                        Some(Ok(doc)) => doc,
                        Some(Err(p)) => {
                            tally.skip(p.kind.code());
                            on_notice(Notice::Skipped(&p));
                            continue;
                        }
                        None => {
                            tally.skip(ProblemKind::Internal.code());
                            continue;
                        }
                    };
                    tally.analysed += 1;
                    for w in &doc.warnings {
                        tally.warnings += 1;
                        on_notice(Notice::Warning {
                            document: &doc.id,
                            message: w,
                        });
                    }
                    on_document(doc).map_err(PipelineError::Output)?;
                }
            }
        }
        Ok(())
    }
}

/// Ids must be unique within a run: stories and links refer to them. `ids`
/// holds each id used and the next suffix to try for it.
fn unique_id(d: &mut Draft, ids: &mut HashMap<String, u32>) {
    let Some(&first) = ids.get(&d.id) else {
        ids.insert(d.id.clone(), 2);
        return;
    };
    let mut next = first;
    let candidate = loop {
        let candidate = format!("{}~{next}", d.id);
        next += 1;
        if !ids.contains_key(&candidate) {
            break candidate;
        }
    };
    ids.insert(d.id.clone(), next);
    d.warnings.push(format!(
        "id '{}' was already used; this document is '{candidate}'",
        d.id
    ));
    ids.insert(candidate.clone(), 2);
    d.id = candidate;
}

/// Run one document's work, turning a fault in it into a counted problem
/// so that the rest of the corpus is still analysed.
fn guarded<T>(
    origin: parallax_model::Origin,
    work: impl FnOnce() -> Result<T, Problem>,
) -> Result<T, Problem> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
        Ok(r) => r,
        Err(_) => Err(Problem::new(
            origin,
            ProblemKind::Internal,
            "internal error while analysing this document",
        )),
    }
}
