//! Accessibility and layout in a real browser: the example site, built and served as a plain
//! web server would serve it, goes through axe-core and the layout checks of
//! `tests/browser/a11y.mjs` (issue 16).

use crate::support::{TestSite, browser_ready, repo};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Serves `root` on a free loopback port, as a static host does: a folder's index.html, and
/// 404.html with status 404 for anything missing. The server lives as long as the test binary.
pub(crate) fn serve_static(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}/", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || answer(stream, &root));
        }
    });
    base
}

fn answer(mut stream: TcpStream, root: &Path) {
    let mut request = String::new();
    if BufReader::new(&stream).read_line(&mut request).is_err() {
        return;
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let mut file = root.join(path.trim_start_matches('/'));
    if file.is_dir() {
        file = file.join("index.html");
    }
    let (status, file) = if path.contains("..") || !file.is_file() {
        ("404 Not Found", root.join("404.html"))
    } else {
        ("200 OK", file)
    };
    let body = std::fs::read(&file).unwrap_or_default();
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

#[test]
fn example_site_has_no_serious_accessibility_violations_and_no_layout_faults() {
    if !browser_ready(
        "the accessibility browser test",
        &["playwright-core", "axe-core"],
    ) {
        return;
    }
    let site = TestSite::copy_of(&repo());
    let build = site.bcop(&["build", "--no-pdf"]);
    assert!(build.ok, "build failed:\n{}", build.stderr);
    let base = serve_static(site.path().join("public"));
    let out = Command::new("node")
        .arg(repo().join("tests/browser/a11y.mjs"))
        .arg(&base)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "accessibility check failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("\"violations\":0") && stdout.contains("\"runs\":88"),
        "{stdout}"
    );
    eprintln!("a11y: {stdout}");
}
