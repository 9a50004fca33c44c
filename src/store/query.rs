//! Queries over a collection: equality filters on (dotted) fields, one sort key,
//! offset and limit, in the spirit of json-server's `?field=value&_sort=&_limit=`.

use serde_json::Value;
use std::cmp::Ordering;

/// One equality test on a field path (`board_id`, `author.id`).
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    /// Dotted path.
    pub field: String,
    /// Required value.
    pub value: Value,
}

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

/// What to list.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Query {
    /// All must hold.
    pub filters: Vec<Filter>,
    /// Sort key and direction (id order when `None`).
    pub sort: Option<(String, Order)>,
    /// Skip this many.
    pub offset: usize,
    /// At most this many.
    pub limit: Option<usize>,
}

impl Query {
    /// Everything.
    pub fn all() -> Self {
        Self::default()
    }

    /// Adds `field == value`.
    pub fn eq(mut self, field: &str, value: impl Into<Value>) -> Self {
        self.filters.push(Filter {
            field: field.to_owned(),
            value: value.into(),
        });
        self
    }

    /// The same filters, without sort, offset or limit (what a count counts).
    pub fn filters_only(&self) -> Self {
        Self {
            filters: self.filters.clone(),
            ..Self::default()
        }
    }

    /// Sorts by `field`.
    pub fn sort(mut self, field: &str, order: Order) -> Self {
        self.sort = Some((field.to_owned(), order));
        self
    }

    /// Pages the result.
    pub fn page(mut self, offset: usize, limit: usize) -> Self {
        self.offset = offset;
        self.limit = Some(limit);
        self
    }

    /// Whether `doc` passes the filters.
    pub fn matches(&self, doc: &Value) -> bool {
        self.filters
            .iter()
            .all(|f| field(doc, &f.field) == Some(&f.value))
    }

    /// Filters, sorts and pages documents already in id order.
    pub fn apply<'a>(&self, docs: impl Iterator<Item = &'a Value>) -> Vec<Value> {
        let mut out: Vec<&Value> = docs.filter(|d| self.matches(d)).collect();
        if let Some((key, order)) = &self.sort {
            out.sort_by(|a, b| {
                let o = compare(field(a, key), field(b, key));
                if *order == Order::Desc {
                    o.reverse()
                } else {
                    o
                }
            });
        }
        let limit = self.limit.unwrap_or(usize::MAX);
        out.into_iter()
            .skip(self.offset)
            .take(limit)
            .cloned()
            .collect()
    }
}

/// The value at a dotted path.
pub fn field<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(doc, |v, key| v.get(key))
}

fn compare(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    match (a, b) {
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .unwrap_or(0.0)
            .partial_cmp(&y.as_f64().unwrap_or(0.0))
            .unwrap_or(Ordering::Equal),
        (Some(Value::String(x)), Some(Value::String(y))) => x.cmp(y),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        _ => Ordering::Equal,
    }
}
