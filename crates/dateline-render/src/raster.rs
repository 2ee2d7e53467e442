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
    encode(&pm).map_err(|e| RenderError::Raster(e.to_string()))
}

/// PNG-encodes a pixmap, with fast deflate and the Up filter: flat fills and long horizontal
/// rules compress well with it, at a fraction of the default level's time. The background is
/// opaque, so premultiplied pixels are already straight RGBA and go out without a copy.
pub(crate) fn encode(pm: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let data = pm.data();
    // A fold without early exit vectorises; `all` over 8 M pixels costs more than the check is worth.
    let opaque = data.chunks_exact(4).fold(255u8, |acc, p| acc & p[3]) == 255;
    let mut out = Vec::with_capacity(data.len() / 8);
    let mut enc = png::Encoder::new(&mut out, pm.width(), pm.height());
    enc.set_depth(png::BitDepth::Eight);
    enc.set_color(png::ColorType::Rgba);
    enc.set_compression(png::Compression::Fast);
    enc.set_filter(png::FilterType::Up);
    let mut w = enc.write_header()?;
    if opaque {
        w.write_image_data(data)?;
    } else {
        let mut straight = data.to_vec();
        for p in straight.chunks_exact_mut(4) {
            let a = u16::from(p[3]);
            if a > 0 && a < 255 {
                for c in &mut p[..3] {
                    *c = ((u16::from(*c) * 255 + a / 2) / a).min(255) as u8;
                }
            }
        }
        w.write_image_data(&straight)?;
    }
    w.finish()?;
    Ok(out)
}
