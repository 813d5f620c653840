//! The Typst "world" that one PDF is compiled in, and the fonts that every world shares.
//!
//! Typst reads everything through the `World` trait. Ours is sealed: the main file is the
//! template followed by the generated document, images are in-memory files, there are no
//! packages and no network, and `today()` is the document's date, so that the same input
//! always gives the same PDF. Fonts are scanned once per engine (scanning and loading a
//! CJK collection costs far more than typesetting a document) and shared by all worlds.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_kit::fonts::{FontPath, FontStore};

/// The Japanese font that bcop carries, so that a Japanese PDF never depends on what the
/// machine has installed: BIZ UDGothic 1.05, regular and bold (SIL Open Font License 1.1; see
/// `bundled-fonts/OFL.txt`). Installed CJK fonts still come first where present.
const BUNDLED: [&[u8]; 2] = [
    include_bytes!("bundled-fonts/BIZUDGothic-Regular.ttf"),
    include_bytes!("bundled-fonts/BIZUDGothic-Bold.ttf"),
];

/// Every font the engine can use, and a fingerprint of the set for the PDF cache.
pub(crate) struct Fonts {
    store: FontStore,
    pub fingerprint: [u8; 32],
}

impl Fonts {
    /// Theme fonts first, so that they win over a system font of the same family; then
    /// Typst's embedded fonts and bcop's own, so that the default look does not depend on the
    /// machine; then the system's, sorted by path because directory order is not stable.
    pub fn load(font_dirs: &[PathBuf], system: bool) -> Self {
        let mut store = FontStore::new();
        let mut hasher = blake3::Hasher::new();
        hasher.update(b"bcop-fonts-v1");
        for dir in font_dirs {
            let found: Vec<_> = typst_kit::fonts::scan(dir).collect();
            push_sorted(&mut store, &mut hasher, found);
        }
        let embedded: Vec<_> = typst_kit::fonts::embedded().collect();
        hasher.update(&(embedded.len() as u64).to_le_bytes());
        store.extend(embedded);
        hasher.update(b"bundled: BIZ UDGothic 1.05");
        for data in BUNDLED {
            store.extend(Font::iter(Bytes::new(data)).map(|font| {
                let info = font.info().clone();
                (font, info)
            }));
        }
        if system {
            let found: Vec<_> = typst_kit::fonts::system().collect();
            push_sorted(&mut store, &mut hasher, found);
        }
        Self {
            store,
            fingerprint: *hasher.finalize().as_bytes(),
        }
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    /// The family name as the fonts spell it, if a family of that name is installed.
    pub fn family(&self, name: &str) -> Option<String> {
        let book = self.store.book();
        let index = book.select_family(&name.to_lowercase()).next()?;
        book.info(index).map(|info| info.family.clone())
    }

    /// Families whose fonts cover `c`, in name order.
    pub fn families_covering(&self, c: char) -> Vec<String> {
        self.store
            .book()
            .families()
            .filter_map(|(name, mut ids)| {
                let covers =
                    ids.any(|i| self.info(i).is_some_and(|f| f.coverage.contains(c as u32)));
                covers.then(|| name.to_string())
            })
            .collect()
    }

    /// Whether any font covers `c`, which is what Typst's own fallback needs.
    pub fn covers(&self, c: char) -> bool {
        let book = self.store.book();
        (0..)
            .map_while(|i| book.info(i))
            .any(|info| info.coverage.contains(c as u32))
    }

    fn info(&self, index: usize) -> Option<&FontInfo> {
        self.store.book().info(index)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }
}

fn push_sorted(
    store: &mut FontStore,
    hasher: &mut blake3::Hasher,
    mut found: Vec<(FontPath, FontInfo)>,
) {
    found.sort_by(|a, b| (&a.0.path, a.0.index).cmp(&(&b.0.path, b.0.index)));
    for (path, _) in &found {
        hasher.update(path.path.as_os_str().as_encoded_bytes());
        hasher.update(&path.index.to_le_bytes());
        // Size and time stand in for the contents: reading every font to hash it would
        // cost more than the whole build.
        if let Ok(meta) = std::fs::metadata(&path.path) {
            hasher.update(&meta.len().to_le_bytes());
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            hasher.update(&mtime.to_le_bytes());
        }
    }
    store.extend(found);
}

/// The path of the generated main file. Paths are interned by Typst for the life of the
/// process, so every document reuses the same few.
const MAIN_PATH: &str = "/bcop-document.typ";

pub(crate) fn virtual_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One document's world.
pub(crate) struct DocWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a Fonts,
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

impl<'a> DocWorld<'a> {
    /// `files` maps virtual paths (such as `/assets/0.png`) to their bytes.
    pub fn new(
        library: &'a LazyHash<Library>,
        fonts: &'a Fonts,
        main_text: String,
        files: Vec<(String, Bytes)>,
        today: Option<Datetime>,
    ) -> Self {
        let main_id = virtual_id(MAIN_PATH).expect("the main path is a valid virtual path");
        let files = files
            .into_iter()
            .filter_map(|(path, bytes)| Some((virtual_id(&path)?, bytes)))
            .collect();
        Self {
            library,
            fonts,
            main: Source::new(main_id, main_text),
            files,
            today,
        }
    }

    pub fn main_source(&self) -> &Source {
        &self.main
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

/// Templates may only read the files bcop gives them; packages are never fetched.
fn not_found(id: FileId) -> FileError {
    FileError::NotFound(Path::new(id.vpath().get_with_slash()).to_path_buf())
}
