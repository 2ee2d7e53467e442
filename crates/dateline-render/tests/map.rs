//! The map image's SVG: every country of the atlas, shaded by its events; arcs cut at the
//! antimeridian; spots with their places; text as text; and the PDF of it.

use dateline_model::EventKind;
use dateline_render::map::{
    CountryCount, MapArc, MapOptions, MapPicture, MapSpot, render_map_pdf, render_map_png, render_map_svg,
};

fn picture() -> MapPicture {
    MapPicture {
        countries: vec![
            CountryCount { id: "840".into(), events: 10 },
            CountryCount { id: "250".into(), events: 3 },
            CountryCount { id: "887".into(), events: 1 },
        ],
        arcs: vec![
            MapArc { from: [-77.04, 38.9], to: [2.35, 48.86] },
            MapArc { from: [-77.04, 38.9], to: [139.69, 35.69] },
        ],
        spots: vec![
            MapSpot { at: [2.35, 48.86], kinds: vec![EventKind::Meeting], events: 3, place: "Paris".into() },
            MapSpot {
                at: [44.21, 15.35],
                kinds: vec![EventKind::Visit],
                events: 1,
                place: "Sana'a <Yemen>".into(),
            },
        ],
    }
}

fn block<'a>(svg: &'a str, id: &str) -> &'a str {
    svg.split(&format!("<g id=\"{id}\">")).nth(1).and_then(|b| b.split("</g>").next()).unwrap_or("")
}

/// An attribute of an element, its text taken after `<tag `.
fn attr<'a>(el: &'a str, name: &str) -> Option<&'a str> {
    let start = if el.starts_with(&format!("{name}=\"")) {
        Some(name.len() + 2)
    } else {
        el.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3)
    }?;
    el[start..].split('"').next()
}

#[test]
fn every_country_is_drawn_and_shaded_by_its_events() {
    let opts = MapOptions { title: Some("Visits & meetings".into()), ..MapOptions::default() };
    let svg = render_map_svg(&picture(), &opts).expect("svg");
    let countries: Vec<&str> = block(&svg, "countries").split("<path ").skip(1).collect();
    assert_eq!(countries.len(), 177, "Natural Earth's 110m countries");
    let by_id = |id: &str| countries.iter().find(|c| attr(c, "data-country") == Some(id)).copied();
    let usa = by_id("840").expect("the United States");
    assert_eq!(attr(usa, "class"), Some("land s5"));
    assert_eq!(attr(usa, "data-events"), Some("10"));
    assert_eq!(by_id("250").and_then(|c| attr(c, "class")), Some("land s3"), "⌈5·√(3/10)⌉");
    assert_eq!(by_id("887").and_then(|c| attr(c, "class")), Some("land s2"), "⌈5·√(1/10)⌉");
    assert_eq!(by_id("076").and_then(|c| attr(c, "class")), Some("land s0"), "Brazil, no event");
    // Fiji crosses the antimeridian: one ring on each side, each closed.
    let fiji = by_id("242").and_then(|c| attr(c, "d")).expect("Fiji");
    assert!(
        fiji.matches('M').count() >= 3 && fiji.matches('M').count() == fiji.matches('Z').count(),
        "{fiji}"
    );
    // Text stays text, escaped.
    assert!(svg.contains(">Visits &amp; meetings</text>"));
    assert!(svg.contains("data-place=\"Sana&apos;a &lt;Yemen&gt;\""));
    // The legend names the kinds drawn, the arcs, and the shading's range.
    let legend = block(&svg, "legend");
    assert!(legend.contains(">Meeting</text>") && legend.contains(">Visit</text>"), "{legend}");
    assert!(!legend.contains(">Call</text>"));
    assert!(legend.contains(">10</text>"));
}

#[test]
fn arcs_and_spots_are_drawn_in_order() {
    let svg = render_map_svg(&picture(), &MapOptions::default()).expect("svg");
    let arcs: Vec<&str> = block(&svg, "arcs").split("<path ").skip(1).collect();
    assert_eq!(arcs.len(), 2);
    // Washington to Paris is one line; to Tokyo over the Pacific, cut at the antimeridian.
    assert_eq!(attr(arcs[0], "d").map(|d| d.matches('M').count()), Some(1));
    assert_eq!(attr(arcs[1], "d").map(|d| d.matches('M').count()), Some(2));
    let spots: Vec<&str> = block(&svg, "spots").split("<circle ").skip(1).collect();
    assert_eq!(
        spots.iter().map(|s| attr(s, "data-place")).collect::<Vec<_>>(),
        [Some("Paris"), Some("Sana&apos;a &lt;Yemen&gt;")]
    );
    // Radius 3 + 2·√events, as on screen.
    let r: f64 = attr(spots[0], "r").and_then(|r| r.parse().ok()).expect("a radius");
    assert!((r - (3.0 + 2.0 * 3f64.sqrt())).abs() < 0.06, "{r}");
    assert_eq!(attr(spots[0], "class"), Some("spot k-meeting"));
    // An empty map is still the world, without a legend for what is not there.
    let empty = render_map_svg(&MapPicture::default(), &MapOptions::default()).expect("svg");
    assert_eq!(block(&empty, "countries").matches("<path ").count(), 177);
    assert!(!block(&empty, "legend").contains("<text"));
}

#[test]
fn png_and_pdf_have_the_asked_size_and_real_text() {
    let opts = MapOptions { width: 800, scale: 2.0, title: Some("Map".into()), ..MapOptions::default() };
    let png = render_map_png(&picture(), &opts).expect("png");
    let pm = tiny_skia::Pixmap::decode_png(&png).expect("a PNG");
    assert_eq!(pm.width(), 1600);
    // The whole world's shape (about 1.92:1) under a title, above a legend.
    let h = f64::from(pm.height()) / 2.0;
    assert!((450.0..560.0).contains(&h), "{h}");
    let pdf = render_map_pdf(&picture(), &opts).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let hay = String::from_utf8_lossy(&pdf);
    assert!(hay.contains("DejaVuSans"), "the shipped font, embedded");
    let page = b"/Type /Page";
    let pages =
        pdf.windows(page.len() + 1).filter(|w| &w[..page.len()] == page && w[page.len()] != b's').count();
    assert_eq!(pages, 1);
}
