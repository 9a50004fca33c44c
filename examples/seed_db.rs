//! Writes the demo community as a json-server database (`{"ideas": [...], ...}`, every
//! document at version 1), for `./x serve-rest` and the backend end-to-end tests.
//!
//! ```text
//! cargo run --example seed_db -- OUT.json
//! ```

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use gromada::domain::demo;
    use gromada::domain::time::{Timestamp, DAY_MS};
    use gromada::store::seed::documents;
    use gromada::store::{set_version, Collection};
    use serde_json::{Map, Value};

    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: seed_db OUT.json");
        std::process::exit(2);
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let hour = Timestamp(now - now.rem_euclid(DAY_MS / 24));
    let community = demo::generate(hour, 2026);
    let mut db = Map::new();
    for c in Collection::ALL {
        db.insert(c.as_str().to_owned(), Value::Array(Vec::new()));
    }
    let docs = match documents(&community) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("seed_db: {e}");
            std::process::exit(1);
        }
    };
    for (collection, mut doc) in docs {
        set_version(&mut doc, 1);
        if let Some(Value::Array(list)) = db.get_mut(collection.as_str()) {
            list.push(doc);
        }
    }
    let text = serde_json::to_string(&Value::Object(db)).unwrap_or_default();
    if let Err(e) = std::fs::write(&out, text) {
        eprintln!("seed_db: cannot write {out}: {e}");
        std::process::exit(1);
    }
}
