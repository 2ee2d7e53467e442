//! Table-driven tests of the gazetteer: countries, aliases, demonyms, cities, organisations, and
//! ambiguous names handled by rule. Sentences are our own.

use dateline_extract::actors::{MentionKind, PlaceKind, find_mentions, gazetteer};

/// (text, [(surface, canonical name, kind)]) — every place-like mention, in order.
type Expected = &'static [(&'static str, &'static str, PlaceKind)];

const PLACES: &[(&str, Expected)] = &[
    ("Talks with the U.S. resumed.", &[("U.S.", "United States", PlaceKind::Country)]),
    (
        "The US and China agreed.",
        &[("US", "United States", PlaceKind::Country), ("China", "China", PlaceKind::Country)],
    ),
    ("An American delegation arrived.", &[("American", "United States", PlaceKind::CountryAdjective)]),
    ("The PRC objected.", &[("PRC", "China", PlaceKind::Country)]),
    (
        "The People's Republic of China objected.",
        &[("People's Republic of China", "China", PlaceKind::Country)],
    ),
    (
        "The People\u{2019}s Republic of China objected.",
        &[("People\u{2019}s Republic of China", "China", PlaceKind::Country)],
    ),
    ("An Emirati official spoke.", &[("Emirati", "United Arab Emirates", PlaceKind::CountryAdjective)]),
    ("The UAE hosted it.", &[("UAE", "United Arab Emirates", PlaceKind::Country)]),
    ("Officials from Türkiye attended.", &[("Türkiye", "Turkey", PlaceKind::Country)]),
    ("The Turkish side agreed.", &[("Turkish", "Turkey", PlaceKind::CountryAdjective)]),
    ("The DPRK launched a missile.", &[("DPRK", "North Korea", PlaceKind::Country)]),
    (
        "Travel to Democratic Republic of Congo",
        &[("Democratic Republic of Congo", "Democratic Republic of the Congo", PlaceKind::Country)],
    ),
    (
        "The ROK and Japan met.",
        &[("ROK", "South Korea", PlaceKind::Country), ("Japan", "Japan", PlaceKind::Country)],
    ),
    ("The Republic of Korea welcomed it.", &[("Republic of Korea", "South Korea", PlaceKind::Country)]),
    (
        "Britain and France agreed.",
        &[("Britain", "United Kingdom", PlaceKind::Country), ("France", "France", PlaceKind::Country)],
    ),
    ("The UK voted.", &[("UK", "United Kingdom", PlaceKind::Country)]),
    ("A British envoy spoke.", &[("British", "United Kingdom", PlaceKind::CountryAdjective)]),
    ("Russian forces withdrew.", &[("Russian", "Russia", PlaceKind::CountryAdjective)]),
    ("The Russian Federation replied.", &[("Russian Federation", "Russia", PlaceKind::Country)]),
    ("Aid reached Burma.", &[("Burma", "Burma", PlaceKind::Country)]),
    ("Aid reached Myanmar.", &[("Myanmar", "Burma", PlaceKind::Country)]),
    ("The Holy See welcomed it.", &[("Holy See", "Vatican", PlaceKind::Country)]),
    (
        "The DRC and Rwanda met.",
        &[
            ("DRC", "Democratic Republic of the Congo", PlaceKind::Country),
            ("Rwanda", "Rwanda", PlaceKind::Country),
        ],
    ),
    ("Czechia joined.", &[("Czechia", "Czech Republic", PlaceKind::Country)]),
    ("The Netherlands joined.", &[("The Netherlands", "Netherlands", PlaceKind::Country)]),
    ("Dutch officials joined.", &[("Dutch", "Netherlands", PlaceKind::CountryAdjective)]),
    ("Swiss mediators helped.", &[("Swiss", "Switzerland", PlaceKind::CountryAdjective)]),
    ("Filipino workers returned.", &[("Filipino", "Philippines", PlaceKind::CountryAdjective)]),
    ("Saudi officials met.", &[("Saudi", "Saudi Arabia", PlaceKind::CountryAdjective)]),
    ("Ivorian troops deployed.", &[("Ivorian", "Ivory Coast", PlaceKind::CountryAdjective)]),
    ("Palestinian Authority officials met.", &[("Palestinian Authority", "Palestine", PlaceKind::Country)]),
    (
        "Kosovo and Serbia talked.",
        &[("Kosovo", "Kosovo", PlaceKind::Country), ("Serbia", "Serbia", PlaceKind::Country)],
    ),
    ("Taiwan responded.", &[("Taiwan", "Taiwan", PlaceKind::Country)]),
    ("They met in Geneva.", &[("Geneva", "Geneva", PlaceKind::City)]),
    ("They met in Doha.", &[("Doha", "Doha", PlaceKind::City)]),
    ("Leaders gathered in Davos.", &[("Davos", "Davos", PlaceKind::City)]),
    ("He flew to Kyiv.", &[("Kyiv", "Kyiv", PlaceKind::City)]),
    ("He flew to Kiev.", &[("Kiev", "Kyiv", PlaceKind::City)]),
    ("She landed in Sao Paulo.", &[("Sao Paulo", "São Paulo", PlaceKind::City)]),
    ("She landed in São Paulo.", &[("São Paulo", "São Paulo", PlaceKind::City)]),
    ("The talks in Phnom Penh ended.", &[("Phnom Penh", "Phnom Penh", PlaceKind::City)]),
    ("The meeting in The Hague ended.", &[("The Hague", "The Hague", PlaceKind::City)]),
    ("Ministers met in Abu Dhabi.", &[("Abu Dhabi", "Abu Dhabi", PlaceKind::City)]),
    ("Envoys met in Brussels.", &[("Brussels", "Brussels", PlaceKind::City)]),
    ("Envoys met in Bratislava.", &[("Bratislava", "Bratislava", PlaceKind::City)]),
    ("The summit in Honolulu ended.", &[("Honolulu", "Honolulu", PlaceKind::City)]),
    ("Officials met in Munich.", &[("Munich", "Munich", PlaceKind::City)]),
    ("Officials met in Lagos.", &[("Lagos", "Lagos", PlaceKind::City)]),
    ("Officials met in Mexico City.", &[("Mexico City", "Mexico City", PlaceKind::City)]),
    ("Officials met in Jeddah.", &[("Jeddah", "Jeddah", PlaceKind::City)]),
    ("NATO allies agreed.", &[("NATO", "NATO", PlaceKind::Organization)]),
    (
        "The North Atlantic Council met.",
        &[("North Atlantic Council", "North Atlantic Council", PlaceKind::Organization)],
    ),
    ("The EU imposed sanctions.", &[("EU", "European Union", PlaceKind::Organization)]),
    (
        "The European Union imposed sanctions.",
        &[("European Union", "European Union", PlaceKind::Organization)],
    ),
    ("ASEAN ministers met.", &[("ASEAN", "ASEAN", PlaceKind::Organization)]),
    ("The African Union met.", &[("African Union", "African Union", PlaceKind::Organization)]),
    ("The OSCE sent monitors.", &[("OSCE", "OSCE", PlaceKind::Organization)]),
    ("The G7 agreed.", &[("G7", "G7", PlaceKind::Group)]),
    ("The G-7 agreed.", &[("G-7", "G7", PlaceKind::Group)]),
    ("The G20 agreed.", &[("G20", "G20", PlaceKind::Group)]),
    ("The Quad met.", &[("Quad", "Quad", PlaceKind::Group)]),
    ("BRICS expanded.", &[("BRICS", "BRICS", PlaceKind::Group)]),
    ("The GCC welcomed it.", &[("GCC", "Gulf Cooperation Council", PlaceKind::Organization)]),
    (
        "The UN Security Council met.",
        &[("UN Security Council", "UN Security Council", PlaceKind::Organization)],
    ),
    (
        "The U.N. General Assembly voted.",
        &[("U.N. General Assembly", "UN General Assembly", PlaceKind::Organization)],
    ),
    ("The IAEA reported.", &[("IAEA", "International Atomic Energy Agency", PlaceKind::Organization)]),
    // Word boundaries and case.
    ("Germanic tribes are not German.", &[("German", "Germany", PlaceKind::CountryAdjective)]),
    // A generic body is no alias: "the Commission" of an advisory commission is not the EU's.
    ("The Advisory Board met, and the Commission reported.", &[]),
    ("Let us go.", &[]),
    ("thus it was agreed", &[]),
    ("the chinese menu", &[]),
    ("Americans voted.", &[]),
    ("The Paris Agreement entered into force.", &[]),
    ("They signed it in Paris.", &[("Paris", "Paris", PlaceKind::City)]),
    ("In Paris Monday, they signed it.", &[("Paris", "Paris", PlaceKind::City)]),
    // Ambiguous names: places only with locative context.
    ("What a nice day.", &[]),
    ("Nice weather helped.", &[]),
    (
        "The attack in Nice shocked France.",
        &[("Nice", "Nice", PlaceKind::City), ("France", "France", PlaceKind::Country)],
    ),
    ("Reading the statement, he paused.", &[]),
    ("He studied in Reading.", &[("Reading", "Reading", PlaceKind::City)]),
    ("Mobile phones were banned.", &[]),
    ("Victoria Nuland spoke.", &[]),
    // A small town (under 150,000 people) is a place only in locative context or in a list of
    // places, and never stops a person's name.
    ("Finally, in Ohrid, the envoy will meet officials.", &[("Ohrid", "Ohrid", PlaceKind::City)]),
    (
        "She will travel to Tirana June 30, and Ohrid July 1-3.",
        &[("Tirana", "Tirana", PlaceKind::City), ("Ohrid", "Ohrid", PlaceKind::City)],
    ),
    ("Ohrid hosts a conference every summer.", &[]),
    ("Deputy Secretary Sherman spoke with the minister.", &[]),
    (
        "The president of Seychelles met them in Victoria.",
        &[("Seychelles", "Seychelles", PlaceKind::Country), ("Victoria", "Victoria", PlaceKind::City)],
    ),
    ("Florence Parly met them.", &[]),
    ("George Washington crossed the river.", &[]),
    ("Mr. Washington said so.", &[]),
    ("Senator Jackson objected.", &[]),
    ("She returned to Washington.", &[("Washington", "Washington", PlaceKind::City)]),
    (
        "They flew from Washington to Paris.",
        &[("Washington", "Washington", PlaceKind::City), ("Paris", "Paris", PlaceKind::City)],
    ),
    (
        "Washington, United States, is the capital.",
        &[
            ("Washington", "Washington", PlaceKind::City),
            ("United States", "United States", PlaceKind::Country),
        ],
    ),
    ("The Maldives capital Male is small.", &[("Maldives", "Maldives", PlaceKind::Country)]),
    ("The envoy traveled to Male.", &[("Male", "Male", PlaceKind::City)]),
];

#[test]
fn gazetteer_table() {
    let g = gazetteer();
    let mut failures = Vec::new();
    for (text, expected) in PLACES {
        let got: Vec<(&str, String, PlaceKind)> =
            g.find(text).into_iter().map(|p| (p.span.slice(text), p.name, p.kind)).collect();
        let want: Vec<(&str, String, PlaceKind)> =
            expected.iter().map(|(s, n, k)| (*s, n.to_string(), *k)).collect();
        if got != want {
            failures.push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        PLACES.len(),
        failures.join("\n")
    );
}

/// (city, its country): a city's country comes with it.
const CITY_COUNTRIES: &[(&str, &str)] = &[
    ("Beijing", "China"),
    ("Shanghai", "China"),
    ("Moscow", "Russia"),
    ("London", "United Kingdom"),
    ("Glasgow", "United Kingdom"),
    ("Paris", "France"),
    ("Berlin", "Germany"),
    ("Rome", "Italy"),
    ("Naples", "Italy"),
    ("Madrid", "Spain"),
    ("Ankara", "Turkey"),
    ("Istanbul", "Turkey"),
    ("Tokyo", "Japan"),
    ("Seoul", "South Korea"),
    ("New Delhi", "India"),
    ("Jerusalem", "Israel"),
    ("Ramallah", "Palestine"),
    ("Cairo", "Egypt"),
    ("Amman", "Jordan"),
    ("Riyadh", "Saudi Arabia"),
    ("Muscat", "Oman"),
    ("Kyiv", "Ukraine"),
    ("Warsaw", "Poland"),
    ("Brussels", "Belgium"),
    ("The Hague", "Netherlands"),
    ("Ottawa", "Canada"),
    ("Canberra", "Australia"),
    ("Melbourne", "Australia"),
    ("Jakarta", "Indonesia"),
    ("Bangkok", "Thailand"),
    ("Phnom Penh", "Cambodia"),
    ("Hanoi", "Vietnam"),
    ("Manila", "Philippines"),
    ("Nairobi", "Kenya"),
    ("Addis Ababa", "Ethiopia"),
    ("Algiers", "Algeria"),
    ("Tunis", "Tunisia"),
    ("Geneva", "Switzerland"),
    ("Vienna", "Austria"),
    ("Bratislava", "Slovakia"),
    ("Washington", "United States"),
    ("New York City", "United States"),
    ("Honolulu", "United States"),
    ("Doha", "Qatar"),
    ("Kinshasa", "Democratic Republic of the Congo"),
    ("Yangon", "Burma"),
];

#[test]
fn cities_carry_their_country() {
    let g = gazetteer();
    let mut failures = Vec::new();
    for (city, country) in CITY_COUNTRIES {
        let text = format!("They met in {city} on Monday.");
        let hit = g.find(&text).into_iter().find(|p| p.kind == PlaceKind::City);
        match hit {
            Some(p) if p.country.as_deref() == Some(*country) => {}
            other => failures.push(format!("{city}: {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A city that the text places in a country ("Brest, France") is that country's, even when the
/// gazetteer's city of that name is another's; a capital before another country is a list.
#[test]
fn a_stated_country_wins_over_the_gazetteer_city() {
    let g = gazetteer();
    let city =
        |text: &str| g.find(text).into_iter().find(|p| p.kind == PlaceKind::City).and_then(|p| p.country);
    assert_eq!(city("She will travel to Brest, France on Monday.").as_deref(), Some("France"));
    assert_eq!(city("She will travel to Brest on Monday.").as_deref(), Some("Belarus"));
    assert_eq!(city("He toured Paris, Germany and Italy.").as_deref(), Some("France"));
}

#[test]
fn country_lookup_by_any_name() {
    let g = gazetteer();
    for (name, country) in [
        ("Emirati", "United Arab Emirates"),
        ("U.S.", "United States"),
        ("American", "United States"),
        ("PRC", "China"),
        ("Türkiye", "Turkey"),
        ("South Korean", "South Korea"),
        ("North Korean", "North Korea"),
        ("Kenyan", "Kenya"),
        ("Jordanian", "Jordan"),
        ("Qatari", "Qatar"),
    ] {
        assert_eq!(g.country(name), Some(country), "{name}");
    }
    assert_eq!(g.country("Geneva"), None);
    assert_eq!(g.organization("NATO"), Some("NATO"));
    assert_eq!(g.city_country("Geneva"), Some("Switzerland"));
    assert_eq!(g.iso2("Turkey"), Some("TR"));
    assert_eq!(g.capital("Kenya"), Some("Nairobi"));
}

#[test]
fn people_win_over_places_inside_them() {
    let text = "Under Secretary Victoria Nuland met Senator Jackson in Florence.";
    let m = find_mentions(text);
    let kinds: Vec<(&str, MentionKind)> = m.iter().map(|m| (m.span.slice(text), m.kind)).collect();
    assert!(kinds.contains(&("Under Secretary Victoria Nuland", MentionKind::Person)), "{kinds:?}");
    assert!(!kinds.iter().any(|(s, k)| *k == MentionKind::City && *s == "Victoria"), "{kinds:?}");
}
