//! `bcop serve`: the editor's live preview.
//!
//! It runs the same pipeline as `build` ([`crate::compile`]), keeps the result in memory (it
//! never writes into `public/`), serves every language and version at once, rebuilds when a
//! source file changes, and tells open pages to reload (or to show the build error) over
//! server-sent events.

mod http;

use crate::cli::ServeArgs;
use crate::error::{Error, Result};
use crate::render::Contents;
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

pub use http::request_key;

/// What the pages are told.
#[derive(Clone, Debug)]
pub enum Event {
    /// JSON `{"generation": n, "error": null | "text"}`.
    State(String),
}

#[derive(Default)]
struct Current {
    files: Arc<BTreeMap<String, Contents>>,
    generation: u64,
    error: Option<String>,
}

#[derive(Clone)]
pub struct Shared {
    current: Arc<RwLock<Current>>,
    events: tokio::sync::broadcast::Sender<Event>,
}

impl Shared {
    fn files(&self) -> Arc<BTreeMap<String, Contents>> {
        self.current
            .read()
            .map(|c| c.files.clone())
            .unwrap_or_default()
    }

    fn state_event(&self) -> String {
        match self.current.read() {
            Ok(c) => state_json(c.generation, c.error.as_deref()),
            Err(_) => state_json(0, Some("internal error")),
        }
    }
}

fn state_json(generation: u64, error: Option<&str>) -> String {
    serde_json::json!({ "generation": generation, "error": error }).to_string()
}

pub fn run(args: &ServeArgs) -> Result<()> {
    let ip: IpAddr = args
        .bind
        .parse()
        .map_err(|_| Error::Other(format!("`{}` is not an IP address", args.bind)))?;
    if !ip.is_loopback() && !args.allow_remote {
        return Err(Error::Other(format!(
            "refusing to serve on {ip}, which other machines can reach; pass --allow-remote if that is what you want"
        )));
    }
    let (tx, _) = tokio::sync::broadcast::channel(16);
    let shared = Shared {
        current: Arc::new(RwLock::new(Current::default())),
        events: tx,
    };
    rebuild(args, &shared);
    let watcher = watch(args.clone(), shared.clone())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Other(format!("cannot start the server: {e}")))?;
    let addr = SocketAddr::new(ip, args.port);
    let result = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| Error::Other(format!("cannot listen on {addr}: {e}")))?;
        let local = listener.local_addr().unwrap_or(addr);
        eprintln!("serving http://{local}/  (every language; Ctrl-C to stop)");
        axum::serve(listener, http::router(shared))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| Error::Other(format!("server error: {e}")))
    });
    drop(watcher);
    result
}

/// Builds into memory and publishes the result (or the error) to the open pages.
fn rebuild(args: &ServeArgs, shared: &Shared) {
    let started = Instant::now();
    let site = crate::cli::SiteArgs {
        root: args.root.clone(),
        drafts: args.drafts,
        base_url: Some(format!("http://{}:{}/", args.bind, args.port)),
    };
    let result = crate::compile(&site, args.pdf);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let Ok(mut current) = shared.current.write() else {
        return;
    };
    match result {
        Ok(compiled) if !compiled.has_errors() => {
            for d in &compiled.diagnostics {
                eprintln!("{d}\n");
            }
            let files: BTreeMap<String, Contents> = compiled
                .output
                .map(|o| o.files.into_iter().map(|f| (f.path, f.contents)).collect())
                .unwrap_or_default();
            eprintln!("rebuilt {} files in {ms:.1} ms", files.len());
            current.files = Arc::new(files);
            current.error = None;
        }
        Ok(compiled) => {
            let text: Vec<String> = compiled
                .diagnostics
                .iter()
                .map(ToString::to_string)
                .collect();
            let text = text.join("\n\n");
            eprintln!("{text}\n\nbuild failed in {ms:.1} ms; still serving the last good build");
            current.error = Some(text);
        }
        Err(e) => {
            eprintln!("error: {e}");
            current.error = Some(e.to_string());
        }
    }
    current.generation += 1;
    let _ = shared.events.send(Event::State(state_json(
        current.generation,
        current.error.as_deref(),
    )));
}

/// Watches the sources and rebuilds after changes settle (editors save in bursts: a temp file,
/// a rename, a metadata change), on a thread of its own.
fn watch(args: ServeArgs, shared: Shared) -> Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // Reading the sources during a build produces access events: only changes count.
        if let Ok(event) = res
            && !matches!(
                event.kind,
                notify::EventKind::Access(_) | notify::EventKind::Other
            )
            && event.paths.iter().any(|p| is_source(p))
        {
            let _ = tx.send(());
        }
    })
    .map_err(|e| Error::Other(format!("cannot watch files: {e}")))?;
    for name in [
        "content",
        "locales",
        "themes",
        "templates",
        "static",
        "site.yaml",
    ] {
        let path = args.root.join(name);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher
                .watch(&path, mode)
                .map_err(|e| Error::Other(format!("cannot watch {}: {e}", path.display())))?;
        }
    }
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // Debounce: wait until no change has arrived for a short while.
            while rx.recv_timeout(Duration::from_millis(30)).is_ok() {}
            rebuild(&args, &shared);
        }
    });
    Ok(watcher)
}

/// Editors' swap and backup files are not sources.
fn is_source(path: &std::path::Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !(name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913")
}
