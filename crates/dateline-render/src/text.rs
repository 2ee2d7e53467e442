//! The shipped font: measuring text for layout, and the font database the painters use.
//!
//! fontdb maps the generic families (`sans-serif`, …) to Arial and friends by default; none
//! of those are on a build machine or promised on a user's, and a missing family makes text
//! silently vanish from PNG and PDF. So the database holds only the shipped fonts and every
//! generic family points at them: output is the same on every machine.

use std::sync::{Arc, OnceLock};

use usvg::fontdb;

pub const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
pub const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advance widths for U+0000..U+0100 in font units, the common case.
    latin: [f32; 256],
}

impl Metrics {
    fn new(data: &'static [u8]) -> Self {
        let face = ttf_parser::Face::parse(data, 0).expect("shipped font parses");
        let units_per_em = f32::from(face.units_per_em());
        let mut latin = [0.0; 256];
        for (i, w) in latin.iter_mut().enumerate() {
            *w = char::from_u32(i as u32).map_or(0.0, |c| advance(&face, c));
        }
        Self { face, units_per_em, latin }
    }

    fn width(&self, text: &str, size: f32, fallback: Option<&Metrics>) -> f32 {
        text.chars()
            .map(|c| {
                let i = c as usize;
                if i < 256 {
                    return self.latin[i] * size / self.units_per_em;
                }
                // The bold subset is smaller: what it lacks is drawn in regular.
                match (self.face.glyph_index(c), fallback) {
                    (None, Some(f)) => advance(&f.face, c) * size / f.units_per_em,
                    _ => advance(&self.face, c) * size / self.units_per_em,
                }
            })
            .sum()
    }
}

fn advance(face: &ttf_parser::Face<'_>, c: char) -> f32 {
    if c.is_control() {
        return 0.0;
    }
    let gid = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
    f32::from(face.glyph_hor_advance(gid).unwrap_or(0))
}

fn measure(text: &str, size: f32, bold: bool) -> f32 {
    if bold {
        metrics(true).width(text, size, Some(metrics(false)))
    } else {
        metrics(false).width(text, size, None)
    }
}

fn metrics(bold: bool) -> &'static Metrics {
    static REG: OnceLock<Metrics> = OnceLock::new();
    static BLD: OnceLock<Metrics> = OnceLock::new();
    if bold { BLD.get_or_init(|| Metrics::new(BOLD)) } else { REG.get_or_init(|| Metrics::new(REGULAR)) }
}

/// The advance width of `text` at `size` px in the shipped font (no kerning: a close estimate).
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    measure(text, size, bold)
}

/// `text` shortened with an ellipsis so it is at most `max` px wide; empty when even "…" is too wide.
pub fn ellipsize(text: &str, size: f32, bold: bool, max: f32) -> String {
    if text_width(text, size, bold) <= max {
        return text.to_string();
    }
    let budget = max - measure("…", size, bold);
    if budget <= 0.0 {
        return String::new();
    }
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = measure(c.encode_utf8(&mut [0; 4]), size, bold);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end();
    format!("{trimmed}…")
}

/// A font database holding only the shipped fonts, with every generic family mapped to them.
pub fn fontdb() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        let family = crate::theme::theme().fonts.family.clone();
        db.set_sans_serif_family(family.clone());
        db.set_serif_family(family.clone());
        db.set_monospace_family(family.clone());
        db.set_cursive_family(family.clone());
        db.set_fantasy_family(family);
        Arc::new(db)
    })
    .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_plausible() {
        let w = text_width("Dateline", 10.0, false);
        assert!(w > 30.0 && w < 60.0, "{w}");
        assert!(text_width("Dateline", 10.0, true) > w);
        assert!(text_width("Дейтлайн", 10.0, false) > 30.0, "Cyrillic is covered");
        // Arabic is only in regular; bold measures it with regular's advances, not .notdef's.
        let ar = "دبلوماسية";
        assert!((text_width(ar, 10.0, true) - text_width(ar, 10.0, false)).abs() < 0.01);
        assert!(text_width(ar, 10.0, false) > 20.0);
    }

    #[test]
    fn ellipsis_fits() {
        let s = ellipsize("A very long label that will not fit", 11.0, false, 80.0);
        assert!(s.ends_with('…'));
        assert!(text_width(&s, 11.0, false) <= 80.0);
        assert_eq!(ellipsize("short", 11.0, false, 80.0), "short");
    }

    #[test]
    fn fontdb_maps_generic_families_to_shipped_font() {
        let db = fontdb();
        let q = fontdb::Query { families: &[fontdb::Family::SansSerif], ..Default::default() };
        assert!(db.query(&q).is_some());
        let q = fontdb::Query { families: &[fontdb::Family::Serif], ..Default::default() };
        assert!(db.query(&q).is_some());
        assert_eq!(db.len(), 2);
    }
}
