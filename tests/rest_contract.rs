//! The store contract against the REST store talking to a real json-server 0.17 (with
//! Gromada's guard for duplicate ids and versions), plus what only a network store meets:
//! conflicts carry the stored version, the server's refusals keep their reason, and
//! unreachable or failing servers are reported as retryable.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backend;
mod contract;
mod http;

use async_trait::async_trait;
use gromada::domain::config::RestConfig;
use gromada::store::http::{Http, HttpError, HttpRequest, HttpResponse};
use gromada::store::rest::RestStore;
use gromada::store::{Collection, Query, Store, StoreError};
use serde_json::json;
use std::rc::Rc;

fn store(url: &str) -> RestStore {
    RestStore::new(Rc::new(http::UreqHttp::new()), RestConfig::new(url))
}

#[test]
fn rest_store_keeps_the_contract_against_json_server() {
    let server = backend::JsonServer::start();
    futures::executor::block_on(contract::run_all(|| {
        server.reset();
        Rc::new(store(&server.url)) as Rc<dyn Store>
    }));
}

#[test]
fn collection_paths_and_tokens_are_applied() {
    let server = backend::JsonServer::start();
    let mut config = RestConfig::new(&format!("{}/", server.url));
    config.paths = vec![("ideas".into(), "comments".into())];
    config.token = Some("t0ken".into());
    let s = RestStore::new(Rc::new(http::UreqHttp::new()), config);
    assert_eq!(
        s.collection_url(Collection::Ideas),
        format!("{}/comments", server.url)
    );
    futures::executor::block_on(async {
        s.create(Collection::Ideas, json!({"id": "x"}))
            .await
            .unwrap();
        // Stored where the path points.
        let plain = store(&server.url);
        assert!(plain
            .get(Collection::Comments, "x")
            .await
            .unwrap()
            .is_some());
    });
}

/// Answers every request with one canned response.
struct Canned(Result<HttpResponse, HttpError>);

#[async_trait(?Send)]
impl Http for Canned {
    async fn send(&self, _: HttpRequest) -> Result<HttpResponse, HttpError> {
        self.0.clone()
    }
}

fn canned(status: u16, headers: &[(&str, &str)], body: &str) -> RestStore {
    let response = HttpResponse {
        status,
        headers: headers
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect(),
        body: body.into(),
    };
    RestStore::new(Rc::new(Canned(Ok(response))), RestConfig::new("http://api"))
}

#[test]
fn bad_and_failing_answers_become_clear_errors() {
    futures::executor::block_on(async {
        let q = Query::all();
        let html = canned(200, &[], "<!doctype html><h1>Login</h1>");
        assert!(
            matches!(html.list(Collection::Ideas, &q).await, Err(StoreError::BadResponse(m)) if m.contains("HTML"))
        );
        let truncated = canned(200, &[], r#"[{"id":"a","version":1},{"id":"#);
        assert!(
            matches!(truncated.list(Collection::Ideas, &q).await, Err(StoreError::BadResponse(m)) if m.contains("malformed"))
        );
        let wrong = canned(200, &[], r#"{"id":"a"}"#);
        assert!(matches!(
            wrong.list(Collection::Ideas, &q).await,
            Err(StoreError::BadResponse(_))
        ));
        let no_id = canned(200, &[], r#"[{"title":"x"}]"#);
        assert!(matches!(
            no_id.list(Collection::Ideas, &q).await,
            Err(StoreError::BadResponse(_))
        ));
        let other = canned(200, &[], r#"{"id":"b","version":1}"#);
        assert!(matches!(
            other.get(Collection::Ideas, "a").await,
            Err(StoreError::BadResponse(_))
        ));
        let busy = canned(429, &[("retry-after", "3")], "slow down");
        let err = busy.get(Collection::Ideas, "a").await.unwrap_err();
        assert_eq!(
            err,
            StoreError::Busy {
                status: 429,
                retry_after_ms: Some(3000)
            }
        );
        assert!(err.is_retryable());
        let refused = canned(422, &[], r#"{"error":"title is too long"}"#);
        let err = refused
            .create(Collection::Ideas, json!({"id": "a"}))
            .await
            .unwrap_err();
        assert_eq!(
            err,
            StoreError::Rejected {
                status: 422,
                reason: "title is too long".into()
            }
        );
        assert!(!err.is_retryable());
        let down = RestStore::new(
            Rc::new(Canned(Err(HttpError::Timeout(10)))),
            RestConfig::new("http://api"),
        );
        assert!(matches!(
            down.get(Collection::Ideas, "a").await,
            Err(StoreError::Offline { .. })
        ));
    });
}

#[test]
fn an_unreachable_server_is_offline_not_a_panic() {
    let s = store("http://127.0.0.1:9");
    let err = futures::executor::block_on(s.list(Collection::Ideas, &Query::all())).unwrap_err();
    assert!(err.is_retryable(), "{err:?}");
}

/// Passes requests on to json-server and keeps what was asked and how much came back.
struct Recording {
    inner: http::UreqHttp,
    seen: std::cell::RefCell<Vec<(String, usize)>>,
}

#[async_trait(?Send)]
impl Http for Recording {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        let url = request.url.clone();
        let response = self.inner.send(request).await?;
        self.seen.borrow_mut().push((url, response.body.len()));
        Ok(response)
    }
}

#[test]
fn a_count_reads_the_total_not_the_documents() {
    let server = backend::JsonServer::start();
    let http = Rc::new(Recording {
        inner: http::UreqHttp::new(),
        seen: Default::default(),
    });
    let s = RestStore::new(http.clone(), RestConfig::new(&server.url));
    futures::executor::block_on(async {
        for i in 0..40 {
            let survey = if i % 4 == 0 { "other" } else { "s1" };
            let doc = json!({"id": format!("r{i:02}"), "survey_id": survey, "answers": {"q": "x".repeat(200)}});
            s.create(Collection::Responses, doc).await.unwrap();
        }
        http.seen.borrow_mut().clear();
        let by_survey = Query::all().eq("survey_id", "s1");
        assert_eq!(
            s.count(Collection::Responses, &by_survey).await.unwrap(),
            30
        );
        let seen = http.seen.borrow().clone();
        assert_eq!(seen.len(), 1, "one request: {seen:?}");
        assert!(seen[0].0.contains("survey_id=s1") && seen[0].0.contains("_start=0&_end=1"));
        assert!(
            seen[0].1 < 600,
            "at most one document read: {} bytes",
            seen[0].1
        );
    });
}

#[test]
fn a_server_without_a_total_has_its_list_counted() {
    let s = canned(
        200,
        &[],
        r#"[{"id": "a", "survey_id": "s"}, {"id": "b", "survey_id": "s"}]"#,
    );
    let by_survey = Query::all().eq("survey_id", "s");
    let n = futures::executor::block_on(s.count(Collection::Responses, &by_survey)).unwrap();
    assert_eq!(n, 2);
}
