//! Nothing read is lost without a word: every part of a file that does not become an article
//! (an entry of a zip, a message, a record, a line, the end of a text past the cap) is named in
//! an `EntryProblem`, and two parts never share an origin. Inputs built at test time.

mod common;

use std::io::Write;
use std::path::Path;

use dateline_ingest::{
    EntryProblem, FileRead, Limits, Outcome, path_key, read_file_each, read_file_with_problems,
};
use zip::write::SimpleFileOptions;

const STORY: &str =
    "Talks in Geneva\n\nGENEVA, May 3, 2022 (Example Wire) - The foreign ministers met on Tuesday.\n";

fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn read(path: &Path, limits: &Limits) -> (Vec<dateline_ingest::Article>, Vec<EntryProblem>) {
    match read_file_with_problems(path, limits) {
        (Outcome::Articles(a), p) => (a, p),
        (other, _) => panic!("{}: expected articles, got {other:?}", path.display()),
    }
}

fn named(problems: &[EntryProblem]) -> Vec<(&str, bool)> {
    problems.iter().map(|p| (p.entry.as_str(), p.skipped)).collect()
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A one-page PDF whose content stream is `content` deflated.
fn flate_pdf(content: &[u8]) -> Vec<u8> {
    common::one_page_pdf(" /Filter /FlateDecode", &zlib(content))
}

#[test]
fn a_flate_bomb_in_a_pdf_is_refused_before_it_unpacks() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.pdf");
    std::fs::write(&good, flate_pdf(b"BT /F1 12 Tf 72 720 Td (Ministers meet in Oslo for talks.) Tj ET"))
        .unwrap();
    let (articles, problems) = read(&good, &Limits::default());
    assert!(articles[0].text.contains("Oslo"), "{:?}", articles[0].text);
    assert!(problems.is_empty());
    // 64 MiB of page content from about 64 KB.
    let mut content = b"BT /F1 12 Tf 72 720 Td (Talks) Tj ET\n".to_vec();
    content.resize(64 * 1024 * 1024, b' ');
    let bomb = dir.path().join("bomb.pdf");
    std::fs::write(&bomb, flate_pdf(&content)).unwrap();
    drop(content);
    match read_file_with_problems(&bomb, &Limits::default()).0 {
        Outcome::Failed(e) => {
            assert_eq!(
                e.to_string(),
                "PDF bomb: a compressed stream unpacks to more than 100 times its packed size"
            )
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn bad_entries_beside_good_ones_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let deep = zip(&[("l3.zip", &zip(&[("l4.zip", &zip(&[("story.txt", b"Deep talks in Oslo.")]))]))]);
    let p = dir.path().join("mixed.zip");
    std::fs::write(
        &p,
        zip(&[
            ("ok.txt", STORY.as_bytes()),
            ("nul.txt", b"a\0b\0c\0d\0e"),
            ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<<"),
            ("bad.json", b"{\"title\": "),
            ("deep.zip", &deep),
            ("photo.png", b"\x89PNG"),
        ]),
    )
    .unwrap();
    let (articles, problems) = read(&p, &Limits::default());
    assert_eq!(articles.len(), 1);
    assert_eq!(
        named(&problems),
        [
            ("nul.txt", false),
            ("broken.pdf", false),
            ("bad.json", false),
            ("deep.zip", false),
            ("photo.png", true)
        ]
    );
    assert_eq!(problems[3].message, "l3.zip!l4.zip: archives nested more than 3 deep");
}

#[test]
fn records_past_the_limit_and_bad_records_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits { max_records: 3, ..Limits::default() };
    let mut mbox = String::new();
    for i in 0..5 {
        mbox.push_str(&format!(
            "From a@b Thu May 20 10:00:00 2021\nFrom: a@b\nSubject: Talks {i}\nDate: Thu, 20 May 2021 10:00:00 +0000\n\nMinisters met in round {i}.\n\n"
        ));
    }
    let p = dir.path().join("box.mbox");
    std::fs::write(&p, mbox).unwrap();
    let (articles, problems) = read(&p, &limits);
    assert_eq!(articles.len(), 3);
    assert_eq!(
        problems,
        [EntryProblem {
            entry: "message-4".into(),
            message:
                "not imported, nor the message after it: one file gives at most 3 articles (split the file)"
                    .into(),
            skipped: false
        }]
    );

    let lines = "{\"text\":\"a\"}\nnot json\n{\"title\":\"no text\"}\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n{\"text\":\"d\"}\n{\"text\":\"e\"}\n";
    let p = dir.path().join("r.jsonl");
    std::fs::write(&p, lines).unwrap();
    let (articles, problems) = read(&p, &limits);
    assert_eq!(articles.len(), 3);
    let msgs: Vec<(&str, &str)> = problems.iter().map(|p| (p.entry.as_str(), p.message.as_str())).collect();
    assert_eq!(
        msgs,
        [
            ("line-3", "no article in this line: an object with keys title"),
            ("line-2", "JSON is not valid: expected ident"),
            (
                "line-6",
                "not imported, nor the record after it: one file gives at most 3 articles (split the file)"
            ),
        ]
    );

    let array = r#"[{"text":"a"}, 5, {"title":"t"}]"#;
    let p = dir.path().join("a.json");
    std::fs::write(&p, array).unwrap();
    let (articles, problems) = read(&p, &Limits::default());
    assert_eq!(articles.len(), 1);
    assert_eq!(named(&problems), [("record-2", false), ("record-3", false)]);
}

#[test]
fn entries_whose_names_collide_stay_two_articles() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.zip");
    std::fs::write(
        &p,
        zip(&[
            ("b.txt", b"First talks in Oslo."),
            ("x/../b.txt", b"Second talks in Rome."),
            ("./b.txt", b"Third talks in Bern."),
            ("b\u{7}.txt", b"Fourth talks in Kyiv."),
        ]),
    )
    .unwrap();
    let (articles, _) = read(&p, &Limits::default());
    let mut keys: Vec<String> = articles.iter().map(|a| a.origin.key()).collect();
    assert_eq!(keys.len(), 4);
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), 4, "{keys:?}");
}

#[cfg(unix)]
#[test]
fn file_names_differing_only_in_bytes_that_are_not_utf8_are_two_origins() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    let b = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe8.txt"));
    assert_ne!(path_key(&a), path_key(&b));
    assert!(path_key(&a).ends_with("caf\\xE9.txt"));
    assert_eq!(path_key(Path::new("/tmp/é.txt")), "/tmp/é.txt");
}

#[test]
fn a_text_past_the_cap_is_cut_and_the_cut_named() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("long.txt");
    let para = "The ministers met again in Geneva on Tuesday to continue the talks.\n\n";
    std::fs::write(&p, para.repeat(200)).unwrap();
    let limits = Limits { max_text_bytes: 1000, ..Limits::default() };
    let (articles, problems) = read(&p, &limits);
    assert!(articles[0].text.len() <= 1000);
    assert!(articles[0].text.ends_with("talks."));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].entry, "");
    assert!(
        problems[0].message.starts_with("text too long: 13.5 KiB (the limit is 1000 bytes)"),
        "{}",
        problems[0].message
    );
}

#[test]
fn a_sink_that_stops_stops_the_reading() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("many.zip");
    let entries: Vec<(String, Vec<u8>)> =
        (0..10).map(|i| (format!("{i}.txt"), format!("Talks number {i} in Oslo.").into_bytes())).collect();
    let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    std::fs::write(&p, zip(&refs)).unwrap();
    let mut seen = 0;
    let (read, _) = read_file_each(&p, &Limits::default(), &mut |_| {
        seen += 1;
        seen < 3
    });
    assert_eq!(read, FileRead::Stopped(3));
}
