//! Runs the data files: every title's and organisation's example sentence, every country name,
//! alias and adjective, and every city is found by itself; every file names its source and licence.

use dateline_extract::actors::{PlaceKind, find_mentions, find_people_and_titles, gazetteer, titles};

const COUNTRIES: &str = include_str!("../data/gazetteer/countries.tsv");
const CITIES: &str = include_str!("../data/gazetteer/cities.tsv");
const SEATS: &str = include_str!("../data/gazetteer/seats.tsv");
const ORGANIZATIONS: &str = include_str!("../data/gazetteer/organizations.tsv");
const TITLES: &str = dateline_identity::titles::TITLES;
const AMBIGUOUS: &str = include_str!("../data/gazetteer/ambiguous.txt");
const PORTFOLIO: &str = include_str!("../data/gazetteer/portfolio_words.txt");
const FAMILY_FIRST: &str = dateline_identity::names::FAMILY_FIRST;

fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

#[test]
fn every_file_names_its_source_and_licence() {
    for (name, data) in [
        ("countries", COUNTRIES),
        ("cities", CITIES),
        ("seats", SEATS),
        ("organizations", ORGANIZATIONS),
        ("titles", TITLES),
        ("ambiguous", AMBIGUOUS),
        ("portfolio", PORTFOLIO),
        ("family_first", FAMILY_FIRST),
    ] {
        let header: String = data.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n");
        assert!(header.contains("Source:"), "{name} has no source line");
        assert!(
            header.contains("Licence") || header.contains("CC BY") || header.contains("BSD"),
            "{name} has no licence"
        );
    }
    assert!(CITIES.contains("CC BY 4.0"), "GeoNames data is attributed");
}

#[test]
fn every_title_example_finds_its_person() {
    let mut failures = Vec::new();
    for cols in rows(TITLES) {
        let (title, example) = (cols[0], cols.get(2).copied().unwrap_or(""));
        assert!(!example.is_empty(), "{title} has no example");
        let (people, _) = find_people_and_titles(example);
        let ok = people.iter().any(|p| {
            p.span.slice(example).contains(title) || p.span.slice(example).contains(&title.to_lowercase())
        });
        if !ok {
            failures.push(format!("{title:?} in {example:?}: {people:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(titles().all().len() >= 100);
}

#[test]
fn every_organization_example_finds_it() {
    let mut failures = Vec::new();
    for cols in rows(ORGANIZATIONS) {
        let (name, example) = (cols[0], cols.get(3).copied().unwrap_or(""));
        assert!(!example.is_empty(), "{name} has no example");
        if !find_mentions(example).iter().any(|m| m.name == name) {
            failures.push(format!("{name:?} in {example:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_country_name_alias_and_adjective_is_found() {
    let g = gazetteer();
    let mut failures = Vec::new();
    let mut n = 0;
    for cols in rows(COUNTRIES) {
        let name = cols[0];
        let forms = std::iter::once(name)
            .chain(cols[4].split('|'))
            .chain(cols.get(5).copied().unwrap_or("").split('|'))
            .filter(|f| !f.is_empty());
        for form in forms {
            n += 1;
            if g.country(form) != Some(name) {
                failures.push(format!("{form:?} → {:?}, want {name:?}", g.country(form)));
            }
        }
    }
    assert!(n > 500, "only {n} country forms");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_un_member_is_listed() {
    // A sample across regions; the generator keeps every GeoNames country but a few empty territories.
    let g = gazetteer();
    for c in [
        "Afghanistan",
        "Bhutan",
        "Cabo Verde",
        "Eswatini",
        "Fiji",
        "Kiribati",
        "Liechtenstein",
        "Nauru",
        "North Macedonia",
        "Palau",
        "Saint Lucia",
        "San Marino",
        "South Sudan",
        "Timor-Leste",
        "Tuvalu",
        "Vanuatu",
        "Vatican",
        "Palestine",
    ] {
        assert_eq!(g.country(c), Some(c), "{c}");
    }
    assert!(rows(COUNTRIES).count() >= 200);
}

#[test]
fn every_seat_of_government_is_a_place_of_its_city() {
    let g = gazetteer();
    let cities: Vec<Vec<&str>> = rows(CITIES).collect();
    let mut n = 0;
    for cols in rows(SEATS) {
        let (seat, city) = (cols[0], cols[1]);
        n += 1;
        let country = cities.iter().find(|c| c[0] == city).map(|c| c[1]);
        assert!(country.is_some(), "{seat}: {city} is not in cities.tsv");
        let text = format!("The leaders met at the {seat} on Monday.");
        let hit = g.find(&text).into_iter().find(|p| p.kind == PlaceKind::City);
        assert!(
            hit.as_ref().is_some_and(|p| p.name == city && p.country.as_deref() == country),
            "{seat}: {hit:?}"
        );
    }
    assert!(n >= 10, "only {n} seats");
}

#[test]
fn every_city_is_found_after_in() {
    let g = gazetteer();
    let mut failures = Vec::new();
    let mut n = 0;
    for cols in rows(CITIES) {
        let name = cols[0];
        n += 1;
        let text = format!("They met in {name}.");
        let hit = g.find(&text).into_iter().find(|p| p.kind == PlaceKind::City && p.name == name);
        if hit.is_none_or(|p| p.country.as_deref() != Some(cols[1])) {
            failures.push(name.to_string());
        }
    }
    assert!(n >= 1000, "only {n} cities");
    // A city may share its name with a country ("Djibouti", "Singapore"): the country wins there.
    let real: Vec<&String> = failures.iter().filter(|c| g.country(c).is_none()).collect();
    assert!(real.is_empty(), "{} of {n}: {:?}", real.len(), &real[..real.len().min(30)]);
}
