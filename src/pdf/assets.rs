//! Images for one PDF, read from disk and handed to Typst as in-memory files.
//!
//! Typst never sees the site's paths: each image becomes `/assets/<n>.<ext>` in the world,
//! so a template cannot read anything bcop did not give it, and an image Typst could not
//! decode is found here (as a warning and a placeholder) rather than failing the PDF.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use typst::foundations::{Bytes, Smart};
use typst::visualize::{
    ExchangeFormat, ImageFormat, RasterFormat, RasterImage, SvgImage, VectorFormat,
};

#[derive(Default)]
pub(crate) struct Assets {
    /// Virtual path and contents, in the order the images were first used.
    pub files: Vec<(String, Bytes)>,
    by_disk_path: HashMap<PathBuf, String>,
}

impl Assets {
    /// The virtual path for an image URL of a chapter, or why there is none.
    pub fn resolve(
        &mut self,
        chapter_assets: &BTreeMap<String, PathBuf>,
        url: &str,
    ) -> Result<String, String> {
        if crate::markdown::is_external(url) {
            return Err(format!(
                "image `{url}` is a remote URL; PDFs embed only the site's own images"
            ));
        }
        match chapter_assets.get(url) {
            Some(path) => self.add(path),
            None => Err(format!("image `{url}` not found")),
        }
    }

    /// The virtual path for the image at `path`, or why it cannot be used.
    fn add(&mut self, path: &Path) -> Result<String, String> {
        if let Some(vpath) = self.by_disk_path.get(path) {
            return Ok(vpath.clone());
        }
        let data =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let format = ImageFormat::detect(&data).ok_or_else(|| {
            format!(
                "{} is not an image format PDFs can embed (PNG, JPEG, GIF, WebP, SVG or PDF)",
                path.display()
            )
        })?;
        let data = Bytes::new(data);
        // Decoding fails at layout, where Typst's error points only at the template; decoding
        // here turns a broken file into a warning at the image. Raster decoding is memoized,
        // so Typst reuses this work.
        let ext = match format {
            ImageFormat::Raster(raster) => {
                RasterImage::new(data.clone(), raster, Smart::Auto)
                    .map_err(|e| format!("{} cannot be decoded: {e}", path.display()))?;
                match raster {
                    RasterFormat::Exchange(ExchangeFormat::Png) => "png",
                    RasterFormat::Exchange(ExchangeFormat::Jpg) => "jpg",
                    RasterFormat::Exchange(ExchangeFormat::Gif) => "gif",
                    RasterFormat::Exchange(ExchangeFormat::Webp) => "webp",
                    RasterFormat::Pixel(_) => "raw",
                }
            }
            ImageFormat::Vector(VectorFormat::Svg) => {
                SvgImage::new(data.clone())
                    .map_err(|_| format!("{} is not a valid SVG file", path.display()))?;
                "svg"
            }
            ImageFormat::Vector(VectorFormat::Pdf) => "pdf",
        };
        let vpath = format!("/assets/{}.{ext}", self.files.len());
        self.files.push((vpath.clone(), data));
        self.by_disk_path.insert(path.to_path_buf(), vpath.clone());
        Ok(vpath)
    }
}
