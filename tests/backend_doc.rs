//! The backend contract's machine-readable form (docs/openapi.yaml) covers every
//! collection the store uses, both as a list and as single documents.

use gromada::store::Collection;

#[test]
fn openapi_lists_every_collection() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/openapi.yaml"))
        .unwrap_or_default();
    assert!(
        text.starts_with("openapi: 3.1.0"),
        "docs/openapi.yaml is readable"
    );
    for c in Collection::ALL {
        let name = c.as_str();
        assert!(
            text.contains(&format!("\n  /{name}:\n")),
            "{name} list is documented"
        );
        assert!(
            text.contains(&format!("\n  /{name}/{{id}}:\n")),
            "{name} documents are documented"
        );
    }
}
