//! Extraction time against article length, on one core: generated press-release text of 0.5, 1, 2
//! and 4 MB (four paragraphs per event with fresh names, places and dates, and a transcript turn),
//! as paragraphs, as one line and as one line whose stops lack their spaces. Linear extraction doubles the time with the length; quadratic
//! steps (a scan of every member, event or trip per mention) showed as 4× per doubling.
//! Run: `cargo bench -p dateline-extract --bench long`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_model::{Article, Origin};

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ran", "sen", "tu", "vo", "bel", "dar", "fen", "gor", "hal", "jin", "kor", "lem",
    "nar", "pol", "quin", "ros", "tal", "ver", "wen", "yor", "zan",
];
const CITIES: [&str; 16] = [
    "Paris", "Berlin", "Tokyo", "Jakarta", "Nairobi", "Lima", "Hanoi", "Seoul", "Ankara", "Rome", "Madrid",
    "Oslo", "Cairo", "Accra", "Manila", "Canberra",
];
const COUNTRIES: [&str; 16] = [
    "France",
    "Germany",
    "Japan",
    "Indonesia",
    "Kenya",
    "Peru",
    "Vietnam",
    "Korea",
    "Turkey",
    "Italy",
    "Spain",
    "Norway",
    "Egypt",
    "Ghana",
    "Philippines",
    "Australia",
];
/// An English month name (chrono's), for `m` in 0..12.
fn month(m: usize) -> &'static str {
    chrono::Month::try_from(m as u8 + 1).expect("m is below 12").name()
}
const ROLES: [&str; 5] =
    ["Foreign Minister", "Prime Minister", "President", "Defense Minister", "Ambassador"];

/// A deterministic pseudo-random sequence (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn word(&mut self, syllables: usize) -> String {
        let w: String = (0..syllables).map(|_| SYLLABLES[self.below(SYLLABLES.len())]).collect();
        let mut c = w.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    }
}

/// About `bytes` of press-release text; `one_line` joins it into a single line.
fn text(bytes: usize, one_line: bool) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        let (a, b, c) = (rng.word(3), rng.word(3), rng.word(3));
        let (fa, fb, fc) = (rng.word(2), rng.word(2), rng.word(2));
        let (i, j, m, d) = (rng.below(16), rng.below(16), rng.below(12), 1 + rng.below(27));
        let (r1, r2) = (ROLES[rng.below(5)], ROLES[rng.below(5)]);
        let p = format!(
            "{} {r1} {fa} {a} met with {r2} {fb} {b} in {} on {} {d}, 2021. {a} and {b} discussed trade and \
             security. The {r1} will travel to {}, {}, {} {}-{}, where {a} will meet President {fc} {c}. {b} said \
             the two ministers would meet again in {}.\n\nPRESIDENT {}: Thank you. My visit here to {} today is an \
             honour, and I met {a} on Monday.\n\n",
            COUNTRIES[j],
            CITIES[i],
            month(m),
            CITIES[(i + 3) % 16],
            COUNTRIES[(j + 5) % 16],
            month(m),
            d + 1,
            d + 2,
            month((m + 1) % 12),
            c.to_uppercase(),
            COUNTRIES[(j + 2) % 16],
        );
        out.push_str(&if one_line { p.replace('\n', " ") } else { p });
    }
    out
}

fn article(text: String) -> Article {
    Article {
        doc: "long".into(),
        title: None,
        published: chrono::NaiveDate::from_ymd_opt(2021, 6, 1),
        published_raw: None,
        outlet: None,
        byline: None,
        url: None,
        text,
        origin: Origin::file("long.txt"),
        content_hash: String::new(),
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("long");
    group.sample_size(10);
    // "stops glued": one line whose stops have no space after them ("Monday.The"), one endless
    // sentence unless the segmenter cuts it (it took 38 s for 128 KB before it did).
    for shape in ["", ", one line", ", stops glued"] {
        for mb in [0.5, 1.0, 2.0, 4.0] {
            let one_line = !shape.is_empty();
            let mut body = text((mb * 1024.0 * 1024.0) as usize, one_line);
            if shape == ", stops glued" {
                body = body.replace(". ", ".");
            }
            let a = article(body);
            group.throughput(Throughput::Bytes(a.text.len() as u64));
            let name = format!("{mb} MB{shape}");
            group.bench_function(name, |b| {
                b.iter(|| black_box(dateline_extract::extract(black_box(&a)).events.len()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
