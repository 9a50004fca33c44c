//! The HTTP transport used by the native backend tests (refused connections).
#![cfg(not(target_arch = "wasm32"))]

mod http;
#[test]
fn refused_connection_is_unreachable() {
    use gromada::store::http::{Http, HttpError, HttpRequest};
    let r = futures::executor::block_on(
        http::UreqHttp::new().send(HttpRequest::new("GET", "http://127.0.0.1:9/x")),
    );
    assert!(matches!(r, Err(HttpError::Unreachable(_))), "{r:?}");
}
