//! HTTP as the backend stores see it: one request in, one response (or a transport failure)
//! out. The browser sends through `fetch` ([`FetchHttp`]); native tests plug in a blocking
//! client, and fault-injection tests a proxy, without the stores knowing.

use async_trait::async_trait;

/// The largest response body a store accepts (a misconfigured URL can return a whole site).
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// An HTTP request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    /// `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD`.
    pub method: &'static str,
    /// Absolute URL.
    pub url: String,
    /// Request headers (the stores add `Accept` and, with a body, `Content-Type`).
    pub headers: Vec<(String, String)>,
    /// JSON body.
    pub body: Option<String>,
    /// Give up (and abort) after this many milliseconds.
    pub timeout_ms: u32,
    /// Send cookies to another origin (CouchDB session cookies).
    pub with_credentials: bool,
}

impl HttpRequest {
    /// A request without headers or body, with a 10 s timeout.
    pub fn new(method: &'static str, url: impl Into<String>) -> Self {
        Self {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: None,
            timeout_ms: 10_000,
            with_credentials: false,
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// Sets a JSON body (and its content type).
    pub fn json(mut self, body: String) -> Self {
        self.body = Some(body);
        self.header("Content-Type", "application/json")
    }
}

/// An HTTP response, whatever its status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Response headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
}

impl HttpResponse {
    /// A header's value (name compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// `Retry-After` in milliseconds, when given in seconds (dates are treated as absent).
    pub fn retry_after_ms(&self) -> Option<u64> {
        let secs: f64 = self.header("retry-after")?.trim().parse().ok()?;
        (secs.is_finite() && secs >= 0.0).then(|| (secs * 1000.0).min(3_600_000.0) as u64)
    }
}

/// The request never got an HTTP answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// No answer within the timeout.
    #[error("the server did not answer within {0} ms")]
    Timeout(u32),
    /// Connection refused, DNS failure, offline, CORS refusal, connection cut mid-body.
    #[error("the server cannot be reached ({0})")]
    Unreachable(String),
    /// The body is larger than [`MAX_BODY_BYTES`].
    #[error("the server sent {0} bytes, more than the {MAX_BODY_BYTES} a response may have")]
    TooLarge(usize),
}

/// Sends HTTP requests.
#[async_trait(?Send)]
pub trait Http {
    /// Sends `request` and returns the response, whatever its status.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError>;
}

#[cfg(target_arch = "wasm32")]
pub use fetch::FetchHttp;

#[cfg(target_arch = "wasm32")]
mod fetch {
    use super::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// The browser's `fetch`, with a timeout through `AbortController`.
    #[derive(Clone, Copy, Debug, Default)]
    pub struct FetchHttp;

    fn describe(error: &JsValue) -> String {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| error.as_string())
            .unwrap_or_else(|| "network error".into())
    }

    fn is_abort(error: &JsValue) -> bool {
        error
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|e| e.name() == "AbortError")
    }

    #[async_trait(?Send)]
    impl Http for FetchHttp {
        async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
            let unreachable = |e: JsValue| HttpError::Unreachable(describe(&e));
            let window =
                web_sys::window().ok_or_else(|| HttpError::Unreachable("no window".into()))?;
            let controller = web_sys::AbortController::new().map_err(unreachable)?;
            let init = web_sys::RequestInit::new();
            init.set_method(request.method);
            init.set_signal(Some(&controller.signal()));
            // The store keeps its own freshness (ETag in `refresh`); the HTTP
            // cache would otherwise revalidate plain GETs on its own and hand
            // a 304 to a caller that never asked for one.
            init.set_cache(web_sys::RequestCache::NoStore);
            if request.with_credentials {
                init.set_credentials(web_sys::RequestCredentials::Include);
            }
            let headers = web_sys::Headers::new().map_err(unreachable)?;
            for (name, value) in &request.headers {
                headers.set(name, value).map_err(unreachable)?;
            }
            init.set_headers(&headers);
            if let Some(body) = &request.body {
                init.set_body(&JsValue::from_str(body));
            }
            let js_request = web_sys::Request::new_with_str_and_init(&request.url, &init)
                .map_err(unreachable)?;
            let timeout_ms = request.timeout_ms;
            let abort = controller.clone();
            // Dropping the timer (on every way out) cancels it.
            let _timer = gloo_timers::callback::Timeout::new(timeout_ms, move || abort.abort());
            let fail = |e: JsValue| {
                if is_abort(&e) {
                    HttpError::Timeout(timeout_ms)
                } else {
                    HttpError::Unreachable(describe(&e))
                }
            };
            let response: web_sys::Response =
                JsFuture::from(window.fetch_with_request(&js_request))
                    .await
                    .map_err(fail)?
                    .dyn_into()
                    .map_err(fail)?;
            let mut header_list = Vec::new();
            if let Ok(Some(entries)) = js_sys::try_iter(&response.headers()) {
                for entry in entries.flatten() {
                    let pair = js_sys::Array::from(&entry);
                    if let (Some(name), Some(value)) =
                        (pair.get(0).as_string(), pair.get(1).as_string())
                    {
                        header_list.push((name.to_ascii_lowercase(), value));
                    }
                }
            }
            let declared = header_list
                .iter()
                .find(|(n, _)| n == "content-length")
                .and_then(|(_, v)| v.parse::<usize>().ok());
            if let Some(len) = declared.filter(|len| *len > MAX_BODY_BYTES) {
                controller.abort();
                return Err(HttpError::TooLarge(len));
            }
            let text = JsFuture::from(response.text().map_err(fail)?)
                .await
                .map_err(fail)?;
            let body = text.as_string().unwrap_or_default();
            if body.len() > MAX_BODY_BYTES {
                return Err(HttpError::TooLarge(body.len()));
            }
            Ok(HttpResponse {
                status: response.status(),
                headers: header_list,
                body,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_without_case_and_retry_after_is_read_in_seconds() {
        let response = HttpResponse {
            status: 429,
            headers: vec![
                ("retry-after".into(), "2".into()),
                ("etag".into(), "W/\"3\"".into()),
            ],
            body: String::new(),
        };
        assert_eq!(response.header("ETag"), Some("W/\"3\""));
        assert_eq!(response.retry_after_ms(), Some(2000));
        assert!(!response.is_success());
        let dated = HttpResponse {
            headers: vec![("Retry-After".into(), "Wed, 21 Oct 2015 07:28:00 GMT".into())],
            ..response
        };
        assert_eq!(dated.retry_after_ms(), None);
    }

    #[test]
    fn a_json_request_carries_its_content_type() {
        let r = HttpRequest::new("POST", "http://x/ideas").json("{}".into());
        assert_eq!(r.body.as_deref(), Some("{}"));
        assert!(r
            .headers
            .contains(&("Content-Type".into(), "application/json".into())));
    }
}
