//! Exports: every table of a store ([`parallax_store::export::TABLES`])
//! written as one file each, JSON Lines, CSV or Parquet, into a directory.
//!
//! Parquet files use plain Arrow types (64-bit integers and floats, UTF-8
//! strings, every column nullable), one row group per 64k rows, Snappy
//! compressed, so that pandas, pyarrow, R's arrow and DuckDB read them as
//! they are. Parquet is behind the `parquet` feature (on by default).
//!
//! This crate must not query or change the store beyond reading its
//! export tables, and must not reshape records: a row is a stored record.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

#[cfg(feature = "parquet")]
use parallax_store::export::ColumnType;
use parallax_store::export::{Cell, Table, TABLES};
use parallax_store::{Store, StoreError};

/// The file formats an export can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
    Parquet,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

/// What can go wrong writing an export; messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("this build has no Parquet support: rebuild with the `parquet` feature")]
    NoParquet,
}

/// One table written: its file and how many rows it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub table: &'static str,
    pub path: PathBuf,
    pub rows: usize,
}

/// Write every export table of `store` into `dir` (created if missing) as
/// `<table>.<extension>`. Each file is written beside its final name and
/// renamed over it only when complete.
pub fn export(store: &Store, format: Format, dir: &Path) -> Result<Vec<Written>, ExportError> {
    fs::create_dir_all(dir).map_err(|e| ExportError::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut out = Vec::new();
    for t in TABLES {
        let path = dir.join(format!("{}.{}", t.name, format.extension()));
        let partial = dir.join(format!(".{}.{}.partial", t.name, format.extension()));
        let io_err = |e: io::Error| ExportError::Io {
            path: partial.clone(),
            source: e,
        };
        let file = fs::File::create(&partial).map_err(io_err)?;
        let rows = match format {
            Format::Jsonl => write_jsonl(store, t, file, &partial)?,
            Format::Csv => write_csv(store, t, file, &partial)?,
            Format::Parquet => write_parquet(store, t, file, &partial)?,
        };
        fs::rename(&partial, &path).map_err(|e| ExportError::Io {
            path: path.clone(),
            source: e,
        })?;
        out.push(Written {
            table: t.name,
            path,
            rows,
        });
    }
    Ok(out)
}

fn cell_json(c: &Cell) -> serde_json::Value {
    match c {
        Cell::Null => serde_json::Value::Null,
        Cell::Int(i) => (*i).into(),
        Cell::Real(x) => serde_json::Number::from_f64(*x)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Cell::Text(s) => s.clone().into(),
    }
}

fn write_jsonl(
    store: &Store,
    t: &Table,
    file: fs::File,
    path: &Path,
) -> Result<usize, ExportError> {
    let mut w = BufWriter::new(file);
    let io_err = |e: io::Error| ExportError::Io {
        path: path.to_path_buf(),
        source: e,
    };
    let n = store.export_rows(t, |cells| {
        let mut obj = serde_json::Map::with_capacity(cells.len());
        for ((name, _), c) in t.columns.iter().zip(cells) {
            obj.insert((*name).to_string(), cell_json(c));
        }
        serde_json::to_writer(&mut w, &obj).map_err(|e| io_err(io::Error::other(e)))?;
        w.write_all(b"\n").map_err(io_err)
    })?;
    w.flush().map_err(io_err)?;
    Ok(n)
}

fn write_csv(store: &Store, t: &Table, file: fs::File, path: &Path) -> Result<usize, ExportError> {
    let mut w = csv::Writer::from_writer(BufWriter::new(file));
    let csv_err = |e: csv::Error| ExportError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    w.write_record(t.columns.iter().map(|(n, _)| *n))
        .map_err(csv_err)?;
    let n = store.export_rows(t, |cells| {
        w.write_record(cells.iter().map(|c| match c {
            Cell::Null => String::new(),
            Cell::Int(i) => i.to_string(),
            Cell::Real(x) => x.to_string(),
            Cell::Text(s) => s.clone(),
        }))
        .map_err(csv_err)
    })?;
    w.flush().map_err(|e| ExportError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    Ok(n)
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(_: &Store, _: &Table, _: fs::File, _: &Path) -> Result<usize, ExportError> {
    Err(ExportError::NoParquet)
}

/// Rows per Arrow batch (and Parquet row group).
#[cfg(feature = "parquet")]
const BATCH_ROWS: usize = 65_536;

#[cfg(feature = "parquet")]
fn write_parquet(
    store: &Store,
    t: &Table,
    file: fs::File,
    path: &Path,
) -> Result<usize, ExportError> {
    use std::sync::Arc;

    use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
    use arrow_array::{ArrayRef, RecordBatch};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;

    let fail = |reason: String| ExportError::Write {
        path: path.to_path_buf(),
        reason,
    };
    let schema = Arc::new(Schema::new(
        t.columns
            .iter()
            .map(|(name, kind)| {
                let dt = match kind {
                    ColumnType::Int => DataType::Int64,
                    ColumnType::Real => DataType::Float64,
                    ColumnType::Text => DataType::Utf8,
                };
                Field::new(*name, dt, true)
            })
            .collect::<Vec<_>>(),
    ));
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_size(BATCH_ROWS)
        .build();
    let mut writer = ArrowWriter::try_new(BufWriter::new(file), schema.clone(), Some(props))
        .map_err(|e| fail(e.to_string()))?;
    enum Col {
        Int(Int64Builder),
        Real(Float64Builder),
        Text(StringBuilder),
    }
    let fresh = || -> Vec<Col> {
        t.columns
            .iter()
            .map(|(_, k)| match k {
                ColumnType::Int => Col::Int(Int64Builder::new()),
                ColumnType::Real => Col::Real(Float64Builder::new()),
                ColumnType::Text => Col::Text(StringBuilder::new()),
            })
            .collect()
    };
    let mut cols = fresh();
    let mut pending = 0usize;
    let flush = |cols: &mut Vec<Col>,
                 writer: &mut ArrowWriter<BufWriter<fs::File>>|
     -> Result<(), ExportError> {
        let arrays: Vec<ArrayRef> = cols
            .iter_mut()
            .map(|c| -> ArrayRef {
                match c {
                    Col::Int(b) => Arc::new(b.finish()),
                    Col::Real(b) => Arc::new(b.finish()),
                    Col::Text(b) => Arc::new(b.finish()),
                }
            })
            .collect();
        let batch =
            RecordBatch::try_new(schema.clone(), arrays).map_err(|e| fail(e.to_string()))?;
        writer.write(&batch).map_err(|e| fail(e.to_string()))
    };
    let n = store.export_rows(t, |cells| -> Result<(), ExportError> {
        for (c, v) in cols.iter_mut().zip(cells) {
            match (c, v) {
                (Col::Int(b), Cell::Int(i)) => b.append_value(*i),
                (Col::Int(b), Cell::Real(x)) => b.append_value(*x as i64),
                (Col::Int(b), _) => b.append_null(),
                (Col::Real(b), Cell::Real(x)) => b.append_value(*x),
                (Col::Real(b), Cell::Int(i)) => b.append_value(*i as f64),
                (Col::Real(b), _) => b.append_null(),
                (Col::Text(b), Cell::Text(s)) => b.append_value(s),
                (Col::Text(b), Cell::Int(i)) => b.append_value(i.to_string()),
                (Col::Text(b), Cell::Real(x)) => b.append_value(x.to_string()),
                (Col::Text(b), Cell::Null) => b.append_null(),
            }
        }
        pending += 1;
        if pending == BATCH_ROWS {
            flush(&mut cols, &mut writer)?;
            pending = 0;
        }
        Ok(())
    })?;
    if pending > 0 || n == 0 {
        flush(&mut cols, &mut writer)?;
    }
    writer.close().map_err(|e| fail(e.to_string()))?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Document, Outlet, Span};

    fn doc(id: &str, text: &str) -> Document {
        let n = text.chars().count();
        Document {
            id: id.into(),
            source: format!("{id}.txt"),
            url: None,
            outlet: Some(Outlet {
                name: "Gazette, \"Evening\"".into(),
                evidence: "test".into(),
            }),
            published: Some("2031-03-01".into()),
            published_evidence: None,
            title: None,
            sentences: vec![Span::new(0, n)],
            paragraphs: vec![Span::new(0, n)],
            text: text.into(),
            removed: vec![],
            quotes: vec![],
            entities: vec![],
            statements: vec![],
            counts: vec![],
            dates: vec![],
            language: None,
            warnings: vec![],
            fingerprint: Default::default(),
        }
    }

    fn store(dir: &Path) -> Store {
        let mut s = Store::open(&dir.join("s.sqlite")).unwrap();
        let run = s.start_run("t", "now").unwrap();
        let mut b = s.batch(run).unwrap();
        b.add(&doc("a", "One line,\nwith \"quotes\" and a comma."))
            .unwrap();
        b.add(&doc("b", "Another.")).unwrap();
        b.commit().unwrap();
        s
    }

    #[test]
    fn every_table_is_written_with_the_stores_rows() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        for format in [Format::Jsonl, Format::Csv] {
            let out = dir.path().join(format.extension());
            let written = export(&s, format, &out).unwrap();
            assert_eq!(written.len(), TABLES.len());
            let docs = written.iter().find(|w| w.table == "documents").unwrap();
            assert_eq!(docs.rows, 2);
            let text = fs::read_to_string(&docs.path).unwrap();
            match format {
                Format::Jsonl => {
                    let first: serde_json::Value =
                        serde_json::from_str(text.lines().next().unwrap()).unwrap();
                    assert_eq!(first["doc"], "a");
                    assert_eq!(first["text"], "One line,\nwith \"quotes\" and a comma.");
                    assert_eq!(first["url"], serde_json::Value::Null);
                }
                _ => {
                    let mut r = csv::Reader::from_reader(text.as_bytes());
                    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
                    assert_eq!(rows.len(), 2);
                    assert_eq!(&rows[0][9], "One line,\nwith \"quotes\" and a comma.");
                    assert_eq!(&rows[0][3], "Gazette, \"Evening\"");
                }
            }
            // No partial file is left behind.
            assert!(fs::read_dir(&out).unwrap().all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".partial")));
        }
    }

    #[cfg(feature = "parquet")]
    #[test]
    fn parquet_files_read_back_with_their_rows_and_types() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let out = dir.path().join("pq");
        let written = export(&s, Format::Parquet, &out).unwrap();
        for w in &written {
            let r = SerializedFileReader::new(fs::File::open(&w.path).unwrap()).unwrap();
            let meta = r.metadata();
            assert_eq!(
                meta.file_metadata().num_rows() as usize,
                w.rows,
                "{}",
                w.table
            );
            let t = parallax_store::export::table(w.table).unwrap();
            assert_eq!(
                meta.file_metadata().schema_descr().num_columns(),
                t.columns.len()
            );
        }
        assert_eq!(
            written
                .iter()
                .find(|w| w.table == "documents")
                .unwrap()
                .rows,
            2
        );
    }
}
