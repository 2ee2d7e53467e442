//! Fetching over HTTP for Dateline's feeds: one GET at a time, bounded every way a server can
//! hurt a client.
//!
//! - **Conditional**: a request carries the validators of the last answer ([`Validators`]:
//!   `If-None-Match` from its ETag, `If-Modified-Since` from its Last-Modified); a 304 is
//!   [`Fetched::NotModified`].
//! - **Bounded**: a timeout over each request and its body, a cap on the body's bytes (checked
//!   against Content-Length first, then while reading), at most [`FetchLimits::max_redirects`]
//!   redirects, followed here (not by the client) so that each hop is rate limited and a loop
//!   is named as one.
//! - **Polite**: requests to one host are at least [`FetchLimits::per_host_interval`] apart,
//!   across every feed and article page of an update.
//!
//! Only `http` and `https` addresses are fetched. This crate knows nothing of feeds or
//! articles: it returns bytes, their content type and the address they finally came from.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use url::Url;

/// How far a fetch may go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchLimits {
    /// The longest one request may take, its body included (each redirect is a request).
    pub timeout: Duration,
    /// The largest body read.
    pub max_bytes: u64,
    /// The most redirects followed from one address.
    pub max_redirects: u32,
    /// The shortest time between two requests to one host.
    pub per_host_interval: Duration,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
            per_host_interval: Duration::from_secs(1),
        }
    }
}

/// What the last answer said about its content, to ask next time whether it changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A body fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The address the body came from, after redirects.
    pub url: String,
    pub bytes: Vec<u8>,
    /// The media type, lower case, without parameters (`text/html`).
    pub content_type: Option<String>,
    pub validators: Validators,
}

/// What a GET gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: nothing changed since the validators sent.
    NotModified,
    Page(Page),
}

/// Why a fetch failed, in words for the analyst.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    #[error("not a web address Dateline fetches (http or https only): {0}")]
    BadUrl(String),
    #[error("no complete answer within {secs} s: the server is too slow or does not answer")]
    Timeout { secs: u64 },
    #[error("the answer is larger than the {limit} bytes allowed")]
    TooLarge { limit: u64 },
    #[error("more than {0} redirects (a redirect loop?)")]
    TooManyRedirects(u32),
    #[error("a redirect ({code}) without a usable Location header")]
    BadRedirect { code: u16 },
    #[error("the server answered {code}{}", if reason.is_empty() { String::new() } else { format!(" {reason}") })]
    Status { code: u16, reason: String },
    #[error("cannot reach {host}: {reason}")]
    Unreachable { host: String, reason: String },
    #[error("{0}")]
    Http(String),
}

/// A client with its limits and the time of its last request to each host.
#[derive(Debug)]
pub struct Fetcher {
    agent: ureq::Agent,
    limits: FetchLimits,
    last_request: Mutex<HashMap<String, Instant>>,
}

/// Parses `url`, refusing anything but http and https.
pub fn web_address(url: &str) -> Result<Url, FetchError> {
    let parsed = Url::parse(url.trim()).map_err(|e| FetchError::BadUrl(format!("{url} ({e})")))?;
    match parsed.scheme() {
        "http" | "https" if parsed.host_str().is_some_and(|h| !h.is_empty()) => Ok(parsed),
        _ => Err(FetchError::BadUrl(url.to_string())),
    }
}

/// The address `link` names, read against the page it was found on (`base`): a feed's item
/// links may be relative. Only http and https.
pub fn resolve_link(base: &str, link: &str) -> Result<Url, FetchError> {
    let joined = Url::parse(base)
        .and_then(|b| b.join(link.trim()))
        .map_err(|e| FetchError::BadUrl(format!("{link} ({e})")))?;
    web_address(joined.as_str())
}

fn host_key(url: &Url) -> String {
    format!("{}:{}", url.host_str().unwrap_or_default(), url.port_or_known_default().unwrap_or(0))
}

fn header(resp: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

impl Fetcher {
    pub fn new(limits: FetchLimits) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(limits.timeout))
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .user_agent(concat!("Dateline/", env!("CARGO_PKG_VERSION"), " (feed reader)"))
            .build()
            .new_agent();
        Self { agent, limits, last_request: Mutex::new(HashMap::new()) }
    }

    pub fn limits(&self) -> &FetchLimits {
        &self.limits
    }

    /// Waits until a request to `url`'s host is allowed, and books it.
    fn wait_turn(&self, url: &Url) {
        let key = host_key(url);
        loop {
            let wait = {
                let mut last = self.last_request.lock().unwrap_or_else(|p| p.into_inner());
                let now = Instant::now();
                match last.get(&key) {
                    Some(t) if now < *t + self.limits.per_host_interval => {
                        *t + self.limits.per_host_interval - now
                    }
                    _ => {
                        last.insert(key, now);
                        return;
                    }
                }
            };
            std::thread::sleep(wait);
        }
    }

    /// GETs `url`, following redirects, sending `validators` as conditions.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let mut current = web_address(url)?;
        let mut redirects = 0u32;
        loop {
            self.wait_turn(&current);
            let mut req = self.agent.get(current.as_str());
            if let Some(etag) = &validators.etag {
                req = req.header("If-None-Match", etag);
            }
            if let Some(lm) = &validators.last_modified {
                req = req.header("If-Modified-Since", lm);
            }
            let mut resp = req.call().map_err(|e| self.error(e, &current))?;
            let status = resp.status();
            if status.is_redirection() && status.as_u16() != 304 {
                let code = status.as_u16();
                let next = header(&resp, "location")
                    .and_then(|l| current.join(&l).ok())
                    .ok_or(FetchError::BadRedirect { code })?;
                if redirects == self.limits.max_redirects {
                    return Err(FetchError::TooManyRedirects(self.limits.max_redirects));
                }
                redirects += 1;
                current = web_address(next.as_str())?;
                continue;
            }
            if status.as_u16() == 304 {
                return Ok(Fetched::NotModified);
            }
            if !status.is_success() {
                let reason = status.canonical_reason().unwrap_or_default().to_string();
                return Err(FetchError::Status { code: status.as_u16(), reason });
            }
            let limit = self.limits.max_bytes;
            if resp.body().content_length().is_some_and(|n| n > limit) {
                return Err(FetchError::TooLarge { limit });
            }
            let content_type = header(&resp, "content-type")
                .map(|t| t.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
            let validators =
                Validators { etag: header(&resp, "etag"), last_modified: header(&resp, "last-modified") };
            let bytes = resp
                .body_mut()
                .with_config()
                .limit(limit)
                .read_to_vec()
                .map_err(|e| self.error(e, &current))?;
            return Ok(Fetched::Page(Page { url: current.to_string(), bytes, content_type, validators }));
        }
    }

    fn error(&self, e: ureq::Error, url: &Url) -> FetchError {
        let host = url.host_str().unwrap_or_default().to_string();
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout { secs: self.limits.timeout.as_secs().max(1) },
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge { limit: self.limits.max_bytes },
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects(self.limits.max_redirects),
            ureq::Error::HostNotFound => FetchError::Unreachable { host, reason: "no such host".into() },
            ureq::Error::ConnectionFailed => {
                FetchError::Unreachable { host, reason: "the connection was refused or failed".into() }
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout { secs: self.limits.timeout.as_secs().max(1) }
            }
            ureq::Error::Io(io) => FetchError::Unreachable { host, reason: io.to_string() },
            other => FetchError::Http(other.to_string()),
        }
    }
}

#[cfg(any(test, feature = "test-server"))]
pub mod test_server;

#[cfg(test)]
mod tests;
