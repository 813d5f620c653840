//! `bcop serve`: live reload in a real browser, the error overlay, path safety, and the
//! loopback-only default.

use crate::support::{TestSite, browser_ready, repo};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// A running `bcop serve`, stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &TestSite) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bcop"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site.path())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start bcop serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let base = loop {
        let line = lines.next().expect("serve exited early").expect("read");
        if let Some(rest) = line.strip_prefix("serving ") {
            break rest.split_whitespace().next().expect("url").to_string();
        }
    };
    // Keep draining stderr so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, base }
}

/// Sends a raw request line (no client-side path normalisation) and returns the response.
fn raw_get(base: &str, path: &str) -> String {
    let addr = base.trim_start_matches("http://").trim_end_matches('/');
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("read");
    out
}

#[test]
fn request_paths_cannot_leave_the_served_site() {
    let site = TestSite::copy_of(&repo());
    let server = serve(&site);
    let ok = raw_get(&server.base, "/en/index.html");
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    assert!(
        ok.contains("/__bcop/reload.js"),
        "serve injects the reload script"
    );
    for bad in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/en/..%2f..%2fsite.yaml",
        "/..\\..\\site.yaml",
        "/en/%5c..%5csite.yaml",
    ] {
        let resp = raw_get(&server.base, bad);
        assert!(
            !resp.contains("root:x:0") && !resp.contains("base_url:"),
            "{bad} leaked:\n{resp}"
        );
        assert!(
            resp.starts_with("HTTP/1.1 400") || resp.starts_with("HTTP/1.1 404"),
            "{bad}: {resp}"
        );
    }
    assert!(!site.exists("public"), "serve must never write public/");
}

#[test]
fn serve_refuses_a_public_address_unless_allowed() {
    let site = TestSite::copy_of(&repo());
    let r = site.bcop(&["serve", "--bind", "0.0.0.0", "--port", "0"]);
    assert!(!r.ok);
    assert!(r.stderr.contains("pass --allow-remote"), "{}", r.stderr);
}

#[test]
fn live_reload_overlay_and_language_switch_work_in_a_real_browser() {
    if !browser_ready("the live-reload browser test", &["playwright-core"]) {
        return;
    }
    let browser_dir = repo().join("tests/browser");
    let site = TestSite::copy_of(&repo());
    let server = serve(&site);
    let shots = std::env::var("BCOP_SCREENSHOTS")
        .unwrap_or_else(|_| site.path().to_string_lossy().into_owned());
    let out = Command::new("node")
        .arg(browser_dir.join("serve.mjs"))
        .args([
            &server.base,
            &site.path().to_string_lossy().into_owned(),
            &shots,
        ])
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "browser test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("\"switched_to\":\"/ja/cpe-security/1.0/01-scope.html\""),
        "{stdout}"
    );
    eprintln!("browser: {stdout}");
    assert!(!site.exists("public"), "serve must never write public/");
}
