//! `ziping table … --parquet OUT`: the province table (one row per school × resource indicator ×
//! part, see `core::aggregate::indicator_rows`) as a Parquet file, for DuckDB or Spark. The
//! schema is documented in docs/province.md, with the SQL that computes every county's figures.

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::path::Path;
use std::sync::Arc;
use ziping_core::core::aggregate::IndicatorRow;

/// The table's schema (docs/province.md describes each column).
pub const SCHEMA: &str = "
message school_indicators {
  REQUIRED BYTE_ARRAY county (UTF8);
  REQUIRED BYTE_ARRAY school_code (UTF8);
  REQUIRED BYTE_ARRAY school_name (UTF8);
  REQUIRED BYTE_ARRAY file (UTF8);
  REQUIRED BYTE_ARRAY status (UTF8);
  REQUIRED BOOLEAN counted;
  OPTIONAL BYTE_ARRAY checklist (UTF8);
  OPTIONAL BYTE_ARRAY version (UTF8);
  OPTIONAL BYTE_ARRAY school_year (UTF8);
  OPTIONAL BYTE_ARRAY school_type (UTF8);
  OPTIONAL BYTE_ARRAY indicator (UTF8);
  OPTIONAL BYTE_ARRAY part (UTF8);
  OPTIONAL BYTE_ARRAY side (UTF8);
  OPTIONAL DOUBLE students;
  OPTIONAL DOUBLE value;
  OPTIONAL BYTE_ARRAY threshold_op (UTF8);
  OPTIONAL DOUBLE threshold;
  OPTIONAL DOUBLE threshold_max;
  OPTIONAL BYTE_ARRAY outcome (UTF8);
}";

/// Rows per row group: small enough to write in steps, large enough for a scan.
const ROW_GROUP: usize = 65_536;

/// A required text column.
fn text(rows: &[IndicatorRow], get: impl Fn(&IndicatorRow) -> &str) -> Vec<ByteArray> {
    rows.iter().map(|r| ByteArray::from(get(r))).collect()
}

/// An optional column: the values present and a definition level per row (1 present, 0 null).
fn optional<T, V>(
    rows: &[IndicatorRow],
    get: impl Fn(&IndicatorRow) -> Option<T>,
    into: impl Fn(T) -> V,
) -> (Vec<V>, Vec<i16>) {
    let mut values = Vec::new();
    let mut levels = Vec::with_capacity(rows.len());
    for r in rows {
        match get(r) {
            Some(v) => {
                values.push(into(v));
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    (values, levels)
}

/// Writes the rows to `path` (snappy-compressed).
pub fn write_parquet(rows: &[IndicatorRow], path: &Path) -> Result<(), String> {
    let schema = Arc::new(parse_message_type(SCHEMA).map_err(|e| e.to_string())?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    // Written in memory, then to disk whole (a failed write leaves the previous table).
    let mut writer =
        SerializedFileWriter::new(Vec::new(), schema, props).map_err(|e| e.to_string())?;
    let err = |e: parquet::errors::ParquetError| e.to_string();
    for group in rows.chunks(ROW_GROUP) {
        let mut rg = writer.next_row_group().map_err(err)?;
        let mut column = 0;
        while let Some(mut col) = rg.next_column().map_err(err)? {
            let s = |v: Option<&String>| v.map(|s| ByteArray::from(s.as_str()));
            match column {
                0 => col.typed::<ByteArrayType>().write_batch(
                    &text(group, |r| &r.county),
                    None,
                    None,
                ),
                1 => col.typed::<ByteArrayType>().write_batch(
                    &text(group, |r| &r.school_code),
                    None,
                    None,
                ),
                2 => col.typed::<ByteArrayType>().write_batch(
                    &text(group, |r| &r.school_name),
                    None,
                    None,
                ),
                3 => {
                    col.typed::<ByteArrayType>()
                        .write_batch(&text(group, |r| &r.file), None, None)
                }
                4 => {
                    col.typed::<ByteArrayType>()
                        .write_batch(&text(group, |r| r.status), None, None)
                }
                5 => {
                    let counted: Vec<bool> = group.iter().map(|r| r.counted).collect();
                    col.typed::<BoolType>().write_batch(&counted, None, None)
                }
                6..=12 | 15 | 18 => {
                    let (values, levels) = optional(
                        group,
                        |r| match column {
                            6 => s(r.checklist.as_ref()),
                            7 => s(r.version.as_ref()),
                            8 => s(r.school_year.as_ref()),
                            9 => r.school_type.map(ByteArray::from),
                            10 => s(r.indicator.as_ref()),
                            11 => r.part.map(ByteArray::from),
                            12 => r.side.map(ByteArray::from),
                            15 => r.threshold_op.map(ByteArray::from),
                            _ => r.outcome.map(ByteArray::from),
                        },
                        |v| v,
                    );
                    col.typed::<ByteArrayType>()
                        .write_batch(&values, Some(&levels), None)
                }
                _ => {
                    let (values, levels) = optional(
                        group,
                        |r| match column {
                            13 => r.students,
                            14 => r.value,
                            16 => r.threshold,
                            _ => r.threshold_max,
                        },
                        |v| v,
                    );
                    col.typed::<DoubleType>()
                        .write_batch(&values, Some(&levels), None)
                }
            }
            .map_err(err)?;
            col.close().map_err(err)?;
            column += 1;
        }
        rg.close().map_err(err)?;
    }
    let bytes = writer.into_inner().map_err(err)?;
    crate::io::write_atomic(path, &bytes).map_err(|e| e.to_string())
}
