//! The HTTP side of `serve`: files from the in-memory build, the reload script, and the event
//! stream. Request paths are only ever looked up in the build's file map, never joined to a
//! folder on disk, so no request can reach outside the built site.

use super::{Event, Shared};
use crate::render::Contents;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{self, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use std::convert::Infallible;

const RELOAD_JS: &str = include_str!("reload.js");

pub fn router(shared: Shared) -> axum::Router {
    axum::Router::new()
        .route("/__bcop/reload.js", axum::routing::get(script))
        .route("/__bcop/events", axum::routing::get(events))
        .fallback(file)
        .with_state(shared)
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        RELOAD_JS,
    )
        .into_response()
}

async fn events(
    State(shared): State<Shared>,
) -> Sse<impl Stream<Item = Result<sse::Event, Infallible>>> {
    let first = shared.state_event();
    let rx = shared.events.subscribe();
    let rest = stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(Event::State(json)) => {
                    return Some((Ok(sse::Event::default().event("state").data(json)), rx));
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(_) => return None,
            }
        }
    });
    let first = stream::once(async move { Ok(sse::Event::default().event("state").data(first)) });
    Sse::new(futures_util::StreamExt::chain(first, rest)).keep_alive(KeepAlive::default())
}

async fn file(State(shared): State<Shared>, uri: Uri) -> Response {
    let Some(key) = request_key(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    let files = shared.files();
    let found = files.get(&key).map(|c| (key.clone(), c)).or_else(|| {
        let index = if key.is_empty() {
            "index.html".to_string()
        } else {
            format!("{}/index.html", key.trim_end_matches('/'))
        };
        files.get(&index).map(|c| (index, c))
    });
    match found {
        Some((path, contents)) => respond(&path, contents, StatusCode::OK),
        None => match files.get("404.html") {
            Some(c) => respond("404.html", c, StatusCode::NOT_FOUND),
            // Nothing has built yet (the first build failed): an empty page that shows the
            // error overlay and reloads once the site builds.
            None => respond(
                "waiting.html",
                &Contents::Static(b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bcop</title></head><body></body></html>"),
                StatusCode::SERVICE_UNAVAILABLE,
            ),
        },
    }
}

/// The build-relative path a request asks for, or `None` if it tries to leave the site: any
/// `..` segment, backslash or NUL, before or after percent-decoding, is refused.
pub fn request_key(path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    let mut key = parts.join("/");
    if decoded.ends_with('/') && !key.is_empty() {
        key.push('/');
    }
    Some(key)
}

fn respond(path: &str, contents: &Contents, status: StatusCode) -> Response {
    let Ok(bytes) = contents.to_vec() else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let mime = mime_for(path);
    let body = if mime.starts_with("text/html") {
        inject(bytes)
    } else {
        bytes
    };
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// Adds the reload script before `</body>`.
fn inject(html: Vec<u8>) -> Vec<u8> {
    let tag = b"<script src=\"/__bcop/reload.js\"></script>";
    let at = html
        .windows(7)
        .rposition(|w| w == b"</body>")
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag);
    out.extend_from_slice(&html[at..]);
    out
}

fn mime_for(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "json" => "application/json",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::request_key;

    #[test]
    fn request_paths_cannot_escape_the_site() {
        assert_eq!(
            request_key("/en/a/1.0/index.html").as_deref(),
            Some("en/a/1.0/index.html")
        );
        assert_eq!(request_key("/").as_deref(), Some(""));
        assert_eq!(request_key("/en/").as_deref(), Some("en/"));
        for bad in [
            "/../etc/passwd",
            "/en/../../x",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc",
            "/a\\..\\b",
            "/a%5c..%5cb",
            "/a%00b",
        ] {
            assert_eq!(request_key(bad), None, "{bad}");
        }
    }
}
