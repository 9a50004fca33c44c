//! A blocking `Http` for native tests against real servers (json-server, pouchdb-server):
//! the stores under test are the same code the browser runs; only the transport differs.

#![allow(dead_code)]

use async_trait::async_trait;
use gromada::store::http::{Http, HttpError, HttpRequest, HttpResponse, MAX_BODY_BYTES};
use std::io::Read;
use std::time::Duration;

/// `ureq`, blocking inside the async call (native tests run on `block_on`).
pub struct UreqHttp {
    agent: ureq::Agent,
}

impl UreqHttp {
    /// A client that reports every status as a response.
    pub fn new() -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        Self { agent }
    }
}

impl UreqHttp {
    fn run(
        &self,
        request: ureq::http::Request<impl ureq::AsSendBody>,
        timeout: Duration,
    ) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let request = self
            .agent
            .configure_request(request)
            .timeout_global(Some(timeout))
            .build();
        self.agent.run(request)
    }
}

impl Default for UreqHttp {
    fn default() -> Self {
        Self::new()
    }
}

#[async_trait(?Send)]
impl Http for UreqHttp {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        let mut builder = ureq::http::Request::builder()
            .method(request.method)
            .uri(&request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let timeout = Duration::from_millis(u64::from(request.timeout_ms));
        let sent = match request.body {
            Some(body) => builder.body(body).map(|r| self.run(r, timeout)),
            None => builder.body(()).map(|r| self.run(r, timeout)),
        }
        .map_err(|e| HttpError::Unreachable(e.to_string()))?;
        let response = sent.map_err(|e| match e {
            ureq::Error::Timeout(_) => HttpError::Timeout(request.timeout_ms),
            other => HttpError::Unreachable(other.to_string()),
        })?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .filter_map(|(n, v)| {
                Some((n.as_str().to_ascii_lowercase(), v.to_str().ok()?.to_owned()))
            })
            .collect();
        let mut bytes = Vec::new();
        response
            .into_body()
            .into_reader()
            .take(MAX_BODY_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                // A deadline passing while the body streams (a longpoll) is a timeout too.
                if e.kind() == std::io::ErrorKind::TimedOut || e.to_string().contains("timeout") {
                    HttpError::Timeout(request.timeout_ms)
                } else {
                    HttpError::Unreachable(e.to_string())
                }
            })?;
        if bytes.len() > MAX_BODY_BYTES {
            return Err(HttpError::TooLarge(bytes.len()));
        }
        Ok(HttpResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        })
    }
}
