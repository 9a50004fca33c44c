//! Series the user supplies next to the activity (visitors, conversions, support
//! tickets): a CSV with a `date` column (`YYYY-MM-DD`, or an RFC 3339 time taken as its
//! UTC day) and one numeric column per series, e.g. `date,visitors,conversions,tickets`.

use super::columns::{csv_reader, field, is_blank, shown, text};
use super::error::{ImportError, ImportReport};
use super::members::malformed;
use super::rfc3339::parse_time;
use crate::domain::metrics::supplied::SuppliedSeries;
use crate::domain::time::Day;

/// Reads every non-`date` column of `bytes` as a series; an empty cell is "no value".
///
/// ```
/// use gromada::domain::import::series::read_series;
/// use gromada::domain::time::Day;
/// let csv = "date,tickets\n2025-01-01,4\n2025-01-02,\n2025-01-03,x\n";
/// let (series, report) = read_series("tickets.csv", csv.as_bytes()).unwrap();
/// assert_eq!(series[0].name, "tickets");
/// assert_eq!(series[0].get(Day::parse("2025-01-01").unwrap()), Some(4.0));
/// assert_eq!(report.bad_rows[0].to_string(), "line 4: tickets 'x' is not a number");
/// ```
pub fn read_series(
    file: &str,
    bytes: &[u8],
) -> Result<(Vec<SuppliedSeries>, ImportReport), ImportError> {
    let mut reader = csv_reader(bytes);
    let mut record = csv::ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => {
            return Err(ImportError::Empty {
                file: file.to_owned(),
                needed: "date and one column per series".to_owned(),
            })
        }
        Err(e) => return Err(malformed(file, &e)),
    }
    let names: Vec<String> = record
        .iter()
        .map(|f| {
            String::from_utf8_lossy(f)
                .trim_start_matches('\u{feff}')
                .trim()
                .to_lowercase()
        })
        .collect();
    let Some(date_col) = names.iter().position(|n| n == "date") else {
        return Err(ImportError::MissingColumn {
            file: file.to_owned(),
            column: "date".to_owned(),
            found: names.join(", "),
            needed: "date and one column per series".to_owned(),
        });
    };
    let mut series: Vec<SuppliedSeries> = names
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != date_col)
        .map(|(_, n)| SuppliedSeries::new(n))
        .collect();
    let mut report = ImportReport::default();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(malformed(file, &e)),
        }
        if is_blank(&record) {
            continue;
        }
        report.rows += 1;
        let line = record.position().map_or(0, csv::Position::line);
        let row = (|| {
            let date = text(field(&record, date_col), "date")?;
            let day = Day::parse(date)
                .or_else(|| parse_time(date).ok().map(|t| Day(t.day())))
                .ok_or_else(|| format!("date '{}' is not a YYYY-MM-DD date", shown(date)))?;
            let mut values = Vec::new();
            for (i, name) in names.iter().enumerate().filter(|(i, _)| *i != date_col) {
                let cell = text(field(&record, i), name)?;
                let value = if cell.is_empty() {
                    None
                } else {
                    Some(
                        cell.parse::<f64>()
                            .ok()
                            .filter(|v| v.is_finite())
                            .ok_or_else(|| format!("{name} '{}' is not a number", shown(cell)))?,
                    )
                };
                values.push(value);
            }
            Ok::<_, String>((day, values))
        })();
        match row {
            Ok((day, values)) => {
                report.kept += 1;
                for (s, v) in series.iter_mut().zip(values) {
                    if let Some(v) = v {
                        s.set(day, v);
                    }
                }
            }
            Err(reason) => report.skip(line, reason),
        }
    }
    Ok((series, report))
}
