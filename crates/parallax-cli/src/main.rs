//! The `parallax` command line: argument parsing, progress, output files and
//! exit codes. The work itself is done by the library crates.

mod progress;

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use parallax_ingest::{FieldMap, ReaderOptions};
use parallax_model::Document;
use parallax_pipeline::{Annotators, Notice, Pipeline, PipelineOptions, Tally};
use parallax_store::{Added, RunCounts, Store, StoreError};

use progress::Progress;

/// Parallax reads news coverage from many outlets and shows, with evidence,
/// who said what and how each outlet told the story.
#[derive(Parser)]
#[command(name = "parallax", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Per-document stage: write one document record per line (JSON Lines) to standard output.
    Extract {
        /// Files, directories (walked recursively) or `-` for JSON Lines on standard input.
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Whole pipeline: write documents.jsonl, stories.jsonl, links.jsonl and index.html into a directory.
    Analyze {
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output directory (created if missing). Its files are replaced only
        /// at the end of a run that analysed something.
        #[arg(short, long)]
        output: PathBuf,
        /// The store to add to (SQLite; created if missing), shared across
        /// runs; by default DIR/parallax.sqlite.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Search a store: quotations, statements or documents, by speaker,
    /// entity or actor (any alias), act, outlet, dates, story, mode and
    /// words. A table on a terminal, JSON Lines when piped.
    Search {
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        query: SearchArgs,
    },
    /// Write a store's tables (documents, removed, attributions, statements,
    /// links, counts, dates, entities, descriptors, actors, actor aliases,
    /// stories, story members) into a directory, one file each, for
    /// pandas, R or DuckDB.
    Export {
        #[command(flatten)]
        store: StoreArgs,
        /// File format.
        #[arg(long, value_enum, default_value = "parquet")]
        format: ExportFormat,
        /// Directory to write into (created if missing).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Serve a store's stories, documents, actors and search as a local web
    /// UI, with a read-only JSON API under /api/v1 (described at
    /// /api/v1/openapi.json). Bound to the loopback address by default.
    Serve {
        #[command(flatten)]
        store: StoreArgs,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
    },
    /// Write the HTML report of a store into one self-contained file.
    Report {
        #[command(flatten)]
        store: StoreArgs,
        /// The HTML file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Score Parallax against a public benchmark.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Fit a learned component to annotated data and write its data file.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Measure throughput and peak memory of the per-document stage (output is discarded).
    Bench {
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        input: InputArgs,
    },
}

/// Which store a command reads: `DIR` (an `analyze` output directory,
/// whose store is DIR/parallax.sqlite) or `--db FILE`.
#[derive(Args, Clone)]
struct StoreArgs {
    /// An `analyze` output directory.
    #[arg(
        value_name = "DIR",
        required_unless_present = "db",
        conflicts_with = "db"
    )]
    dir: Option<PathBuf>,
    /// The store file.
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
}

impl StoreArgs {
    fn path(&self) -> PathBuf {
        match (&self.db, &self.dir) {
            (Some(db), _) => db.clone(),
            (None, Some(dir)) => dir.join("parallax.sqlite"),
            (None, None) => PathBuf::from("parallax.sqlite"),
        }
    }

    fn open(&self) -> Result<Store> {
        Ok(Store::open_read_only(&self.path())?)
    }
}

#[derive(Args, Clone)]
struct SearchArgs {
    /// Quotations by this speaker, or statements by this actor.
    #[arg(long)]
    speaker: Option<String>,
    /// In documents that mention this entity or actor.
    #[arg(long)]
    entity: Option<String>,
    /// Statements of this act: allegation, denial, demand, counter_accusation, criticism, claim.
    #[arg(long)]
    act: Option<String>,
    /// Documents of this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// In this story (its id).
    #[arg(long)]
    story: Option<String>,
    /// Quotations of this mode: speech, writing, thought, evidence.
    #[arg(long)]
    mode: Option<String>,
    /// Words that must all occur.
    #[arg(long)]
    text: Option<String>,
    /// What to list: quotes, statements or documents (by default statements
    /// with --act, quotes with --speaker or --mode, else documents).
    #[arg(long)]
    kind: Option<parallax_store::HitKind>,
    /// At most this many hits.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Skip this many hits first (for paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Output format (by default a table on a terminal, JSON Lines otherwise).
    #[arg(long, value_enum)]
    format: Option<HitFormat>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    Jsonl,
    Csv,
    Parquet,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum HitFormat {
    Table,
    Jsonl,
}

#[derive(Subcommand)]
enum TrainCommand {
    /// The cue model (data/cue_model.tsv) from brat-annotated articles such
    /// as PolNeAR's train split; thresholds are chosen by cross-validation.
    Cues {
        /// Format of the gold annotations.
        #[arg(long, value_enum, default_value = "brat")]
        format: GoldFormat,
        dir: PathBuf,
        /// Where to write the model file.
        #[arg(short, long)]
        output: PathBuf,
        /// A word must head at least this many gold cues to be judged.
        #[arg(long, default_value_t = 2)]
        min_count: usize,
        /// A word is kept as a candidate only when the general reading
        /// around it is right at least this share of the times.
        #[arg(long, default_value_t = 0.2)]
        min_rate: f64,
        /// Passes over the examples.
        #[arg(long, default_value_t = 3)]
        epochs: usize,
        /// A hand-labelled sample of records from other desks (the format
        /// of `eval labels`): its readings join every fit as examples.
        #[arg(long, requires = "articles")]
        labels: Option<PathBuf>,
        /// The articles the labels come from (any input `extract` reads).
        #[arg(long, requires = "labels", num_args = 1..)]
        articles: Vec<String>,
        /// How many times a labelled reading counts.
        #[arg(long, default_value_t = 3)]
        label_weight: usize,
        #[command(flatten)]
        input: InputArgs,
    },
    /// The background counts story grouping weighs features with
    /// (data/story_prior.tsv): how many documents of a corpus hold each term
    /// and entity name.
    StoryPrior {
        /// The corpus (any input `analyze` reads).
        #[arg(required = true)]
        paths: Vec<String>,
        /// Where to write the prior file.
        #[arg(short, long)]
        output: PathBuf,
        /// Keep the features held by at least this many documents.
        #[arg(long, default_value_t = 50)]
        min_df: u32,
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// HTML main-text extraction against the article extraction benchmark
    /// (a directory holding ground-truth.json and html/<id>.html.gz).
    Extraction {
        #[arg(default_value = "../shared/datasets/article-extraction-benchmark")]
        dir: PathBuf,
        /// Also list the N pages with the lowest F1.
        #[arg(long, default_value_t = 0)]
        worst: usize,
        /// Print the scores as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Quotations and speakers against annotated articles (e.g. PolNeAR's dev split).
    Attribution {
        /// Format of the gold annotations.
        #[arg(long, value_enum, default_value = "brat")]
        format: GoldFormat,
        dir: PathBuf,
        /// Print the main scores as one JSON object.
        #[arg(long)]
        json: bool,
        /// Also list up to N missed gold attributions and N predictions that
        /// match no gold, with their context.
        #[arg(long, default_value_t = 0)]
        show: usize,
    },
    /// Story grouping against gold clusters (e.g. ECB+: --gold
    /// ../shared/datasets/ecbplus/gold_clusters.tsv over its docs.jsonl with
    /// --field id=doc_id): pairwise and B-cubed precision, recall and F1.
    /// Documents are grouped in a fixed random order; the gold is only
    /// scored against.
    Stories {
        /// Gold clusters: a tab-separated file with a header naming doc_id,
        /// event_cluster (or cluster, story) and optionally topic.
        #[arg(long)]
        gold: PathBuf,
        /// The documents (any input `extract` reads).
        #[arg(required = true)]
        paths: Vec<String>,
        /// Only the gold rows whose topic is in this range ("36-45") or
        /// list ("1,3,5").
        #[arg(long)]
        topics: Option<String>,
        /// Seed of the random order.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The least similarity that joins a story.
        #[arg(long)]
        threshold: Option<f32>,
        /// Print the scores as one JSON object.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Statements against the hand-labelled acts sample (e.g.
    /// data/eval/acts_labels.tsv over the AllSides articles): act, actor
    /// and the links between answers and allegations
    Acts {
        /// The labels file (tab-separated; see BENCHMARKS.md).
        labels: PathBuf,
        /// The articles the labels come from (any input `extract` reads).
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        input: InputArgs,
        /// Also list up to N labels whose act or actor the statements get wrong.
        #[arg(long, default_value_t = 0)]
        show: usize,
    },
    /// Records against a hand-labelled sample of them (e.g.
    /// data/eval/allsides_labels.tsv over the AllSides articles): each
    /// labelled article is analysed on its own and its records paired with
    /// the labels by their input offsets.
    Labels {
        /// The labels file (tab-separated; see BENCHMARKS.md).
        labels: PathBuf,
        /// The articles the labels come from (any input `extract` reads).
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        input: InputArgs,
        /// Print the main scores as one JSON object.
        #[arg(long)]
        json: bool,
        /// Also list up to N labels the records get wrong, of each kind.
        #[arg(long, default_value_t = 0)]
        show: usize,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum GoldFormat {
    /// brat standoff: `<name>.txt` with `<name>.ann`, or `text/` and `attributions/`
    Brat,
}

#[derive(Args, Clone)]
struct InputArgs {
    /// Map a document part to the input's JSON field: NAME=FIELD, with NAME one of
    /// id, text, html, url, outlet, published, title (e.g. --field outlet=source).
    #[arg(long = "field", value_name = "NAME=FIELD", value_parser = field_mapping)]
    fields: Vec<String>,
    /// Skip documents, JSON lines or WARC records larger than this many bytes.
    #[arg(long, default_value_t = parallax_ingest::DEFAULT_MAX_DOCUMENT_BYTES)]
    max_doc_bytes: usize,
    /// Documents per batch (the unit of parallel work and of memory).
    #[arg(long, default_value_t = 1024)]
    batch: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Print only the final tally, not each skipped input.
    #[arg(short, long)]
    quiet: bool,
    /// Annotators to run, comma-separated: quotes, counts, dates, entities, acts, terms,
    /// all or none (the fields of those left out stay empty).
    #[arg(long, default_value = "all", value_parser = Annotators::parse)]
    annotators: Annotators,
}

/// Check a `--field` mapping while arguments are parsed, so that a bad one
/// is refused like any other wrong argument.
fn field_mapping(spec: &str) -> Result<String, String> {
    FieldMap::default().set(spec).map_err(|e| e.to_string())?;
    Ok(spec.to_string())
}

impl InputArgs {
    fn pipeline(&self) -> Result<Pipeline> {
        let mut fields = FieldMap::default();
        for f in &self.fields {
            fields.set(f)?;
        }
        if let Some(n) = self.threads {
            rayon_threads(n)?;
        }
        let opts = PipelineOptions {
            reader: ReaderOptions {
                fields,
                max_document_bytes: self.max_doc_bytes,
            },
            batch_documents: self.batch,
            annotators: self.annotators,
            ..Default::default()
        };
        Ok(Pipeline::new(opts)?)
    }
}

fn rayon_threads(n: usize) -> Result<()> {
    parallax_pipeline::set_threads(n).context("setting the number of threads")
}

/// Prints skips and warnings as they happen, a few of each kind, so that a
/// corpus with thousands of bad lines does not drown the terminal.
struct NoticePrinter {
    quiet: bool,
    shown: BTreeMap<String, usize>,
}

const SHOWN_PER_KIND: usize = 20;

impl NoticePrinter {
    fn print(&mut self, progress: &Progress, n: Notice<'_>) {
        if self.quiet {
            return;
        }
        let (kind, line) = match n {
            Notice::Skipped(p) => (p.kind.code().to_string(), format!("skipped {p}")),
            Notice::Warning { document, message } => (
                "warning".to_string(),
                format!("warning: {document}: {message}"),
            ),
            Notice::UnseenFields(u) => ("unseen-fields".to_string(), format!("warning: {u}")),
        };
        let count = self.shown.entry(kind.clone()).or_default();
        *count += 1;
        if *count <= SHOWN_PER_KIND {
            progress.println(&line);
        } else if *count == SHOWN_PER_KIND + 1 {
            progress.println(&format!(
                "(further '{kind}' messages are counted, not shown)"
            ));
        }
    }
}

fn run_pipeline(
    input: &InputArgs,
    paths: Vec<String>,
    mut on_document: impl FnMut(Document) -> io::Result<()>,
) -> Result<Tally> {
    let pipeline = input.pipeline()?;
    let progress = Progress::new();
    let mut printer = NoticePrinter {
        quiet: input.quiet,
        shown: BTreeMap::new(),
    };
    let tally = pipeline.run(
        paths,
        |doc| {
            progress.inc();
            on_document(doc)
        },
        |n| printer.print(&progress, n),
    );
    progress.finish();
    Ok(tally?)
}

/// The tally, and beside it the mapped fields that no record had.
fn print_tally(tally: &Tally) {
    eprintln!("{tally}");
    if let Some(unseen) = &tally.unseen_fields {
        eprintln!("warning: {unseen}");
    }
}

fn finish(tally: &Tally) -> ExitCode {
    print_tally(tally);
    if tally.analysed == 0 {
        eprintln!("nothing could be analysed");
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn extract(paths: Vec<String>, input: &InputArgs) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let tally = run_pipeline(input, paths, |doc| {
        serde_json::to_writer(&mut out, &doc).map_err(io::Error::from)?;
        out.write_all(b"\n")
    });
    match tally {
        Ok(t) => {
            out.flush().context("writing standard output")?;
            Ok(finish(&t))
        }
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e),
    }
}

/// Whether a closed pipe is behind `e`, however it was wrapped on the way
/// (an I/O error may carry another inside it).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let mut at: Option<&(dyn std::error::Error + 'static)> = Some(c);
        while let Some(err) = at {
            if let Some(io) = err.downcast_ref::<io::Error>() {
                if io.kind() == io::ErrorKind::BrokenPipe {
                    return true;
                }
                if let Some(inner) = io.get_ref() {
                    at = Some(inner);
                    continue;
                }
            }
            if let Some(json) = err.downcast_ref::<serde_json::Error>() {
                return json.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
            }
            at = err.source();
        }
        false
    })
}

/// The output directory of `analyze`. Files are written to temporary files
/// in it and renamed over their final names only when the run succeeded;
/// a failed run removes its temporary files (they are deleted when dropped)
/// and the directories it created.
struct OutputDir {
    path: PathBuf,
    /// Directories this run created, innermost first.
    created: Vec<PathBuf>,
    keep: bool,
}

impl OutputDir {
    fn create(path: &Path) -> Result<Self> {
        let created: Vec<PathBuf> = path
            .ancestors()
            .take_while(|p| !p.as_os_str().is_empty() && !p.exists())
            .map(Path::to_path_buf)
            .collect();
        fs::create_dir_all(path).with_context(|| format!("creating {}", path.display()))?;
        Ok(OutputDir {
            path: path.to_path_buf(),
            created,
            keep: false,
        })
    }

    /// A temporary file beside the final `name`, e.g. `.documents.jsonl.XXXXXX.partial`.
    fn temporary(&self, name: &str) -> Result<tempfile::NamedTempFile> {
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".partial");
        // Like any new file: readable as the umask allows, not owner-only.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        builder
            .tempfile_in(&self.path)
            .with_context(|| format!("creating a temporary file in {}", self.path.display()))
    }

    fn keep(mut self) {
        self.keep = true;
    }
}

impl Drop for OutputDir {
    fn drop(&mut self) {
        if !self.keep {
            for dir in &self.created {
                // Removes only empty directories: nothing else is lost.
                let _ = fs::remove_dir(dir);
            }
        }
    }
}

/// Write `items` as JSON Lines to `file`.
fn write_jsonl<T: serde::Serialize>(file: &fs::File, items: &[T]) -> io::Result<()> {
    let mut out = BufWriter::new(file);
    for item in items {
        serde_json::to_writer(&mut out, item)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Remove a store file this run created and left empty, with SQLite's
/// companion files.
fn remove_store_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(PathBuf::from(p));
    }
}

/// Write the batch of documents in `pending` to the store in one
/// transaction.
fn store_batch(
    store: &mut Store,
    run: i64,
    pending: &mut Vec<Document>,
    totals: &mut RunCounts,
    conflicts: &mut Vec<String>,
) -> Result<(), StoreError> {
    if pending.is_empty() {
        return Ok(());
    }
    let mut batch = store.batch(run)?;
    for doc in pending.drain(..) {
        if batch.add(&doc)? == Added::Conflict {
            conflicts.push(doc.id);
        }
    }
    let c = batch.commit()?;
    totals.added += c.added;
    totals.unchanged += c.unchanged;
    totals.conflicting += c.conflicting;
    Ok(())
}

/// What grouping left: the stories, the index's new state, how many
/// documents it holds, how many joined this time, and the seconds it took.
struct Grouped {
    stories: Vec<parallax_model::Story>,
    state: Vec<u8>,
    indexed: usize,
    joined: usize,
    seconds: f64,
}

/// The documents the saved story index has not seen join it, in
/// publication order.
fn group_new_documents(store: &Store) -> Result<Grouped> {
    let grouping = Instant::now();
    let mut index = match store.index_state()? {
        Some((_, state)) => {
            parallax_link::StoryIndex::load(state.as_slice()).with_context(|| {
                format!(
                    "reading the story index saved in {}",
                    store.path().display()
                )
            })?
        }
        None => parallax_link::StoryIndex::new(parallax_link::StorySettings::default()),
    };
    let mut unseen: Vec<(usize, String, Option<String>)> = store
        .document_dates()?
        .into_iter()
        .enumerate()
        .filter(|(_, (id, _))| !index.contains(id))
        .map(|(i, (id, published))| (i, id, published))
        .collect();
    unseen.sort_by(|a, b| (a.2.is_none(), &a.2, a.0).cmp(&(b.2.is_none(), &b.2, b.0)));
    for (_, id, _) in &unseen {
        if let Some(doc) = store.document(id)? {
            index.add(&doc);
        }
    }
    let stories = index.stories();
    let mut state = Vec::new();
    index.save(&mut state)?;
    Ok(Grouped {
        stories,
        state,
        indexed: index.len(),
        joined: unseen.len(),
        seconds: grouping.elapsed().as_secs_f64(),
    })
}

/// Answer links and actors over every stored document, read one at a time,
/// written to the store: the links, how many actors, how many documents,
/// and the seconds it took.
fn links_and_actors(store: &mut Store) -> Result<(Vec<parallax_model::Link>, usize, usize, f64)> {
    let corpus = Instant::now();
    let mut answers = parallax_link::AnswerLinks::default();
    // Actors take two passes: which entities are one actor, from the
    // entity table, then each record, kept only for entities that join an
    // actor of several documents.
    let mut keys = parallax_link::ActorKeys::default();
    store.for_each_entity_names(|doc, entities| {
        keys.add(
            doc,
            entities.iter().map(|(n, a)| (n.as_str(), a.as_slice())),
        );
        Ok::<(), StoreError>(())
    })?;
    let mut actor_finder = keys.actors();
    let mut n_docs = 0usize;
    store.for_each_document(|d| {
        answers.add(&d);
        actor_finder.add(&d);
        n_docs += 1;
        Ok::<(), StoreError>(())
    })?;
    let links = answers.finish();
    store.replace_links(&links)?;
    // Each actor record is made as it is written.
    let n_actors = store.replace_actors(actor_finder.records())?;
    Ok((links, n_actors, n_docs, corpus.elapsed().as_secs_f64()))
}

/// What the link stage left in the store.
struct Linked {
    /// Every story, in founding order, as the report lists them.
    entries: Vec<parallax_report::StoryEntry>,
    links: usize,
    actors: usize,
}

/// Stories staged in the store per transaction.
const STORY_CHUNK: usize = 256;

/// The link stage over the whole store: documents the story index has not
/// seen join it (in publication order); answer links and actors are found
/// across every stored document, read one at a time; then each story gets
/// its links, echoes and comparison (kept from the stored story where its
/// documents did not change) and the stories replace the stored ones. At
/// no point does memory hold more than one story's documents.
fn link_store(store: &mut Store, quiet: bool) -> Result<Linked> {
    // One after the other, not at the same time: run side by side on two
    // connections they took 15-19 s less on AllSides but peaked 190 MiB
    // higher (the story index and the actors being built both in memory).
    let Grouped {
        stories,
        state,
        indexed,
        joined: unseen,
        seconds: grouped,
    } = group_new_documents(store)?;
    store.save_index_state(indexed, &state)?;
    drop(state);
    let (links, n_actors, n_docs, across) = links_and_actors(store)?;

    // Each story carries the links between its own documents.
    let story_of: std::collections::HashMap<&str, usize> = stories
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.documents.iter().map(move |d| (d.as_str(), i)))
        .collect();
    let mut story_links: Vec<Vec<parallax_model::StoryLink>> = vec![Vec::new(); stories.len()];
    for l in &links {
        let Some(to) = l.to.as_ref() else { continue };
        if let (Some(a), Some(b)) = (
            story_of.get(l.from.doc.as_str()),
            story_of.get(to.doc.as_str()),
        ) {
            if a == b {
                story_links[*a].push(parallax_model::StoryLink {
                    from: l.from.clone(),
                    to: to.clone(),
                    relation: l.relation.clone(),
                });
            }
        }
    }
    drop(story_of);
    let n_links = links.len();
    drop(links);

    let comparing = Instant::now();
    let mut reused = 0usize;
    let mut entries = Vec::with_capacity(stories.len());
    let mut chunk: Vec<parallax_model::Story> = Vec::with_capacity(STORY_CHUNK);
    store.begin_stories()?;
    for (mut s, l) in stories.into_iter().zip(story_links) {
        s.links = l;
        if s.documents.len() > 1 {
            match store.story(&s.id)? {
                Some(before) if before.documents == s.documents => {
                    s.echoes = before.echoes;
                    s.comparison = before.comparison;
                    reused += 1;
                }
                _ => {
                    let docs = store.documents(&s.documents)?;
                    let refs: Vec<&Document> = docs.iter().collect();
                    s.echoes = parallax_link::echoes::story_echoes(&s, &refs);
                    s.comparison = parallax_link::comparison::compare(&s, &refs);
                }
            }
        }
        entries.push(parallax_report::StoryEntry::from(&s));
        chunk.push(s);
        if chunk.len() == STORY_CHUNK {
            store.stage_stories(&chunk)?;
            chunk.clear();
        }
    }
    store.stage_stories(&chunk)?;
    drop(chunk);
    store.commit_stories()?;
    let compared = comparing.elapsed().as_secs_f64();
    if !quiet {
        eprintln!(
            "grouped {} documents ({} new to the story index) into {} {} in {grouped:.1} s; links and actors in {across:.1} s; echoes and outlet comparisons in {compared:.1} s ({reused} unchanged stories kept)",
            n_docs,
            unseen,
            entries.len(),
            if entries.len() == 1 { "story" } else { "stories" },
        );
    }
    Ok(Linked {
        entries,
        links: n_links,
        actors: n_actors,
    })
}

/// Write the store's documents, stories, links and actors as JSON Lines
/// into the temporary files of an `analyze` output directory.
fn write_store_files(
    store: &Store,
    docs_tmp: &tempfile::NamedTempFile,
    stories_tmp: &tempfile::NamedTempFile,
    links_tmp: &tempfile::NamedTempFile,
    actors_tmp: &tempfile::NamedTempFile,
    finals: &[PathBuf; 5],
) -> Result<()> {
    let mut out = BufWriter::new(docs_tmp.as_file());
    store.for_each_document(|d| {
        serde_json::to_writer(&mut out, &d).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
        Ok::<(), anyhow::Error>(())
    })?;
    out.flush()
        .with_context(|| format!("writing {}", finals[0].display()))?;
    let mut out = BufWriter::new(stories_tmp.as_file());
    store.for_each_story(|s| {
        serde_json::to_writer(&mut out, &s).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
        Ok::<(), anyhow::Error>(())
    })?;
    out.flush()
        .with_context(|| format!("writing {}", finals[1].display()))?;
    write_jsonl(links_tmp.as_file(), &store.links()?)
        .with_context(|| format!("writing {}", finals[3].display()))?;
    let mut out = BufWriter::new(actors_tmp.as_file());
    store.for_each_actor(|a| {
        serde_json::to_writer(&mut out, &a).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
        Ok::<(), anyhow::Error>(())
    })?;
    out.flush()
        .with_context(|| format!("writing {}", finals[4].display()))?;
    Ok(())
}

fn analyze(
    paths: Vec<String>,
    output: PathBuf,
    db: Option<PathBuf>,
    input: &InputArgs,
) -> Result<ExitCode> {
    let dir = OutputDir::create(&output)?;
    let db_path = db.unwrap_or_else(|| output.join("parallax.sqlite"));
    let names = [
        "documents.jsonl",
        "stories.jsonl",
        "index.html",
        "links.jsonl",
        "actors.jsonl",
    ];
    let finals = names.map(|n| output.join(n));
    let [docs_tmp, stories_tmp, report_tmp, links_tmp, actors_tmp] = [
        dir.temporary(names[0])?,
        dir.temporary(names[1])?,
        dir.temporary(names[2])?,
        dir.temporary(names[3])?,
        dir.temporary(names[4])?,
    ];
    let shown_paths = paths.join(", ");
    let existed = db_path.exists();
    let mut store = Store::open(&db_path)?;
    let run = store.start_run(&shown_paths, &now())?;
    let batch_size = input.batch.max(1);
    // Batches go to the store on a thread of their own, so that the next
    // batch is analysed while one is written. The hand-over waits for the
    // writer (a channel of no capacity): at most one batch is being
    // written while the next one fills.
    let (to_writer, batches) = std::sync::mpsc::sync_channel::<Vec<Document>>(0);
    let (tally, stored) = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let mut totals = RunCounts::default();
            let mut conflicts: Vec<String> = Vec::new();
            for mut batch in batches {
                store_batch(&mut store, run, &mut batch, &mut totals, &mut conflicts)?;
            }
            Ok::<_, StoreError>((totals, conflicts))
        });
        let mut pending: Vec<Document> = Vec::with_capacity(batch_size);
        let tally = run_pipeline(input, paths, |doc| {
            pending.push(doc);
            if pending.len() >= batch_size {
                let full = std::mem::replace(&mut pending, Vec::with_capacity(batch_size));
                // A writer that stopped has its error, reported below.
                to_writer
                    .send(full)
                    .map_err(|_| io::Error::other("the store writer stopped"))?;
            }
            Ok(())
        });
        if !pending.is_empty() {
            // As above: a failed send means the writer has an error.
            let _ = to_writer.send(pending);
        }
        drop(to_writer);
        let stored = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the store writer thread failed"));
        (tally, stored)
    });
    // The writer's error first: it is why the pipeline stopped, if it did.
    let (totals, conflicts) = stored??;
    let tally = tally?;
    store.finish_run(run, &now())?;
    if tally.analysed == 0 {
        // Leaving the last good output in place is better than replacing
        // it with an empty one.
        print_tally(&tally);
        if !existed && store.document_count()? == 0 {
            drop(store);
            remove_store_files(&db_path);
        }
        eprintln!(
            "nothing could be analysed in {shown_paths}; {} was left as it was",
            output.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    eprintln!(
        "store {}: {} documents added, {} already there unchanged{}",
        db_path.display(),
        totals.added,
        totals.unchanged,
        if totals.conflicting > 0 {
            format!(
                ", {} already there with other content and left as stored ({}{})",
                totals.conflicting,
                conflicts
                    .iter()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", "),
                if conflicts.len() > 5 { ", …" } else { "" }
            )
        } else {
            String::new()
        }
    );
    let linked = link_store(&mut store, input.quiet)?;
    let writing = Instant::now();
    let summary = format!(
        "{tally}; the store holds {} documents, {} stories, {} links, {} actors",
        store.document_count()?,
        linked.entries.len(),
        linked.links,
        linked.actors,
    );
    // The JSON Lines files and the report are written at the same time,
    // each from its own connection to the store.
    let files_store = Store::open_read_only(&db_path)?;
    let tmps = (&docs_tmp, &stories_tmp, &links_tmp, &actors_tmp, &finals);
    std::thread::scope(|scope| {
        let files = scope.spawn(move || {
            let (d, s, l, a, f) = tmps;
            write_store_files(&files_store, d, s, l, a, f)
        });
        let mut out = BufWriter::new(report_tmp.as_file());
        let report = write_report(&store, &summary, Some(&linked.entries), &mut out)
            .and_then(|_| Ok(out.flush()?))
            .with_context(|| format!("writing {}", finals[2].display()));
        let files = files
            .join()
            .map_err(|_| anyhow::anyhow!("the thread writing the JSON Lines files failed"))?;
        files.and(report)
    })?;
    if !input.quiet {
        eprintln!("files written in {:.1} s", writing.elapsed().as_secs_f64());
    }
    for (tmp, path) in [docs_tmp, stories_tmp, report_tmp, links_tmp, actors_tmp]
        .into_iter()
        .zip(&finals)
    {
        tmp.persist(path)
            .with_context(|| format!("replacing {}", path.display()))?;
    }
    dir.keep();
    eprintln!(
        "wrote {}, {}, {}, {} and {}",
        finals[0].display(),
        finals[1].display(),
        finals[3].display(),
        finals[4].display(),
        finals[2].display()
    );
    Ok(finish(&tally))
}

fn export(store: &StoreArgs, format: ExportFormat, output: &Path) -> Result<ExitCode> {
    let store = store.open()?;
    let format = match format {
        ExportFormat::Jsonl => parallax_export::Format::Jsonl,
        ExportFormat::Csv => parallax_export::Format::Csv,
        ExportFormat::Parquet => parallax_export::Format::Parquet,
    };
    let written = parallax_export::export(&store, format, output)?;
    for w in &written {
        eprintln!("{:>9} rows  {}", w.rows, w.path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Render the report of an open store into `out`, one story at a time,
/// the stories listed in `entries` (all of them when `None`).
fn write_report(
    store: &Store,
    summary: &str,
    entries: Option<&[parallax_report::StoryEntry]>,
    out: &mut impl Write,
) -> Result<()> {
    let listed;
    let entries = match entries {
        Some(e) => e,
        None => {
            let mut all = Vec::new();
            store.for_each_story(|s| {
                all.push(parallax_report::StoryEntry::from(&s));
                Ok::<(), StoreError>(())
            })?;
            listed = all;
            &listed
        }
    };
    parallax_report::render_into(out, "Parallax report", summary, entries, |e| {
        let Some(s) = store.story(&e.id).map_err(io::Error::other)? else {
            return Ok(None);
        };
        let docs = store.documents(&s.documents).map_err(io::Error::other)?;
        Ok(Some((s, docs)))
    })?;
    Ok(())
}

fn report(store: &StoreArgs, output: &Path) -> Result<ExitCode> {
    let store = store.open()?;
    let summary = format!(
        "the store {} holds {} documents in {} stories",
        store.path().display(),
        store.document_count()?,
        store.story_count()?
    );
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".report.")
        .suffix(".partial")
        .tempfile_in(parent)
        .with_context(|| format!("creating a temporary file in {}", parent.display()))?;
    {
        let mut out = BufWriter::new(tmp.as_file());
        write_report(&store, &summary, None, &mut out)?;
        out.flush()
            .with_context(|| format!("writing {}", output.display()))?;
    }
    tmp.persist(output)
        .with_context(|| format!("replacing {}", output.display()))?;
    eprintln!("wrote {}", output.display());
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "serve")]
fn serve(store: &StoreArgs, addr: &str) -> Result<ExitCode> {
    let st = store.open()?;
    let path = st.path().display().to_string();
    parallax_serve::serve(st, addr, |bound| {
        eprintln!("serving {path} at http://{bound}/ (Ctrl-C stops)");
    })?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "serve"))]
fn serve(_: &StoreArgs, _: &str) -> Result<ExitCode> {
    anyhow::bail!("this build has no web UI: rebuild with the `serve` feature")
}

fn search(store: &StoreArgs, a: &SearchArgs) -> Result<ExitCode> {
    let store = store.open()?;
    let q = parallax_store::Query {
        kind: a.kind,
        speaker: a.speaker.clone(),
        entity: a.entity.clone(),
        act: a.act.clone(),
        outlet: a.outlet.clone(),
        from: a.from.clone(),
        to: a.to.clone(),
        story: a.story.clone(),
        mode: a.mode.clone(),
        text: a.text.clone(),
        limit: a.limit,
        offset: a.offset,
    };
    q.check().map_err(|e| anyhow::anyhow!("--{e}"))?;
    let hits = store.search(&q)?;
    let table = match a.format {
        Some(f) => f == HitFormat::Table,
        None => std::io::IsTerminal::is_terminal(&io::stdout()),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let written = if table {
        write_hit_table(&mut out, &hits)
    } else {
        hits.iter().try_for_each(|h| {
            serde_json::to_writer(&mut out, h).map_err(io::Error::from)?;
            out.write_all(b"\n")
        })
    };
    match written.and_then(|_| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e).context("writing standard output"),
    }
    if hits.is_empty() {
        eprintln!("no hits");
    }
    Ok(ExitCode::SUCCESS)
}

/// Cut `s` to at most `n` characters, marking a cut with an ellipsis.
fn clip(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        format!(
            "{}…",
            s.chars().take(n.saturating_sub(1)).collect::<String>()
        )
    }
}

fn write_hit_table(out: &mut impl Write, hits: &[parallax_store::Hit]) -> io::Result<()> {
    let rows: Vec<[String; 6]> = hits
        .iter()
        .map(|h| {
            [
                clip(&h.doc, 28),
                clip(h.outlet.as_deref().unwrap_or("-"), 18),
                h.published.clone().unwrap_or_else(|| "-".into()),
                clip(
                    h.speaker.as_deref().or(h.label.as_deref()).unwrap_or("-"),
                    24,
                ),
                format!("{}–{}", h.start, h.end),
                clip(h.context.as_deref().unwrap_or(&h.text), 70),
            ]
        })
        .collect();
    let head = ["document", "outlet", "date", "who / what", "span", "text"];
    let mut width = head.map(|h| h.chars().count());
    for r in &rows {
        for (w, c) in width.iter_mut().zip(r.iter()) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[&str]| -> io::Result<()> {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                l.push_str(c);
            } else {
                l.push_str(c);
                l.push_str(&" ".repeat(width[i] - c.chars().count() + 2));
            }
        }
        writeln!(out, "{}", l.trim_end())
    };
    line(out, &head)?;
    for r in &rows {
        let cells: Vec<&str> = r.iter().map(String::as_str).collect();
        line(out, &cells)?;
    }
    Ok(())
}

fn bench(paths: Vec<String>, input: &InputArgs) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    let bytes: u64 = input_bytes(&paths);
    let start = Instant::now();
    let mut text_chars = 0u64;
    let tally = run_pipeline(input, paths, |doc| {
        text_chars += doc.text.len() as u64;
        Ok(())
    })?;
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let mb = tally.bytes as f64 / 1e6;
    writeln!(
        out,
        "documents analysed: {} of {} read",
        tally.analysed, tally.read
    )?;
    writeln!(
        out,
        "input:              {:.1} MB on disk, {mb:.1} MB of documents",
        bytes as f64 / 1e6
    )?;
    writeln!(out, "elapsed:            {secs:.2} s")?;
    writeln!(
        out,
        "throughput:         {:.1} MB/s of documents, {:.0} documents/s",
        mb / secs,
        tally.analysed as f64 / secs
    )?;
    writeln!(out, "clean text:         {:.1} MB", text_chars as f64 / 1e6)?;
    match peak_memory_kib() {
        Some(kib) => writeln!(out, "peak memory (RSS):  {:.1} MiB", kib as f64 / 1024.0)?,
        None => writeln!(out, "peak memory (RSS):  not available on this system")?,
    }
    Ok(finish(&tally))
}

/// Score the text Parallax keeps from each benchmark page (main-text
/// extraction followed by cleaning) against the gold article bodies.
fn eval_extraction(dir: &std::path::Path, worst: usize, json: bool) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    use parallax_eval::extraction;
    let pages = extraction::load_benchmark(dir)?;
    let pipeline = Pipeline::new(PipelineOptions::default())?;
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let start = Instant::now();
    let predictions: Vec<String> = pages
        .iter()
        .map(|p| {
            let doc = parallax_model::SourceDocument {
                id: p.id.clone(),
                origin: parallax_model::Origin {
                    path: p.id.clone(),
                    record: None,
                },
                url: Some(p.url.clone()),
                outlet: None,
                published: None,
                title: None,
                body: parallax_model::Body::Html(p.html.clone()),
                warnings: Vec::new(),
            };
            pipeline
                .analyse_one(doc)
                .map(|d| d.text)
                .unwrap_or_default()
        })
        .collect();
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let s = extraction::score(&pages, &predictions);
    if json {
        writeln!(
            out,
            "{}",
            serde_json::json!({
                "pages": s.pages, "precision": s.precision, "recall": s.recall, "f1": s.f1,
                "accuracy": s.accuracy, "pages_per_second": pages.len() as f64 / secs,
                "mb_per_second": bytes as f64 / 1e6 / secs,
            })
        )?;
    } else {
        writeln!(out, "pages:      {}", s.pages)?;
        writeln!(out, "precision:  {:.3}", s.precision)?;
        writeln!(out, "recall:     {:.3}", s.recall)?;
        writeln!(out, "F1:         {:.3}", s.f1)?;
        writeln!(out, "accuracy:   {:.3}", s.accuracy)?;
        writeln!(
            out,
            "speed:      {:.1} pages/s, {:.1} MB/s (one thread)",
            pages.len() as f64 / secs,
            bytes as f64 / 1e6 / secs
        )?;
    }
    if worst > 0 {
        let mut per_page: Vec<(f64, &str, &str)> = pages
            .iter()
            .zip(&predictions)
            .map(|(p, pred)| {
                (
                    extraction::page_counts(&p.gold, pred).f1(),
                    p.id.as_str(),
                    p.url.as_str(),
                )
            })
            .collect();
        per_page.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f1, id, url) in per_page.into_iter().take(worst) {
            writeln!(out, "{f1:.3}  {id}  {url}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Train the cue model and write its file.
/// The documents of `paths` whose ids a labelled sample names, read with
/// the run's field mapping and size limit.
fn labelled_sources(
    wanted: &std::collections::BTreeSet<String>,
    paths: Vec<String>,
    input: &InputArgs,
) -> Result<Vec<parallax_model::SourceDocument>> {
    let mut reader_opts = ReaderOptions {
        max_document_bytes: input.max_doc_bytes,
        ..Default::default()
    };
    for f in &input.fields {
        reader_opts.fields.set(f)?;
    }
    let mut sources = Vec::new();
    for ev in parallax_ingest::Reader::new(paths, reader_opts) {
        match ev {
            parallax_ingest::Event::Document(d) if wanted.contains(&d.id) => sources.push(*d),
            parallax_ingest::Event::Problem(p) if !input.quiet => eprintln!("skipped {p}"),
            _ => {}
        }
    }
    Ok(sources)
}

/// The hand-labelled sample a training run adds, if any.
struct TrainLabels<'a> {
    labels: Option<&'a Path>,
    articles: Vec<String>,
    input: &'a InputArgs,
}

/// The labelled articles of a sample: each article cleaned on its own, as
/// `eval labels` analyses it, with its labelled records.
fn labelled_articles(t: &TrainLabels<'_>) -> Result<Vec<parallax_eval::train::LabelledArticle>> {
    use parallax_eval::labels;
    let Some(path) = t.labels else {
        return Ok(Vec::new());
    };
    let labels = labels::load_labels(path)?;
    let wanted = labels::document_ids(&labels);
    let pipeline = t.input.pipeline()?;
    let mut out = Vec::new();
    for d in labelled_sources(&wanted, t.articles.clone(), t.input)? {
        let id = d.id.clone();
        match pipeline.clean_one(d) {
            Ok(clean) => out.push(parallax_eval::train::LabelledArticle {
                text: clean.text,
                input: clean.input,
                records: labels
                    .iter()
                    .filter(|l| l.doc_id == id)
                    .map(|l| (l.input_start, l.input_end, l.speech))
                    .collect(),
            }),
            Err(p) => eprintln!("skipped {p}"),
        }
    }
    if out.len() < wanted.len() {
        anyhow::bail!(
            "{}: {} of the {} labelled articles are not in {}",
            path.display(),
            wanted.len() - out.len(),
            wanted.len(),
            t.articles.join(", ")
        );
    }
    Ok(out)
}

fn train_cues(
    dir: &std::path::Path,
    output: &std::path::Path,
    mut settings: parallax_eval::train::TrainSettings,
    epochs: usize,
    labelled: TrainLabels<'_>,
) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    let docs = parallax_eval::attribution::load_brat(dir)?;
    let articles = labelled_articles(&labelled)?;
    settings.fit.epochs = epochs;
    let outcome = parallax_eval::train::train_cue_model(&docs, &articles, &settings);
    writeln!(
        out,
        "thresholds tried in five-fold cross-validation (F1 at 30%; the best F1 whose speech precision reaches {:.0}%):",
        parallax_eval::train::SPEECH_PRECISION_FLOOR * 100.0
    )?;
    writeln!(
        out,
        "     new     rule   nested       P       R      F1  speech P"
    )?;
    for row in &outcome.tuning {
        writeln!(
            out,
            "{:>8} {:>8} {:>8} {:>6.1}% {:>6.1}% {:>6.2}% {:>8.1}%",
            row.thresholds.new,
            row.thresholds.rule,
            row.thresholds.nested,
            row.precision * 100.0,
            row.recall * 100.0,
            row.f1 * 100.0,
            row.speech_precision * 100.0
        )?;
    }
    writeln!(
        out,
        "chosen: new {} rule {} nested {}; {} candidate words, {} examples ({} positive)",
        outcome.chosen.thresholds.new,
        outcome.chosen.thresholds.rule,
        outcome.chosen.thresholds.nested,
        outcome.vocabulary,
        outcome.examples,
        outcome.positives
    )?;
    write!(
        out,
        "confidence curves (origin, slope, intercept), fitted on the held-out folds:\n{}",
        outcome.calibration.lines()
    )?;
    std::fs::write(output, &outcome.model)
        .with_context(|| format!("cannot write {}", output.display()))?;
    writeln!(out, "wrote {}", output.display())?;
    Ok(ExitCode::SUCCESS)
}

/// Score quotation attribution against brat-annotated articles.
fn eval_attribution(dir: &std::path::Path, json: bool, show: usize) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    let docs = parallax_eval::attribution::load_brat(dir)?;
    let start = Instant::now();
    let predictions: Vec<_> = docs
        .iter()
        .map(|d| parallax_eval::predict::predict_quotes(&d.text))
        .collect();
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let report = parallax_eval::attribution::score(&docs, &predictions);
    if json {
        writeln!(
            out,
            "{}",
            serde_json::json!({
                "documents": report.documents,
                "f1_30": report.at30.f1, "precision_30": report.at30.precision, "recall_30": report.at30.recall,
                "f1_80": report.at80.f1, "precision_80": report.at80.precision, "recall_80": report.at80.recall,
                "speaker_accuracy": report.speaker_accuracy,
                "quoted_recall": report.quoted_recall,
                "speech_precision_30": report.speech.precision,
                "speech_recall_30": report.speech.recall,
                "expected_calibration_error": report.calibration.expected_calibration_error,
                "seconds": secs,
            })
        )?;
    } else {
        writeln!(out, "{report}")?;
        writeln!(out, "annotated {} documents in {secs:.2} s", docs.len())?;
    }
    if show > 0 {
        parallax_eval::predict::show_differences(&mut out, &docs, &predictions, show)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The labelled articles among `paths`, each analysed on its own, as the
/// samples were drawn (no corpus stage); an article that cannot be read
/// is named and skipped.
fn analyse_labelled(
    wanted: &std::collections::BTreeSet<String>,
    paths: Vec<String>,
    input: &InputArgs,
) -> Result<Vec<parallax_model::Document>> {
    use rayon::prelude::*;
    let pipeline = input.pipeline()?;
    let sources = labelled_sources(wanted, paths, input)?;
    let results: Vec<_> = sources
        .into_par_iter()
        .map(|d| pipeline.analyse_one(d))
        .collect();
    let mut docs = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(d) => docs.push(d),
            Err(p) => eprintln!("skipped {p}"),
        }
    }
    Ok(docs)
}

fn eval_acts(
    labels_path: &Path,
    paths: Vec<String>,
    input: &InputArgs,
    show: usize,
) -> Result<ExitCode> {
    use parallax_eval::acts;
    let labels = acts::load_act_labels(labels_path)?;
    let wanted: std::collections::BTreeSet<String> =
        labels.iter().map(|l| l.doc_id.clone()).collect();
    let docs = analyse_labelled(&wanted, paths, input)?;
    let report = acts::score_acts(&labels, &docs);
    let mut out = io::stdout().lock();
    writeln!(out, "{report}")?;
    for line in acts::show_wrong(&report, show) {
        writeln!(out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn train_story_prior(
    paths: Vec<String>,
    output: &Path,
    min_df: u32,
    input: &InputArgs,
) -> Result<ExitCode> {
    let shown = paths.join(", ");
    let mut prior = parallax_link::Prior::default();
    let tally = run_pipeline(input, paths, |doc| {
        prior.count(&doc);
        Ok(())
    })?;
    print_tally(&tally);
    if prior.documents == 0 {
        anyhow::bail!("nothing could be analysed in {shown}");
    }
    let header = format!(
        "Written by `parallax train story-prior`; see crates/parallax-link/src/stories.rs.\n\
         {} documents; features held by at least {min_df} of them.",
        prior.documents
    );
    let text = prior.write(&header, min_df);
    std::fs::write(output, &text).with_context(|| format!("cannot write {}", output.display()))?;
    println!(
        "wrote {} ({} lines)",
        output.display(),
        text.lines().count()
    );
    Ok(ExitCode::SUCCESS)
}

/// The topics a `--topics` value names: "36-45" or "1,3,5".
fn topic_set(spec: &str) -> Result<std::collections::BTreeSet<String>> {
    let mut out = std::collections::BTreeSet::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b): (u32, u32) = (
                    a.trim()
                        .parse()
                        .with_context(|| format!("--topics: {a:?} is no number"))?,
                    b.trim()
                        .parse()
                        .with_context(|| format!("--topics: {b:?} is no number"))?,
                );
                out.extend((a..=b).map(|t| t.to_string()));
            }
            None => {
                out.insert(part.to_string());
            }
        }
    }
    Ok(out)
}

fn eval_stories(
    gold_path: &Path,
    paths: Vec<String>,
    topics: Option<&str>,
    seed: u64,
    threshold: Option<f32>,
    json: bool,
    input: &InputArgs,
) -> Result<ExitCode> {
    use parallax_eval::stories;
    let mut gold = stories::load_gold(gold_path)?;
    if let Some(spec) = topics {
        let keep = topic_set(spec)?;
        gold.retain(|g| g.topic.as_ref().is_some_and(|t| keep.contains(t)));
        if gold.is_empty() {
            anyhow::bail!("{}: no gold row has a topic in {spec}", gold_path.display());
        }
    }
    let wanted: std::collections::BTreeSet<String> =
        gold.iter().map(|g| g.doc_id.clone()).collect();
    let mut docs = analyse_labelled(&wanted, paths.clone(), input)?;
    if docs.len() < wanted.len() {
        eprintln!(
            "{} of the {} gold documents are not in {}",
            wanted.len() - docs.len(),
            wanted.len(),
            paths.join(", ")
        );
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let order = stories::shuffled(docs.len(), seed);
    let gold_map: std::collections::HashMap<String, String> =
        gold.into_iter().map(|g| (g.doc_id, g.cluster)).collect();
    let mut settings = parallax_link::StorySettings::default();
    if let Some(t) = threshold {
        settings.threshold = t;
    }
    let (scores, _) = stories::group_and_score(&docs, &order, &gold_map, settings);
    let mut out = io::stdout().lock();
    if json {
        writeln!(
            out,
            "{}",
            serde_json::json!({
                "documents": scores.documents,
                "gold_clusters": scores.gold_clusters,
                "predicted_clusters": scores.predicted_clusters,
                "pairwise_precision": scores.pairwise_precision,
                "pairwise_recall": scores.pairwise_recall,
                "pairwise_f1": scores.pairwise_f1,
                "bcubed_precision": scores.bcubed_precision,
                "bcubed_recall": scores.bcubed_recall,
                "bcubed_f1": scores.bcubed_f1,
            })
        )?;
    } else {
        writeln!(out, "{scores}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_labels(
    labels_path: &Path,
    paths: Vec<String>,
    input: &InputArgs,
    json: bool,
    show: usize,
) -> Result<ExitCode> {
    use parallax_eval::labels;
    let labels = labels::load_labels(labels_path)?;
    let wanted = labels::document_ids(&labels);
    let docs = analyse_labelled(&wanted, paths, input)?;
    let report = labels::score_labels(&labels, &docs);
    let mut out = io::stdout().lock();
    if json {
        writeln!(
            out,
            "{}",
            serde_json::json!({
                "labels": report.labels,
                "outlets": report.outlets,
                "documents": report.documents,
                "documents_missing": report.documents_missing.len(),
                "speech_records": report.speech_records,
                "speech_precision": report.speech_precision(),
                "speaker_accuracy": report.speaker_accuracy(),
                "name_accuracy": report.name_accuracy(),
                "other_mode": report.other_mode,
                "lost_speech": report.lost_speech,
                "lost_not_speech": report.lost_not_speech,
            })
        )?;
    } else {
        writeln!(
            out,
            "{} labels from {} articles of {} outlets ({} articles not in the input)",
            report.labels,
            report.documents,
            report.outlets,
            report.documents_missing.len()
        )?;
        writeln!(
            out,
            "speech precision  {:.3}  ({} of {} speech-profile records report speech or writing)",
            report.speech_precision(),
            report.speech_right,
            report.speech_records
        )?;
        writeln!(
            out,
            "speaker accuracy  {:.3}  ({} of {})",
            report.speaker_accuracy(),
            report.speaker_right,
            report.speaker_judged
        )?;
        writeln!(
            out,
            "name accuracy     {:.3}  ({} of {} where the article names the speaker)",
            report.name_accuracy(),
            report.named_right,
            report.named_judged
        )?;
        writeln!(
            out,
            "labels whose record is now thought or evidence: {}; with no record: {} labelled speech, {} not",
            report.other_mode, report.lost_speech, report.lost_not_speech
        )?;
    }
    if show > 0 {
        let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
        for (kind, j) in report.errors() {
            let n = shown.entry(kind).or_default();
            *n += 1;
            if *n > show {
                continue;
            }
            writeln!(
                out,
                "[{kind}] line {} {} {}-{} ({}) cue={:?} name={:?} mention={:?} | label speaker={:?} named={} | {}",
                j.line,
                j.doc_id,
                j.input_start,
                j.input_end,
                j.outlet,
                j.record_cue,
                j.record_name,
                j.record_mention,
                j.label_speaker,
                j.label_named,
                j.note
            )?;
            if let Some(t) = &j.record_text {
                let t: String = t.chars().take(160).collect();
                writeln!(out, "    {t}")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn input_bytes(paths: &[String]) -> u64 {
    let mut total = 0;
    for p in paths {
        let path = std::path::Path::new(p);
        if path.is_dir() {
            let mut stack = vec![path.to_path_buf()];
            while let Some(dir) = stack.pop() {
                let Ok(entries) = fs::read_dir(&dir) else {
                    continue;
                };
                for e in entries.flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else {
                        total += e.metadata().map(|m| m.len()).unwrap_or(0);
                    }
                }
            }
        } else {
            total += fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        }
    }
    total
}

/// Peak resident memory of this process, from the kernel's own account.
fn peak_memory_kib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract { paths, input } => extract(paths, &input),
        Command::Search { store, query } => search(&store, &query),
        Command::Export {
            store,
            format,
            output,
        } => export(&store, format, &output),
        Command::Report { store, output } => report(&store, &output),
        Command::Serve { store, addr } => serve(&store, &addr),
        Command::Analyze {
            paths,
            output,
            db,
            input,
        } => analyze(paths, output, db, &input),
        Command::Bench { paths, input } => bench(paths, &input),
        Command::Eval(EvalCommand::Extraction { dir, worst, json }) => {
            eval_extraction(&dir, worst, json)
        }
        Command::Eval(EvalCommand::Attribution {
            format: GoldFormat::Brat,
            dir,
            json,
            show,
        }) => eval_attribution(&dir, json, show),
        Command::Eval(EvalCommand::Labels {
            labels,
            paths,
            input,
            json,
            show,
        }) => eval_labels(&labels, paths, &input, json, show),
        Command::Eval(EvalCommand::Acts {
            labels,
            paths,
            input,
            show,
        }) => eval_acts(&labels, paths, &input, show),
        Command::Train(TrainCommand::StoryPrior {
            paths,
            output,
            min_df,
            input,
        }) => train_story_prior(paths, &output, min_df, &input),
        Command::Eval(EvalCommand::Stories {
            gold,
            paths,
            topics,
            seed,
            threshold,
            json,
            input,
        }) => eval_stories(
            &gold,
            paths,
            topics.as_deref(),
            seed,
            threshold,
            json,
            &input,
        ),
        Command::Train(TrainCommand::Cues {
            format: GoldFormat::Brat,
            dir,
            output,
            min_count,
            min_rate,
            epochs,
            labels,
            articles,
            label_weight,
            input,
        }) => {
            let settings = parallax_eval::train::TrainSettings {
                min_count,
                min_rate,
                label_weight,
                ..Default::default()
            };
            let labelled = TrainLabels {
                labels: labels.as_deref(),
                articles,
                input: &input,
            };
            train_cues(&dir, &output, settings, epochs, labelled)
        }
    };
    match result {
        Ok(code) => code,
        // A reader that closed the pipe (`| head`) has what it wanted.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Wrong arguments are refused by the parser with code 2; a run
            // that cannot go on (an unwritable output, a missing benchmark)
            // fails with 1.
            eprintln!("parallax: {e:#}");
            ExitCode::FAILURE
        }
    }
}
