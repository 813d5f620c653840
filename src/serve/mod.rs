//! `bcop serve`: the editor's live preview.
//!
//! It runs the same pipeline as `build` ([`crate::pipeline::compile`]), keeps the result in memory (it
//! never writes into `public/`), serves every language and version at once, rebuilds when a
//! source file changes, and tells open pages to reload (or to show the build error) over
//! server-sent events.

mod http;

pub(crate) use http::request_key;

use crate::error::{Code, Error, Result};
use crate::pipeline::{Options, State};
use crate::render::Contents;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Where the search index's files are (made after the pages, see [`rebuild`]).
const SEARCH_DIR: &str = "search/";

/// What the pages are told.
#[derive(Clone, Debug)]
pub enum Event {
    /// JSON `{"generation": n, "error": null | "text"}`.
    State(String),
}

/// The last good build's files, sorted by path (as [`crate::render::Output`] has them).
#[derive(Default)]
pub struct Files(Vec<crate::render::OutputFile>);

impl Files {
    pub fn get(&self, path: &str) -> Option<&Contents> {
        self.0
            .binary_search_by(|f| f.path.as_str().cmp(path))
            .ok()
            .map(|i| &self.0[i].contents)
    }
}

#[derive(Default)]
struct Current {
    files: Arc<Files>,
    generation: u64,
    error: Option<String>,
}

#[derive(Clone)]
pub struct Shared {
    current: Arc<RwLock<Current>>,
    events: tokio::sync::broadcast::Sender<Event>,
}

impl Shared {
    fn files(&self) -> Arc<Files> {
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

/// What the server serves, and where.
pub struct Settings {
    pub site: crate::pipeline::Options,
    pub ip: IpAddr,
    pub port: u16,
}

/// Builds the site, serves it, and rebuilds on every change until Ctrl-C.
pub fn run(settings: &Settings) -> Result<()> {
    let (tx, _) = tokio::sync::broadcast::channel(16);
    let shared = Shared {
        current: Arc::new(RwLock::new(Current::default())),
        events: tx,
    };
    let mut state = State::default();
    rebuild(&settings.site, &shared, &mut state);
    let watcher = watch(settings.site.clone(), shared.clone(), state)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the server's threads: {e}")))?;
    let addr = SocketAddr::new(settings.ip, settings.port);
    let result = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
            Error::command(
                Code::Serve,
                format!("cannot listen on {addr}: {e}"),
                "choose another port with --port (0 picks a free one)",
            )
        })?;
        let local = listener.local_addr().unwrap_or(addr);
        eprintln!("serving http://{local}/  (every language; Ctrl-C to stop)");
        axum::serve(listener, http::router(shared))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| {
                Error::command(
                    Code::Serve,
                    format!("the server stopped: {e}"),
                    "start it again",
                )
            })
    });
    drop(watcher);
    result
}

/// Builds into memory and publishes the result (or the error) to the open pages. Work on
/// documents that did not change is reused from `state`.
fn rebuild(site: &Options, shared: &Shared, state: &mut State) {
    let started = Instant::now();
    let result = crate::pipeline::compile(site, state, None);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let Ok(mut current) = shared.current.write() else {
        return;
    };
    match result {
        Ok(compiled) if !compiled.has_errors() => {
            for d in &compiled.diagnostics {
                eprintln!("{d}\n");
            }
            let (files, reused, search) = compiled
                .output
                .map(|o| {
                    let reused = format!(
                        " ({} of {} documents unchanged)",
                        o.documents_reused, o.documents
                    );
                    (o.files, reused, o.search)
                })
                .unwrap_or_default();
            eprintln!("rebuilt {} files in {ms:.1} ms{reused}", files.len());
            // The pages are shown at once; the search index follows when it is made, with the
            // last one's files served until then.
            let mut files = files;
            files.extend(
                current
                    .files
                    .0
                    .iter()
                    .filter(|f| f.path.starts_with(SEARCH_DIR))
                    .cloned(),
            );
            files.sort_by(|a, b| a.path.cmp(&b.path));
            current.files = Arc::new(Files(files));
            current.error = None;
            if let Some(search) = search {
                let generation = current.generation + 1;
                let shared = shared.clone();
                std::thread::spawn(move || {
                    let index = search.files();
                    if let Ok(mut current) = shared.current.write()
                        && current.generation == generation
                    {
                        let mut files: Vec<_> = current
                            .files
                            .0
                            .iter()
                            .filter(|f| !f.path.starts_with(SEARCH_DIR))
                            .cloned()
                            .collect();
                        files.extend(index);
                        files.sort_by(|a, b| a.path.cmp(&b.path));
                        current.files = Arc::new(Files(files));
                    }
                });
            }
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

/// How long the watcher waits for more events before it rebuilds. Editors save in bursts (a
/// temp file, a rename, a metadata change; or a truncation, then the new text), all within a
/// millisecond or two; waiting longer only delays the preview.
const SETTLE: Duration = Duration::from_millis(4);

/// Watches the sources and rebuilds once changes settle, on a thread of its own. The paths that
/// changed tell the next build which documents to read again ([`crate::load::Changes`]).
fn watch(site: Options, shared: Shared, mut state: State) -> Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    // Event paths are absolute when the watched paths are.
    let root = std::fs::canonicalize(&site.root).map_err(|e| Error::io(&site.root, e))?;
    let (tx, rx) = std::sync::mpsc::channel::<Option<Vec<std::path::PathBuf>>>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        match res {
            // Reading the sources during a build produces access events: only changes count.
            Ok(event)
                if !matches!(
                    event.kind,
                    notify::EventKind::Access(_) | notify::EventKind::Other
                ) && event.paths.iter().any(|p| is_source(p)) =>
            {
                // When the kernel dropped events, anything may have changed.
                let rescan = event.need_rescan() || event.paths.is_empty();
                let _ = tx.send((!rescan).then_some(event.paths));
            }
            Ok(_) => {}
            Err(_) => {
                let _ = tx.send(None);
            }
        }
    })
    .map_err(|e| {
        Error::command(
            Code::Serve,
            format!("cannot watch the site's files: {e}"),
            "on Linux, raise fs.inotify.max_user_instances",
        )
    })?;
    for name in crate::paths::site::WATCHED {
        let path = root.join(name);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher.watch(&path, mode).map_err(|e| {
                Error::command(
                    Code::Serve,
                    format!("cannot watch {}: {e}", path.display()),
                    "on Linux, raise fs.inotify.max_user_watches",
                )
            })?;
        }
    }
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut batch = vec![first];
            // Debounce: wait until no change has arrived for a short while.
            while let Ok(more) = rx.recv_timeout(SETTLE) {
                batch.push(more);
            }
            state.changed(changes(&root, batch));
            rebuild(&site, &shared, &mut state);
        }
    });
    Ok(watcher)
}

/// What a batch of watcher events means for the next build.
fn changes(
    root: &std::path::Path,
    batch: Vec<Option<Vec<std::path::PathBuf>>>,
) -> crate::load::Changes {
    let mut paths = Vec::new();
    for event in batch {
        let Some(event) = event else {
            return crate::load::Changes::All;
        };
        for p in event {
            match p.strip_prefix(root) {
                Ok(rel) => paths.push(rel.to_path_buf()),
                Err(_) => return crate::load::Changes::All,
            }
        }
    }
    crate::load::Changes::from_paths(paths.iter().map(|p| p.as_path()))
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
