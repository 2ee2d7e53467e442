//! Throughput of the actors layer on one core: gazetteer matching alone, people and titles, and
//! the whole `find_mentions` (gazetteer + people + in-article coreference). Text is our own.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_extract::actors::{find_mentions, find_people_and_titles, gazetteer};

const ARTICLE: &str = "Foreign Minister Halvorsen's Call with Kenyan Foreign Minister Wanjiru\n\n\
Press Office of the Ministry\n\n\
Norwegian Foreign Minister Ingrid M. Halvorsen spoke on Tuesday with Kenyan Foreign Minister Peter Wanjiru \
about humanitarian access. Foreign Minister Halvorsen and Minister Wanjiru discussed cooperation between \
Norway and Kenya, including shared interests in Somalia and Sudan. The Foreign Minister noted continuing \
Norwegian support for talks between the African Union and IGAD members Ethiopia and Eritrea.\n\n\
Deputy Foreign Minister Ruth Marlow will travel to Istanbul and Ankara, Turkey, and Madrid, Spain \
from May 6 to 12. In Brussels, she will meet NATO Deputy Secretary General Pieter de Vries and EU \
officials. The Deputy Foreign Minister will then travel to Phnom Penh to meet Prime Minister Sok Vanna and \
opposition leader Chea Sophal. She will also meet State Councilor and Foreign Minister Li Wenhua in Tianjin.\n\n\
Amina Diallo, the African Union Commission Chairperson, welcomed the G7 foreign ministers to Geneva. The \
ministers of the Quad and ASEAN discussed the Indo-Pacific. Japanese Director-General for Asian and Oceanian \
Affairs Moriyama Kenji and Republic of Korea Special Representative for Korean Peninsula Peace and Security \
Affairs Min Jae-won will attend. Nice weather in Reading did not stop the talks in Doha and Davos.\n\n";

fn corpus() -> String {
    // About 1 MB of varied text: the article with its names permuted so every copy differs a little.
    let mut s = String::new();
    let mut i = 0;
    while s.len() < 1_000_000 {
        s.push_str(ARTICLE);
        s.push_str(&format!("Paragraph {i} of the press release ends here.\n\n"));
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    // Build the automata outside the measurement.
    let _ = find_mentions(ARTICLE);
    let mut g = c.benchmark_group("actors");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("gazetteer_find", |b| b.iter(|| black_box(gazetteer().find(black_box(&text))).len()));
    g.bench_function("people_and_titles", |b| {
        b.iter(|| black_box(find_people_and_titles(black_box(&text))).0.len())
    });
    // find_mentions is per article: measure it on articles, as the pipeline calls it.
    g.bench_function("find_mentions_per_article", |b| {
        b.iter(|| {
            let mut n = 0;
            for article in text.split("Paragraph ") {
                n += find_mentions(black_box(article)).len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
