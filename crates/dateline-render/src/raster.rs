//! PNG: the SVG, parsed by usvg with the shipped fonts, drawn by resvg at the pixel ratio.

use crate::RenderError;
use crate::text::fontdb;

/// usvg options that resolve every family, generic or named, to the shipped font.
pub(crate) fn usvg_options() -> usvg::Options<'static> {
    let mut o = usvg::Options { fontdb: fontdb(), ..usvg::Options::default() };
    o.font_family = crate::theme::theme().fonts.family.clone();
    o
}

pub(crate) fn parse(svg: &str) -> Result<usvg::Tree, RenderError> {
    usvg::Tree::from_str(svg, &usvg_options()).map_err(|e| RenderError::Raster(e.to_string()))
}

/// Rasterises `svg` at `scale` device pixels per CSS px.
pub(crate) fn pixmap(svg: &str, scale: f32) -> Result<tiny_skia::Pixmap, RenderError> {
    let tree = parse(svg)?;
    let size = tree.size();
    let w = (size.width() * scale).round() as u32;
    let h = (size.height() * scale).round() as u32;
    if u64::from(w) * u64::from(h) > 400_000_000 {
        return Err(RenderError::InvalidOptions(format!("a {w}×{h} px image is too large")));
    }
    let mut pm = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| RenderError::InvalidOptions(format!("cannot make a {w}×{h} px image")))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pm.as_mut());
    Ok(pm)
}

pub(crate) fn png(svg: &str, scale: f32) -> Result<Vec<u8>, RenderError> {
    let pm = pixmap(svg, scale)?;
    pm.encode_png().map_err(|e| RenderError::Raster(e.to_string()))
}
