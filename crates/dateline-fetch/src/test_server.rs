//! A tiny HTTP/1.1 server on 127.0.0.1 for tests (feature `test-server`): routes set and
//! changed while it runs, every request recorded with its headers.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server answers on one path.
#[derive(Debug, Clone)]
pub enum Route {
    /// 200 with this body; 304 when the request's If-None-Match is `etag` or its
    /// If-Modified-Since is `last_modified`.
    Page { body: Vec<u8>, content_type: String, etag: Option<String>, last_modified: Option<String> },
    /// A redirect (302) to this location.
    Redirect(String),
    /// Headers at once, then the body a byte every `pause`.
    Trickle { body: Vec<u8>, pause: Duration },
    /// 200 with `bytes` bytes of filler, announced in Content-Length when `announce`.
    Huge { bytes: usize, announce: bool },
    /// This status with no body.
    Status(u16),
}

impl Route {
    pub fn page(body: impl Into<Vec<u8>>, content_type: &str) -> Self {
        Route::Page { body: body.into(), content_type: content_type.into(), etag: None, last_modified: None }
    }
}

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names lower case.
    pub headers: HashMap<String, String>,
}

/// The server; it stops with the test process.
#[derive(Debug, Clone)]
pub struct TestServer {
    pub port: u16,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl TestServer {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("addr").port();
        let server = TestServer { port, routes: Arc::default(), requests: Arc::default() };
        let s = server.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let s = s.clone();
                std::thread::spawn(move || s.serve(stream));
            }
        });
        server
    }

    /// The address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn route(&self, path: &str, route: Route) {
        self.routes.lock().expect("routes").insert(path.to_string(), route);
    }

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().expect("requests").clone()
    }

    /// The requests for `path` so far.
    pub fn requests_for(&self, path: &str) -> Vec<Request> {
        self.requests().into_iter().filter(|r| r.path == path).collect()
    }

    fn serve(&self, stream: TcpStream) {
        let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() {
            return;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut headers = HashMap::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        self.requests
            .lock()
            .expect("requests")
            .push(Request { path: path.clone(), headers: headers.clone() });
        let route = self.routes.lock().expect("routes").get(&path).cloned();
        let mut out = stream;
        let _ = match route {
            None => respond(&mut out, "404 Not Found", &[], b""),
            Some(Route::Status(code)) => respond(&mut out, &format!("{code} Status"), &[], b""),
            Some(Route::Redirect(to)) => respond(&mut out, "302 Found", &[("Location", to)], b""),
            Some(Route::Page { body, content_type, etag, last_modified }) => {
                let fresh = etag.as_ref().is_some_and(|e| headers.get("if-none-match") == Some(e))
                    || last_modified.as_ref().is_some_and(|l| headers.get("if-modified-since") == Some(l));
                let mut extra = vec![("Content-Type", content_type)];
                extra.extend(etag.map(|e| ("ETag", e)));
                extra.extend(last_modified.map(|l| ("Last-Modified", l)));
                if fresh {
                    respond(&mut out, "304 Not Modified", &extra, b"")
                } else {
                    respond(&mut out, "200 OK", &extra, &body)
                }
            }
            Some(Route::Trickle { body, pause }) => (|| {
                write!(
                    out,
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                )?;
                for b in body {
                    out.write_all(&[b])?;
                    out.flush()?;
                    std::thread::sleep(pause);
                }
                Ok(())
            })(),
            Some(Route::Huge { bytes, announce }) => (|| {
                let length = if announce { format!("Content-Length: {bytes}\r\n") } else { String::new() };
                write!(
                    out,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n{length}Connection: close\r\n\r\n"
                )?;
                let chunk = vec![b' '; 64 * 1024];
                let mut left = bytes;
                while left > 0 {
                    let n = left.min(chunk.len());
                    out.write_all(&chunk[..n])?;
                    left -= n;
                }
                Ok(())
            })(),
        };
    }
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    out.write_all(body)?;
    out.flush()
}
