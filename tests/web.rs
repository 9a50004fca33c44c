//! Browser tests (wasm-bindgen-test in headless Chromium): the localStorage store against
//! the store contract, damaged and newer data, a full quota, other tabs' writes, and
//! components that render user text.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_arch = "wasm32")]

mod contract;

use gromada::store::local::LocalStore;
use gromada::store::{Collection, Query, Store, StoreError};
use serde_json::{json, Value};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Removes every key of a namespace.
fn clear(namespace: &str) {
    remove_keys_with(&format!("gromada:{namespace}:"));
}

/// Removes every key starting with `prefix`.
fn remove_keys_with(prefix: &str) {
    let s = storage();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(prefix))
        .collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

fn block<F: std::future::Future>(f: F) -> F::Output {
    futures::executor::block_on(f)
}

#[wasm_bindgen_test]
async fn local_store_keeps_the_contract() {
    let n = Cell::new(0);
    contract::run_all(|| {
        n.set(n.get() + 1);
        let ns = format!("contract-{}", n.get());
        clear(&ns);
        LocalStore::open(&ns).unwrap() as Rc<dyn Store>
    })
    .await;
    for i in 1..=n.get() {
        clear(&format!("contract-{i}"));
    }
}

#[wasm_bindgen_test]
fn data_survives_reopening() {
    clear("reopen");
    let store = LocalStore::open("reopen").unwrap();
    block(store.create(Collection::Ideas, json!({"id": "a", "title": "Kept"}))).unwrap();
    drop(store);
    let again = LocalStore::open("reopen").unwrap();
    assert_eq!(
        block(again.get(Collection::Ideas, "a")).unwrap().unwrap()["title"],
        "Kept"
    );
    clear("reopen");
}

#[wasm_bindgen_test]
fn damaged_entries_are_moved_aside_and_kept() {
    clear("damaged");
    let s = storage();
    s.set_item(
        "gromada:damaged:d:ideas:good",
        r#"{"id":"good","title":"Fine"}"#,
    )
    .unwrap();
    s.set_item("gromada:damaged:d:ideas:bad", "{not json")
        .unwrap();
    s.set_item("gromada:damaged:d:ideas:wrong-id", r#"{"id":"other"}"#)
        .unwrap();
    s.set_item("gromada:damaged:meta", "garbage").unwrap();
    let store = LocalStore::open("damaged").unwrap();
    let ideas = block(store.list(Collection::Ideas, &Query::all())).unwrap();
    assert_eq!(ideas.len(), 1, "the good entry stays usable");
    assert_eq!(ideas[0]["title"], "Fine");
    let damaged = store.damaged();
    assert_eq!(damaged.len(), 3, "{damaged:?}");
    assert!(damaged
        .iter()
        .any(|d| d.raw == "{not json" && d.key == "gromada:damaged:d:ideas:bad"));
    assert!(
        s.get_item("gromada:damaged:d:ideas:bad").unwrap().is_none(),
        "moved, not copied"
    );
    let download: Value = serde_json::from_str(&store.damaged_json()).unwrap();
    assert!(download
        .as_object()
        .unwrap()
        .values()
        .any(|v| v == "garbage"));
    // Reopening does not lose or duplicate the backups.
    drop(store);
    let store = LocalStore::open("damaged").unwrap();
    assert_eq!(store.damaged().len(), 3);
    store.discard_damaged();
    assert!(store.damaged().is_empty());
    clear("damaged");
}

#[wasm_bindgen_test]
fn newer_schema_is_read_only_and_untouched() {
    clear("newer");
    let s = storage();
    s.set_item("gromada:newer:meta", r#"{"schema":99}"#)
        .unwrap();
    s.set_item(
        "gromada:newer:d:ideas:a",
        r#"{"id":"a","title":"From the future","version":3}"#,
    )
    .unwrap();
    let store = LocalStore::open("newer").unwrap();
    assert!(matches!(
        store.read_only(),
        Some(StoreError::NewerSchema { found: 99, .. })
    ));
    assert_eq!(
        block(store.get(Collection::Ideas, "a")).unwrap().unwrap()["title"],
        "From the future"
    );
    let err = block(store.create(Collection::Ideas, json!({"id": "b"}))).unwrap_err();
    assert!(matches!(err, StoreError::NewerSchema { .. }));
    assert_eq!(
        s.get_item("gromada:newer:meta").unwrap().unwrap(),
        r#"{"schema":99}"#
    );
    clear("newer");
}

#[wasm_bindgen_test]
fn a_full_quota_is_a_clear_error_and_loses_nothing() {
    clear("quota");
    let s = storage();
    let store = LocalStore::open("quota").unwrap();
    block(store.create(
        Collection::Ideas,
        json!({"id": "a", "title": "Saved before"}),
    ))
    .unwrap();
    // Fill the origin's storage with junk until the browser refuses.
    let chunk = "x".repeat(512 * 1024);
    let mut filled = Vec::new();
    for i in 0..64 {
        let key = format!("quota-filler-{i}");
        if s.set_item(&key, &chunk).is_err() {
            break;
        }
        filled.push(key);
    }
    let small = "y".repeat(1024);
    for i in 0..2048 {
        let key = format!("quota-filler-small-{i}");
        if s.set_item(&key, &small).is_err() {
            break;
        }
        filled.push(key);
    }
    let big = json!({"id": "b", "title": "z".repeat(64 * 1024)});
    let err = block(store.create(Collection::Ideas, big)).unwrap_err();
    let mut updated = block(store.get(Collection::Ideas, "a")).unwrap().unwrap();
    updated["title"] = json!("w".repeat(64 * 1024));
    let update_err = block(store.update(Collection::Ideas, updated)).unwrap_err();
    for k in &filled {
        s.remove_item(k).unwrap();
    }
    assert_eq!(err, StoreError::QuotaExceeded);
    assert_eq!(update_err, StoreError::QuotaExceeded);
    assert!(err.to_string().contains("nothing already saved was lost"));
    let kept = block(store.get(Collection::Ideas, "a")).unwrap().unwrap();
    assert_eq!(kept["title"], "Saved before");
    assert_eq!(kept["version"], 1);
    assert!(block(store.get(Collection::Ideas, "b")).unwrap().is_none());
    clear("quota");
}

#[wasm_bindgen_test]
fn another_tabs_write_reaches_the_store_and_its_listeners() {
    clear("tabs");
    let store = LocalStore::open("tabs").unwrap();
    let heard = Rc::new(Cell::new(0));
    let h = heard.clone();
    store.subscribe(Rc::new(move |c| {
        if c == Collection::Votes {
            h.set(h.get() + 1);
        }
    }));
    // What the browser delivers when another tab writes a key.
    let key = "gromada:tabs:d:votes:vote:i1:m:m2";
    let value = r#"{"id":"vote:i1:m:m2","idea_id":"i1","version":1}"#;
    storage().set_item(key, value).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(Some(value));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(event.unchecked_ref())
        .unwrap();
    assert_eq!(heard.get(), 1);
    assert!(block(store.get(Collection::Votes, "vote:i1:m:m2"))
        .unwrap()
        .is_some());
    // And a removal.
    storage().remove_item(key).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(None);
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(event.unchecked_ref())
        .unwrap();
    assert!(block(store.get(Collection::Votes, "vote:i1:m:m2"))
        .unwrap()
        .is_none());
    clear("tabs");
}

#[wasm_bindgen_test]
fn the_crash_panel_shows_text_not_html() {
    gromada::ui::panic::show("<img src=x onerror=alert(1)> boom");
    let document = web_sys::window().unwrap().document().unwrap();
    let panel = document
        .get_element_by_id(gromada::ui::panic::CRASH_PANEL_ID)
        .unwrap();
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert!(panel
        .text_content()
        .unwrap()
        .contains("<img src=x onerror=alert(1)> boom"));
    assert!(panel.query_selector("img").unwrap().is_none());
    assert!(panel.query_selector("button").unwrap().is_some());
    panel.remove();
}

mod shared_outbox {
    //! The localStorage outbox shared by tabs: each tab (here, each `LocalOutbox` value)
    //! saves only its own changes, so a write another tab queued meanwhile survives.
    use super::storage;
    use gromada::store::outbox::{OutboxPersistence, OutboxState, PendingWrite, WriteOp};
    use gromada::store::outbox_local::LocalOutbox;
    use serde_json::json;
    use wasm_bindgen_test::*;

    fn write(key: &str) -> PendingWrite {
        PendingWrite {
            key: key.into(),
            collection: "comments".into(),
            op: WriteOp::Create(json!({"id": key, "body": "x"})),
            attempts: 0,
            last_error: None,
            done_at: None,
        }
    }

    fn keys(state: &OutboxState) -> Vec<&str> {
        state.pending.iter().map(|w| w.key.as_str()).collect()
    }

    fn wipe(base: &str) {
        super::remove_keys_with(&format!("gromada-outbox:{base}"));
    }

    #[wasm_bindgen_test]
    fn a_tab_saving_a_stale_view_keeps_what_another_tab_queued() {
        let base = "http://tabs.test";
        wipe(base);
        let (a, b) = (
            LocalOutbox::for_backend(base),
            LocalOutbox::for_backend(base),
        );
        let mut seen_by_a = a.load().unwrap();
        let mut seen_by_b = b.load().unwrap();
        seen_by_b.pending.push(write("w1"));
        b.save(&seen_by_b).unwrap();
        // A has not seen w1 and saves its own new write.
        seen_by_a.pending.push(write("w2"));
        a.save(&seen_by_a).unwrap();
        assert_eq!(
            keys(&a.load().unwrap()),
            ["w1", "w2"],
            "both kept, in queue order"
        );
        // A sends w1 (it now knows it); B, still stale, adds w3.
        let mut now_a = a.load().unwrap();
        now_a.pending.retain(|w| w.key != "w1");
        a.save(&now_a).unwrap();
        seen_by_b.pending.push(write("w3"));
        b.save(&seen_by_b).unwrap();
        // B's stale view brings w1 back (sent again, it lands once: ids make it
        // idempotent); nothing anyone queued is lost.
        let all = a.load().unwrap();
        for k in ["w2", "w3"] {
            assert!(keys(&all).contains(&k), "{k} kept: {:?}", keys(&all));
        }
        // Everything sent: the keys are gone.
        a.save(&OutboxState::default()).unwrap();
        b.load().unwrap();
        b.save(&OutboxState::default()).unwrap();
        assert!(a.load().unwrap().pending.is_empty());
        wipe(base);
    }

    #[wasm_bindgen_test]
    fn the_lease_to_send_is_shared_by_the_tabs_and_given_back() {
        use gromada::store::outbox::SendLease;
        let base = "http://lease.test";
        wipe(base);
        let (a, b) = (
            LocalOutbox::for_backend(base),
            LocalOutbox::for_backend(base),
        );
        let mut state = a.load().unwrap();
        state.pending.push(write("w1"));
        state.sender = Some(SendLease {
            tab: "tab-a".into(),
            until_ms: 42,
        });
        a.save(&state).unwrap();
        let seen = b.load().unwrap();
        assert_eq!(seen.sender, state.sender, "the other tab sees who sends");
        assert_eq!(keys(&seen), ["w1"], "the lease is not taken for a write");
        let key = format!("gromada-outbox:{base}:sender");
        super::storage().set_item(&key, "{damaged").unwrap();
        assert_eq!(
            b.load().unwrap().sender,
            None,
            "a damaged lease is no lease"
        );
        state.sender = None;
        a.load().unwrap();
        a.save(&state).unwrap();
        assert!(
            super::storage().get_item(&key).unwrap().is_none(),
            "released"
        );
        wipe(base);
    }

    #[wasm_bindgen_test]
    fn an_outbox_saved_as_one_key_is_upgraded_and_a_damaged_entry_set_aside() {
        let base = "http://upgrade.test";
        wipe(base);
        let old = OutboxState {
            pending: vec![write("o1"), write("o2")],
            ..OutboxState::default()
        };
        let key = format!("gromada-outbox:{base}");
        storage()
            .set_item(&key, &serde_json::to_string(&old).unwrap())
            .unwrap();
        let outbox = LocalOutbox::for_backend(base);
        assert_eq!(keys(&outbox.load().unwrap()), ["o1", "o2"]);
        assert!(
            storage().get_item(&key).unwrap().is_none(),
            "the old key is gone"
        );
        storage()
            .set_item(
                &format!("{key}:p:000000000000001:00000001:bad"),
                "{not json",
            )
            .unwrap();
        assert_eq!(keys(&outbox.load().unwrap()), ["o1", "o2"]);
        assert_eq!(
            storage()
                .get_item(&format!("{key}:p:000000000000001:00000001:bad.damaged"))
                .unwrap()
                .as_deref(),
            Some("{not json"),
            "kept for support"
        );
        wipe(base);
    }
}
