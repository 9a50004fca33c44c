//! Schema versions of stored data and the migrations between them. Pure functions over
//! JSON documents, so they are tested natively; the localStorage store runs them at start.

use super::Collection;
use serde_json::Value;

/// The schema this build writes. Bump it with a migration whenever stored shapes change
/// in a way serde defaults cannot absorb.
pub const CURRENT_SCHEMA: u32 = 1;

/// One step from schema `from` to `from + 1`.
pub struct Migration {
    /// The schema it reads.
    pub from: u32,
    /// What it changes, for the log.
    pub describe: &'static str,
    /// Rewrites one document of `collection`; an error stops the whole migration.
    pub apply: fn(Collection, Value) -> Result<Value, String>,
}

/// The migrations of this build, oldest first. Schema 1 is the first stored shape.
pub const MIGRATIONS: &[Migration] = &[];

/// Why data cannot be migrated.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    /// Written by a newer build.
    #[error("schema {found} is newer than this build's {supported}")]
    Newer {
        /// Found.
        found: u32,
        /// Supported.
        supported: u32,
    },
    /// No path from the found schema.
    #[error("no migration from schema {0}")]
    NoPath(u32),
    /// A step failed on a document.
    #[error("migrating {collection} {id} from schema {from}: {reason}")]
    Step {
        /// Collection.
        collection: &'static str,
        /// Document id.
        id: String,
        /// Schema of the failed step.
        from: u32,
        /// Why.
        reason: String,
    },
}

/// Migrates `docs` (collection, document) from schema `found` to `target` using `steps`.
/// All or nothing: on error the input is returned untouched in the error path's caller,
/// because the result is only produced when every document migrated.
pub fn migrate(
    found: u32,
    target: u32,
    steps: &[Migration],
    docs: Vec<(Collection, Value)>,
) -> Result<Vec<(Collection, Value)>, MigrationError> {
    if found > target {
        return Err(MigrationError::Newer {
            found,
            supported: target,
        });
    }
    let mut docs = docs;
    for schema in found..target {
        let step = steps
            .iter()
            .find(|m| m.from == schema)
            .ok_or(MigrationError::NoPath(schema))?;
        docs = docs
            .into_iter()
            .map(|(c, doc)| {
                let id = doc
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("?")
                    .to_owned();
                (step.apply)(c, doc)
                    .map(|d| (c, d))
                    .map_err(|reason| MigrationError::Step {
                        collection: c.as_str(),
                        id,
                        from: schema,
                        reason,
                    })
            })
            .collect::<Result<_, _>>()?;
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rename_anonymous(c: Collection, mut doc: Value) -> Result<Value, String> {
        if c == Collection::Votes {
            let map = doc.as_object_mut().ok_or("not an object")?;
            if let Some(v) = map.remove("anon") {
                map.insert("anonymous".into(), v);
            }
        }
        Ok(doc)
    }

    fn add_lane(c: Collection, mut doc: Value) -> Result<Value, String> {
        if c == Collection::Boards {
            doc["lane_count"] = json!(3);
        }
        Ok(doc)
    }

    fn refuse(_: Collection, _: Value) -> Result<Value, String> {
        Err("cannot read".into())
    }

    const STEPS: &[Migration] = &[
        Migration {
            from: 1,
            describe: "votes: anon -> anonymous",
            apply: rename_anonymous,
        },
        Migration {
            from: 2,
            describe: "boards: lane_count",
            apply: add_lane,
        },
    ];

    #[test]
    fn runs_steps_in_order_across_collections() {
        let docs = vec![
            (Collection::Votes, json!({"id": "v", "anon": true})),
            (Collection::Boards, json!({"id": "b"})),
        ];
        let out = migrate(1, 3, STEPS, docs).unwrap();
        assert_eq!(out[0].1, json!({"id": "v", "anonymous": true}));
        assert_eq!(out[1].1, json!({"id": "b", "lane_count": 3}));
    }

    #[test]
    fn current_schema_is_a_no_op() {
        let docs = vec![(Collection::Ideas, json!({"id": "i"}))];
        assert_eq!(
            migrate(CURRENT_SCHEMA, CURRENT_SCHEMA, MIGRATIONS, docs.clone()).unwrap(),
            docs
        );
    }

    #[test]
    fn refuses_newer_data_and_missing_paths() {
        assert_eq!(
            migrate(4, 3, STEPS, vec![]),
            Err(MigrationError::Newer {
                found: 4,
                supported: 3
            })
        );
        assert_eq!(migrate(0, 3, STEPS, vec![]), Err(MigrationError::NoPath(0)));
    }

    #[test]
    fn a_failing_step_names_the_document() {
        let steps = [Migration {
            from: 1,
            describe: "x",
            apply: refuse,
        }];
        let err =
            migrate(1, 2, &steps, vec![(Collection::Ideas, json!({"id": "i9"}))]).unwrap_err();
        assert!(err.to_string().contains("ideas i9"));
    }
}
