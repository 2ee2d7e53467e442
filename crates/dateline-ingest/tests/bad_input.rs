//! Bad input, built at test time: each case gets a clear per-file outcome, and nothing crashes,
//! hangs or eats memory without bound.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline_ingest::{
    EntryProblem, IngestError, Limits, Origin, Outcome, discover, read_bytes, read_file,
    read_file_with_problems,
};
use zip::write::SimpleFileOptions;

use common::{pdf_of, pdf_of_bytes};

const STORY: &str = "Talks in Geneva\n\nGENEVA, May 3, 2022 (Example Wire) - The foreign ministers met on Tuesday.\n\nThey agreed to meet again.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

fn failed(path: &Path) -> String {
    failed_with(path, &Limits::default())
}

fn failed_with(path: &Path, limits: &Limits) -> String {
    match read_file(path, limits) {
        Outcome::Failed(e) => e.to_string(),
        other => panic!("{}: expected a failure, got {other:?}", path.display()),
    }
}

fn articles(path: &Path) -> Vec<dateline_ingest::Article> {
    match read_file(path, &Limits::default()) {
        Outcome::Articles(a) => a,
        other => panic!("{}: expected articles, got {other:?}", path.display()),
    }
}

fn zip_of(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(method).large_file(false);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn deflated(entries: &[(&str, &[u8])]) -> Vec<u8> {
    zip_of(entries, zip::CompressionMethod::Deflated)
}

/// A one-page PDF whose page content stream is `stream`, with a correct xref table.
fn pdf_with_stream(stream: &str) -> Vec<u8> {
    common::one_page_pdf("", stream.as_bytes())
}

fn text_pdf() -> Vec<u8> {
    pdf_with_stream("BT /F1 12 Tf 72 720 Td (Ministers meet in Oslo on Tuesday for talks.) Tj ET")
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "empty.txt", b"");
    assert_eq!(failed(&p), "empty file: nothing to read");
    let p = write(dir.path(), "blank.txt", b"  \n\n \t\n");
    assert_eq!(failed(&p), "no article text found in this text file");
}

#[test]
fn binary_file_named_txt() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let p = write(dir.path(), "notes.txt", &bytes);
    assert_eq!(failed(&p), "not a text file: binary content (NUL bytes) in a .txt");
}

#[test]
fn nul_bytes_in_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = STORY.as_bytes().to_vec();
    bytes.splice(20..20, [0u8, 0, 0]);
    let p = write(dir.path(), "story.txt", &bytes);
    assert_eq!(failed(&p), "not a text file: binary content (NUL bytes) in a .txt");
    let p = write(dir.path(), "story.md", &bytes);
    assert_eq!(failed(&p), "not a text file: binary content (NUL bytes) in a .md");
}

#[test]
fn invalid_utf8_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    // Mostly UTF-8, with broken bytes: kept as UTF-8 with replacement characters.
    let mut bytes = "Café talks in Zürich\n\nThe ministers met in Zürich on Monday. ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff\xfe broken \xc3 bytes.\n");
    let p = write(dir.path(), "broken.txt", &bytes);
    let a = articles(&p);
    assert_eq!(a[0].title.as_deref(), Some("Café talks in Zürich"));
    assert!(a[0].text.contains('\u{fffd}'));
    // No multi-byte UTF-8 at all: a legacy 8-bit encoding (Windows-1252).
    let p = write(
        dir.path(),
        "legacy.txt",
        b"Caf\xe9 talks\n\nThe minister\x92s visit went well in Z\xfcrich.\n",
    );
    let a = articles(&p);
    assert_eq!(a[0].text, "Café talks\n\nThe minister\u{2019}s visit went well in Zürich.");
}

#[test]
fn two_gigabyte_text_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(2 * 1024 * 1024 * 1024).unwrap(); // sparse: nothing is written
    let start = Instant::now();
    assert_eq!(failed(&p), "file is too large: 2 GiB (the limit is 256 MiB)");
    assert!(start.elapsed() < Duration::from_secs(1), "the size is checked before reading");
}

#[test]
fn truncated_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = text_pdf();
    // The whole PDF reads.
    let p = write(dir.path(), "whole.pdf", &pdf);
    assert!(articles(&p)[0].text.contains("Ministers meet in Oslo"));
    for cut in [pdf.len() / 2, pdf.len() / 4, 40, 9] {
        let p = write(dir.path(), &format!("cut{cut}.pdf"), &pdf[..cut]);
        let msg = failed(&p);
        assert!(
            msg.starts_with("PDF is damaged or unreadable:") || msg.starts_with("PDF has no text layer"),
            "cut at {cut}: {msg}"
        );
    }
    let p = write(dir.path(), "fake.pdf", b"this is not a PDF at all");
    assert_eq!(failed(&p), "PDF is damaged or unreadable: no PDF header: this is not a PDF file");
}

#[test]
fn scanned_pdf_without_text_layer() {
    let dir = tempfile::tempdir().unwrap();
    // A page that only paints a rectangle: what a scan without OCR looks like to a text reader.
    let p = write(dir.path(), "scan.pdf", &pdf_with_stream("0 0 1 rg 10 10 200 200 re f"));
    assert_eq!(failed(&p), "PDF has no text layer (scanned?): run it through OCR first");
}

#[test]
fn docx_without_document_part() {
    let dir = tempfile::tempdir().unwrap();
    let bytes =
        deflated(&[("[Content_Types].xml", b"<Types/>"), ("docProps/core.xml", b"<cp:coreProperties/>")]);
    let p = write(dir.path(), "report.docx", &bytes);
    assert_eq!(failed(&p), "DOCX is damaged: its document part (word/document.xml) is missing");
    let p = write(dir.path(), "notzip.docx", b"PK\x03\x04 but not really a zip");
    assert!(failed(&p).starts_with("DOCX is damaged: not a DOCX (zip) package:"));
    let bytes = deflated(&[("word/document.xml", b"<w:document><w:body><w:p><w:r><w:t>Half")]);
    let p = write(dir.path(), "cut.docx", &bytes);
    // Truncated XML: the text read so far is kept or a clear message is given; never a panic.
    match read_file(&p, &Limits::default()) {
        Outcome::Failed(e) => assert!(e.to_string().starts_with("DOCX is damaged"), "{e}"),
        Outcome::Articles(_) => {}
        o => panic!("{o:?}"),
    }
}

#[test]
fn zip_bomb_by_ratio() {
    let dir = tempfile::tempdir().unwrap();
    let zeros = vec![0u8; 64 * 1024 * 1024];
    let bytes = deflated(&[("story.txt", STORY.as_bytes()), ("zeros.txt", &zeros)]);
    assert!(bytes.len() < 1024 * 1024);
    let p = write(dir.path(), "bomb.zip", &bytes);
    // What was read before the bomb stays read; the bomb and what follows it are named.
    let (outcome, problems) = read_file_with_problems(&p, &Limits::default());
    assert!(matches!(outcome, Outcome::Articles(a) if a.len() == 1));
    assert_eq!(
        problems,
        [EntryProblem {
            entry: "zeros.txt".into(),
            message: "zip bomb: entry zeros.txt unpacks to more than 100 times its packed size: \
                      this entry and the ones after it were not read"
                .into(),
            skipped: false,
        }]
    );
    let p = write(
        dir.path(),
        "bomb-first.zip",
        &deflated(&[("zeros.txt", &zeros), ("story.txt", STORY.as_bytes())]),
    );
    assert_eq!(failed(&p), "zip bomb: entry zeros.txt unpacks to more than 100 times its packed size");
}

#[test]
fn zip_bomb_by_total() {
    let dir = tempfile::tempdir().unwrap();
    // Incompressible-ish text: the ratio is fine, the total is not.
    let noise: Vec<u8> =
        (0..600_000u32).map(|i| b'a' + ((i.wrapping_mul(2_654_435_761) >> 7) % 26) as u8).collect();
    let bytes = deflated(&[("a.txt", &noise), ("b.txt", &noise), ("c.txt", &noise)]);
    let p = write(dir.path(), "big.zip", &bytes);
    let limits = Limits { max_total_unpacked_bytes: 1024 * 1024, ..Limits::default() };
    let (outcome, problems) = read_file_with_problems(&p, &limits);
    assert!(matches!(outcome, Outcome::Articles(a) if a.len() == 1));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].entry, "b.txt");
    assert_eq!(
        problems[0].message,
        "zip bomb: entries unpack to more than 1 MiB: this entry and the ones after it were not read"
    );
    let limits = Limits { max_total_unpacked_bytes: 500_000, ..Limits::default() };
    assert_eq!(failed_with(&p, &limits), "zip bomb: entries unpack to more than 488.3 KiB");
    // Too many entries.
    let many: Vec<(String, Vec<u8>)> =
        (0..20).map(|i| (format!("{i}.txt"), STORY.as_bytes().to_vec())).collect();
    let refs: Vec<(&str, &[u8])> = many.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    let p = write(dir.path(), "many.zip", &deflated(&refs));
    let limits = Limits { max_entries: 10, ..Limits::default() };
    assert_eq!(failed_with(&p, &limits), "archive has more than 10 entries");
}

#[test]
fn zip_nested_too_deep() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = deflated(&[("story.txt", STORY.as_bytes())]);
    for level in 0..5 {
        bytes = deflated(&[(&format!("level{level}.zip"), &bytes)]);
    }
    let p = write(dir.path(), "nest.zip", &bytes);
    let msg = failed(&p);
    assert!(msg.ends_with(": archives nested more than 3 deep"), "{msg}");
    // Within the depth limit it reads.
    let mut ok = deflated(&[("story.txt", STORY.as_bytes())]);
    ok = deflated(&[("inner.zip", &ok)]);
    let p = write(dir.path(), "ok.zip", &ok);
    assert_eq!(articles(&p)[0].origin.entry.as_deref(), Some("inner.zip!story.txt"));
}

#[test]
fn zip_with_parent_paths_is_named_safely_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("inside");
    std::fs::create_dir(&inner).unwrap();
    let bytes = deflated(&[
        ("../../escape.txt", STORY.as_bytes()),
        ("/abs/root.txt", STORY.as_bytes()),
        ("..\\win\\evil.txt", STORY.as_bytes()),
    ]);
    let p = write(&inner, "evil.zip", &bytes);
    let a = articles(&p);
    let entries: Vec<_> = a.iter().map(|a| a.origin.entry.clone().unwrap()).collect();
    assert_eq!(entries, ["escape.txt", "abs/root.txt", "win/evil.txt"]);
    assert_eq!(a[0].doc, "escape");
    let listing: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(listing, ["inside"], "nothing is written next to the archive");
    assert_eq!(std::fs::read_dir(&inner).unwrap().count(), 1);
}

#[test]
fn damaged_zip() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = deflated(&[("story.txt", STORY.as_bytes())]);
    let p = write(dir.path(), "cut.zip", &bytes[..bytes.len() / 2]);
    assert!(failed(&p).starts_with("not a valid zip archive:"));
    let p = write(dir.path(), "pics.zip", &deflated(&[("a.png", b"\x89PNG")]));
    assert_eq!(failed(&p), "no article text found in this zip archive (no article files in it)");
    let p = write(dir.path(), "bad-entry.zip", &deflated(&[("x.txt", b"a\0b\0c\0d\0e")]));
    assert_eq!(failed(&p), "x.txt: not a text file: binary content (NUL bytes) in a .txt");
    // One bad entry among good ones: the articles, and the problem on the side.
    let p = write(
        dir.path(),
        "mixed.zip",
        &deflated(&[("x.txt", b"a\0b\0c\0d\0e"), ("ok.txt", STORY.as_bytes())]),
    );
    let (outcome, problems) = read_file_with_problems(&p, &Limits::default());
    assert!(matches!(outcome, Outcome::Articles(a) if a.len() == 1));
    assert_eq!(
        problems,
        [EntryProblem {
            entry: "x.txt".into(),
            message: "not a text file: binary content (NUL bytes) in a .txt".into(),
            skipped: false,
        }]
    );
}

/// Runs `f` on a thread with a small stack, so that recursion on nesting would overflow.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(256 * 1024).spawn(f).unwrap().join().expect("no stack overflow")
}

#[test]
fn deeply_nested_html() {
    let depth = 10_000;
    let mut html = String::from("<html><head><title>Deep</title></head><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str("<p>Ministers met at the bottom of the tree.</p>");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    let a = on_small_stack(move || {
        read_bytes("deep.html", html.as_bytes(), Origin::file("deep.html"), &Limits::default())
    });
    let a = a.unwrap();
    assert!(a[0].text.contains("Ministers met at the bottom of the tree."), "{}", a[0].text);
    // Unclosed inline nesting as well.
    let html = format!("<p>{}Deep words", "<span><b><i>".repeat(10_000));
    let a = on_small_stack(move || {
        read_bytes("inline.html", html.as_bytes(), Origin::file("x"), &Limits::default())
    });
    assert!(a.unwrap()[0].text.contains("Deep words"));
}

#[test]
fn deeply_nested_json_xml_markdown() {
    let json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = on_small_stack(move || {
        read_bytes("deep.json", json.as_bytes(), Origin::file("x"), &Limits::default())
    });
    let msg = e.unwrap_err().to_string();
    assert!(
        msg.starts_with("JSON is not valid: line 1 column ") && msg.ends_with("recursion limit exceeded"),
        "{msg}"
    );
    let xml = format!("<rss><channel>{}", "<x>".repeat(100_000));
    let e =
        on_small_stack(move || read_bytes("deep.rss", xml.as_bytes(), Origin::file("x"), &Limits::default()));
    assert_eq!(e.unwrap_err().to_string(), "RSS/Atom feed is malformed: elements nested more than 256 deep");
    let md = format!("{}Deep quote", "> ".repeat(10_000));
    let a =
        on_small_stack(move || read_bytes("deep.md", md.as_bytes(), Origin::file("x"), &Limits::default()));
    assert!(a.unwrap()[0].text.contains("Deep quote"));
}

#[test]
fn json_of_the_wrong_shape() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "numbers.json", b"[1, 2, 3]");
    assert_eq!(
        failed(&p),
        "JSON has no articles: expected an object with a text/body/content/article field, or an array of such objects; found an array of 3 items, the first a number"
    );
    let p = write(dir.path(), "config.json", br#"{"theme": "dark", "size": 3}"#);
    assert!(failed(&p).ends_with("found an object with keys size, theme"));
    let p = write(dir.path(), "broken.json", b"{\"title\": \"x\",\n \"text\": ");
    assert_eq!(failed(&p), "JSON is not valid: line 2 column 8: EOF while parsing a value");
    let p = write(dir.path(), "lines.jsonl", b"not json\nstill not\n");
    assert_eq!(failed(&p), "JSON is not valid: line 1: expected ident");
}

#[test]
fn malformed_feed() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "cut.rss",
        b"<rss><channel><title>W</title><item><title>A</title><description>Text",
    );
    // The item was never closed: no complete item, and the reason is where it broke off.
    assert_eq!(failed(&p), "RSS/Atom feed is malformed: it ends inside <description>: cut short");
    let p =
        write(dir.path(), "bad.rss", b"<rss><channel><item><title>A</title></wrong></item></channel></rss>");
    assert!(failed(&p).starts_with("RSS/Atom feed is malformed:"));
    let p = write(dir.path(), "notfeed.xml", b"<config><a>1</a></config>");
    assert_eq!(
        failed(&p),
        "RSS/Atom feed is malformed: no <rss>, <feed> or <rdf:RDF> element: not a news feed"
    );
}

#[test]
fn not_article_formats_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "photo.png", b"\x89PNG\r\n\x1a\n");
    assert!(
        matches!(read_file(&p, &Limits::default()), Outcome::Skipped(s) if s == "not an article format: .png is an image")
    );
    let p = write(dir.path(), "setup.exe", b"MZ\x90\0");
    assert!(
        matches!(read_file(&p, &Limits::default()), Outcome::Skipped(s) if s == "not an article format: .exe is a program")
    );
    let p = write(dir.path(), "blob.dat", &[0u8, 1, 2, 3, 255, 254, 0, 7]);
    assert!(matches!(read_file(&p, &Limits::default()),
        Outcome::Skipped(s) if s == "not an article format: .dat holds binary data of an unknown kind"));
    let p = write(dir.path(), "README", STORY.as_bytes());
    assert_eq!(articles(&p)[0].title.as_deref(), Some("Talks in Geneva"));
    assert!(matches!(read_file(dir.path(), &Limits::default()), Outcome::Skipped(_)));
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "secret.txt", STORY.as_bytes());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root = std::fs::read(&p).is_ok(); // root reads through any permission
    match read_file(&p, &Limits::default()) {
        Outcome::Failed(e) => {
            assert!(!root);
            assert!(matches!(e, IngestError::Io { kind: std::io::ErrorKind::PermissionDenied, .. }));
            assert!(
                e.to_string().ends_with("secret.txt: permission denied (check the file's permissions)"),
                "{e}"
            );
        }
        Outcome::Articles(a) => {
            assert!(root && a.len() == 1, "running as root, permissions do not stop reads")
        }
        o => panic!("{o:?}"),
    }
    // Unreadable as root too: a dangling symlink and a path through a file.
    let link = dir.path().join("gone.txt");
    std::os::unix::fs::symlink(dir.path().join("missing.txt"), &link).unwrap();
    assert!(failed(&link).ends_with("gone.txt: no such file"));
    let through = dir.path().join("secret.txt/child.txt");
    assert!(failed(&through).starts_with("cannot read "));
}

#[test]
fn discover_walks_sorts_dedups_and_survives_loops() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "b.txt", STORY.as_bytes());
    write(d, "a/one.html", b"<p>x</p>");
    write(d, ".hidden/secret.txt", b"x");
    write(d, "a/.DS_Store", b"x");
    std::os::unix::fs::symlink(d, d.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(d.join("b.txt"), d.join("c-link.txt")).unwrap();
    let start = Instant::now();
    let found = discover(&[d.to_path_buf(), d.join("b.txt")]);
    assert!(start.elapsed() < Duration::from_secs(5));
    let files: Vec<_> =
        found.iter().filter(|f| f.problem.is_none()).map(|f| f.path.strip_prefix(d).unwrap()).collect();
    assert_eq!(files, [Path::new("a/one.html"), Path::new("b.txt")], "c-link.txt is b.txt reached twice");
    let problems: Vec<_> = found.iter().filter_map(|f| f.problem.as_deref()).collect();
    assert_eq!(problems.len(), 1, "{found:?}");
    assert!(problems[0].starts_with("symlink loop: leads back to "), "{}", problems[0]);
    let missing = discover(&[d.join("nope")]);
    assert_eq!(missing[0].problem.as_deref(), Some("no such file or folder"));
}

/// The peak memory of this process so far (Linux), when known.
fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// A one-page PDF whose page content stream is `data` under `filter`, built as `pdf_with_stream`.
fn pdf_with_filtered_stream(filter: &str, data: &[u8]) -> Vec<u8> {
    common::one_page_pdf(&format!(" /Filter {filter}"), data)
}

/// `len` bytes of zeros, compressed with zlib a chunk at a time (the zeros are never held).
fn zlib_zeros(len: usize) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![0u8; 1024 * 1024];
    for _ in 0..len / chunk.len() {
        e.write_all(&chunk).unwrap();
    }
    e.finish().unwrap()
}

#[test]
fn pdf_flate_bomb_is_refused_by_name_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    // An ordinary compressed page reads.
    let page = b"BT /F1 12 Tf 72 720 Td (Ministers meet in Oslo on Tuesday for talks.) Tj ET";
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(page).unwrap();
    let p = write(dir.path(), "page.pdf", &pdf_with_filtered_stream("/FlateDecode", &e.finish().unwrap()));
    assert!(articles(&p)[0].text.contains("Oslo"));
    // 64 MiB of zeros in a content stream of well under 1 MiB: refused by its ratio.
    let bomb = zlib_zeros(64 * 1024 * 1024);
    assert!(bomb.len() < 1024 * 1024);
    let p = write(dir.path(), "bomb.pdf", &pdf_with_filtered_stream("/FlateDecode", &bomb));
    let start = Instant::now();
    assert_eq!(failed(&p), "PDF bomb: a compressed stream unpacks to more than 100 times its packed size");
    assert!(start.elapsed() < Duration::from_secs(60));
    // Within the ratio but past what one file may unpack to: refused by its total.
    let noise: Vec<u8> =
        (0..6 * 1024 * 1024u32).map(|i| b'a' + ((i.wrapping_mul(2_654_435_761) >> 7) % 26) as u8).collect();
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(&noise).unwrap();
    let packed = e.finish().unwrap();
    drop(noise);
    assert!(packed.len() < 5 * 1024 * 1024);
    let limits = Limits { max_file_bytes: packed.len() as u64 + 4096, ..Limits::default() };
    let p = write(dir.path(), "big.pdf", &pdf_with_filtered_stream("/FlateDecode", &packed));
    let msg = failed_with(&p, &limits);
    assert!(msg.starts_with("PDF bomb: "), "{msg}");
    // Inside a zip, the bomb is named as the entry it is.
    let p = write(
        dir.path(),
        "pdfs.zip",
        &deflated(&[
            ("story.txt", STORY.as_bytes()),
            ("report.pdf", &pdf_with_filtered_stream("/FlateDecode", &bomb)),
        ]),
    );
    let (outcome, problems) = read_file_with_problems(&p, &Limits::default());
    assert!(matches!(outcome, Outcome::Articles(a) if a.len() == 1));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].entry, "report.pdf");
    assert!(problems[0].message.contains("PDF bomb"), "{}", problems[0].message);
    if let Some(peak) = peak_memory_bytes() {
        assert!(peak < 1024 * 1024 * 1024, "peak memory {peak} bytes");
    }
}

/// A page drawing form X1 `fan` times, X1 drawing X2 `fan` times, ... down to X`depth`, which
/// shows `text`: the text is drawn fan^depth times. `self_loop` makes the last form draw X1 too.
fn pdf_of_forms(depth: usize, fan: usize, text: &str, self_loop: bool) -> Vec<u8> {
    let stream = |body: &str| {
        format!(
            "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Length {} >>\nstream\n{body}\nendstream",
            body.len()
        )
    };
    let draws = |name: usize| format!("/X{name} Do\n").repeat(fan);
    let xobjects: String = (1..=depth).map(|i| format!("/X{i} {} 0 R ", 5 + i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << {xobjects}>> >> /Contents 4 0 R >>"
        ),
        format!("<< /Length {} >>\nstream\n{}\nendstream", draws(1).len(), draws(1)),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    for i in 1..depth {
        objects.push(stream(&draws(i + 1)));
    }
    let mut last = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET\n");
    if self_loop {
        last.push_str("/X1 Do\n");
    }
    objects.push(stream(&last));
    pdf_of(&objects)
}

#[test]
fn pdf_forms_drawn_without_end_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    // Forms drawn a few times each read as the text they show.
    let p = write(dir.path(), "forms.pdf", &pdf_of_forms(3, 2, "Ministers meet in Oslo.", false));
    let text = &articles(&p)[0].text;
    assert_eq!(text.matches("Oslo").count(), 8, "{text}");
    // A form that draws itself: before, the reader recursed until the stack overflowed.
    let p = write(dir.path(), "loop.pdf", &pdf_of_forms(2, 1, "Ministers meet in Oslo.", true));
    let msg = failed(&p);
    assert!(msg.contains("draws itself"), "{msg}");
    // Ten forms each drawing the next ten times: 10^10 drawings of one line from a 3 KB file.
    let bomb = pdf_of_forms(10, 10, "Ministers meet in Oslo on Tuesday for talks.", false);
    assert!(bomb.len() < 4096);
    let p = write(dir.path(), "forms-bomb.pdf", &bomb);
    let start = Instant::now();
    let msg = failed(&p);
    assert!(msg.starts_with("PDF bomb: "), "{msg}");
    assert!(start.elapsed() < Duration::from_secs(30));
    if let Some(peak) = peak_memory_bytes() {
        assert!(peak < 1024 * 1024 * 1024, "peak memory {peak} bytes");
    }
}

#[test]
fn pdf_forms_nest_only_so_deep_and_their_text_stops_at_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "deep.pdf", &pdf_of_forms(30, 1, "Ministers meet in Oslo.", false));
    assert!(articles(&p)[0].text.contains("Oslo"));
    let p = write(dir.path(), "deeper.pdf", &pdf_of_forms(40, 1, "Ministers meet in Oslo.", false));
    let msg = failed(&p);
    assert!(msg.contains("nested more than 32 deep"), "{msg}");

    // 4,096 drawings of a 78-byte line: 320 KB of text, over a 64 KiB cap. The reader stops
    // writing at the cap, and says so.
    let line = "Ministers meet in Oslo on Tuesday for talks on trade, energy and the border. ";
    let p = write(dir.path(), "long.pdf", &pdf_of_forms(4, 8, line, false));
    let limits = Limits { max_text_bytes: 64 * 1024, ..Limits::default() };
    let (outcome, problems) = read_file_with_problems(&p, &limits);
    let Outcome::Articles(a) = outcome else { panic!("{outcome:?}") };
    assert!(a[0].text.len() <= 64 * 1024 && a[0].text.len() > 32 * 1024, "{}", a[0].text.len());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.starts_with("text too long: more than 64 KiB (the limit is 64 KiB)"),
        "{}",
        problems[0].message
    );
}

#[test]
fn pdf_image_drawn_by_a_page_is_never_unpacked() {
    let dir = tempfile::tempdir().unwrap();
    // A page that shows a line and draws a 256 MiB image (256 KB packed): pdf-extract unpacked
    // it at `Do` (a 2.3 MB file drawing 512 MiB took 560 MB); the text needs none of it.
    let image = zlib_zeros(256 * 1024 * 1024);
    let text = "BT /F1 12 Tf 72 720 Td (Ministers meet in Oslo on Tuesday for talks.) Tj ET\n/Im1 Do";
    let mut objects: Vec<Vec<u8>> = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ]
    .map(String::into_bytes)
    .into();
    let mut image_object = format!(
        "<< /Type /XObject /Subtype /Image /Width 16384 /Height 16384 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {} >>\nstream\n",
        image.len()
    )
    .into_bytes();
    image_object.extend_from_slice(&image);
    image_object.extend_from_slice(b"\nendstream");
    objects.push(image_object);
    let pdf = pdf_of_bytes(&objects);
    let p = write(dir.path(), "image.pdf", &pdf);
    assert!(articles(&p)[0].text.contains("Oslo"));
    if let Some(peak) = peak_memory_bytes() {
        assert!(peak < 200 * 1024 * 1024, "peak memory {peak} bytes");
    }
}

/// A PDF whose page 1 shows `text` and whose page 2 lists one 100 KB stream of drawing
/// instructions `times` times as its contents.
fn pdf_with_repeated_contents(text: &str, times: usize) -> Vec<u8> {
    let filler = "q Q\n".repeat(25_000);
    let refs = vec!["7 0 R"; times].join(" ");
    let shown = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> /Contents 5 0 R >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [{refs}] >>"),
        format!("<< /Length {} >>\nstream\n{shown}\nendstream", shown.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!("<< /Length {} >>\nstream\n{filler}\nendstream", filler.len()),
    ])
}

#[test]
fn pdf_page_listing_one_stream_over_and_over_is_not_read_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    // 5,000 times 100 KB of `q Q` from a 130 KB file: before, the reader took 15 GB and had not
    // finished after two minutes. Page 1 is read; page 2 is not, and the problem says which.
    let p = write(dir.path(), "pages.pdf", &pdf_with_repeated_contents("Ministers meet in Oslo.", 5000));
    let start = Instant::now();
    let (outcome, problems) = read_file_with_problems(&p, &Limits::default());
    let Outcome::Articles(a) = outcome else { panic!("{outcome:?}") };
    assert!(a[0].text.contains("Oslo"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.starts_with("page 2 of 2 not read: "), "{}", problems[0].message);
    assert!(start.elapsed() < Duration::from_secs(30));
    // Without text on page 1, the file is a bomb, not a scan without a text layer.
    let p = write(dir.path(), "blank.pdf", &pdf_with_repeated_contents("", 5000));
    let msg = failed(&p);
    assert!(msg.starts_with("PDF bomb: page 2 of 2 not read: "), "{msg}");
    // Listed a few times, it is read.
    let p = write(dir.path(), "fine.pdf", &pdf_with_repeated_contents("Ministers meet in Oslo.", 3));
    let (outcome, problems) = read_file_with_problems(&p, &Limits::default());
    assert!(matches!(outcome, Outcome::Articles(_)) && problems.is_empty(), "{outcome:?} {problems:?}");
    if let Some(peak) = peak_memory_bytes() {
        assert!(peak < 1024 * 1024 * 1024, "peak memory {peak} bytes");
    }
}
