//! People named in context, not from a list: a title before the name ("Turkish Foreign Minister
//! Mevlüt Çavuşoğlu", "opposition leader Kem Sokha", "Sheikh Abdullah bin Zayed"), or a title in
//! apposition after it ("Jens Stoltenberg, NATO's Secretary General"). A title with no name after it
//! ("the Secretary", "the Turkish Foreign Minister") is kept as a [`TitleMention`] for coreference.

use dateline_model::Span;

use std::collections::HashSet;
use std::sync::LazyLock;

use super::gazetteer::{PlaceKind, gazetteer, is_function_word};
use super::names::PARTICLES;
use super::titles::{RoleClass, TitleMatch, titles};

/// A titled person in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// The whole mention, from a country modifier or the title to the name's end.
    pub span: Span,
    /// Just the name.
    pub name_span: Span,
    /// The name as written, without middle initials: "Antony Blinken".
    pub name: String,
    /// The title as written, with its organisation modifier: "NATO Secretary General".
    pub role: Option<String>,
    pub class: Option<RoleClass>,
    /// The country as the text states it ("Turkish Foreign Minister" → Turkey).
    pub country: Option<String>,
}

/// A title that stands for a person: "the Secretary", "the Turkish Foreign Minister".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleMention {
    pub span: Span,
    pub role: String,
    pub class: RoleClass,
    pub country: Option<String>,
    /// Preceded by "the" (or a possessive): a definite description.
    pub definite: bool,
}

const PORTFOLIO: &str = include_str!("../../data/gazetteer/portfolio_words.txt");

static PORTFOLIO_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    PORTFOLIO.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Words of an office rather than of a name: "Affairs", "Security", "Korean", "NATO".
fn is_portfolio_word(w: &str) -> bool {
    PORTFOLIO_WORDS.contains(w) || gazetteer().is_party(w)
}

/// After a title, a portfolio introduced by "for" or "of": "for Asian and Oceanian Affairs".
/// Returns where the portfolio ends, and whether a title starts inside it (at that end).
/// The last country a portfolio names after "of" ("of the Senate of Romania" → Romania).
pub(super) fn country_of_portfolio(portfolio: &str) -> Option<String> {
    gazetteer()
        .find(portfolio)
        .into_iter()
        .rfind(|h| {
            let before = portfolio[..h.span.start].trim_end();
            h.kind == PlaceKind::Country && (before.ends_with(" of") || before.ends_with(" of the"))
        })
        .map(|h| h.name)
}

fn portfolio_end(text: &str, pos: usize, titles_after: &[TitleMatch], after_place: bool) -> Option<usize> {
    let after = &text[pos..];
    // "State Secretary at the Ministry of Foreign Affairs A": an office "at" a ministry.
    let at_office = after
        .strip_prefix(" at the ")
        .is_some_and(|rest| rest.split(' ').next().is_some_and(|w| PORTFOLIO_WORDS.contains(w)));
    // "Minister of Foreign Affairs and Trade A": a portfolio that "and" goes on with, after a title
    // that ends in one ("Affairs") and before another portfolio word.
    let and_portfolio = after.strip_prefix(" and ").is_some_and(|rest| {
        let last = text[..pos].rsplit(' ').next().unwrap_or("");
        let next = rest.split(' ').next().unwrap_or("");
        PORTFOLIO_WORDS.contains(last) && next.starts_with(char::is_uppercase) && is_portfolio_word(next)
    });
    let prep = if at_office {
        " at the "
    } else if and_portfolio {
        " and "
    } else {
        [" for ", " of ", " "].into_iter().find(|p| after.starts_with(p))?
    };
    if prep == " " && !after_place {
        return None;
    }
    let mut cursor = pos + prep.len();
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    loop {
        // "for Foreign Affairs Ambassador Raychelle Omamo": the portfolio ends at the next title.
        if titles_after.binary_search_by_key(&cursor, |t| t.span.start).is_ok() {
            // Only an office reaches the next title; a name before it ends the portfolio
            // ("President of Ukraine Volodymyr Zelenskyy and Federal Chancellor ...").
            let all_office = tokens.iter().all(|&(s, e)| {
                let w = &text[s..e];
                is_portfolio_word(w) || matches!(w, "and" | "of" | "the" | "for" | "on" | "to" | "&")
            });
            // "the Prime Minister of Malta and the President of Cyprus": connectives alone are no
            // portfolio; they join two titles.
            let any_portfolio = tokens.iter().any(|&(s, e)| is_portfolio_word(&text[s..e]));
            if all_office && any_portfolio {
                return tokens.last().map(|&(_, e)| e);
            }
            break;
        }
        let rest = &text[cursor..];
        let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        if len == 0 {
            break;
        }
        let word = &rest[..len];
        let connective = matches!(word, "and" | "of" | "the" | "for" | "on" | "to" | "&");
        // "of the Republican minority in the Senate": an office in lower case, inside it "in".
        let lower_office = PORTFOLIO_WORDS.contains(word) && word.starts_with(char::is_lowercase)
            || word == "in" && tokens.last().is_some_and(|&(s, e)| PORTFOLIO_WORDS.contains(&text[s..e]));
        if !(word.starts_with(char::is_uppercase) || connective || lower_office)
            || word.ends_with('.')
            || word.ends_with("'s")
        {
            break;
        }
        tokens.push((cursor, cursor + len));
        // "Minister of the Economy, Finance and the Recovery": a list of portfolios goes on
        // past a comma to the next portfolio word.
        if PORTFOLIO_WORDS.contains(word)
            && let Some(list) = rest[len..].strip_prefix(", ")
            && list
                .split([' ', ','])
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase) && PORTFOLIO_WORDS.contains(w))
        {
            cursor += len + 2;
            continue;
        }
        if !rest[len..].starts_with(' ') {
            break;
        }
        cursor += len + 1;
    }
    // The name is the first run of non-portfolio words after a portfolio word:
    // "for Asian and Oceanian Affairs | Funakoshi Takehiro | and ...".
    let is_connective = |w: &str| matches!(w, "and" | "of" | "the" | "for" | "on" | "to" | "&" | "in");
    if after_place && tokens.first().is_none_or(|&(s, e)| is_connective(&text[s..e])) {
        return None;
    }
    let mut seen_portfolio = after_place;
    let mut before_of: Option<usize> = None;
    let mut k = 0;
    while k < tokens.len() {
        let w = &text[tokens[k].0..tokens[k].1];
        if is_portfolio_word(w) {
            seen_portfolio = true;
            k += 1;
            continue;
        }
        if is_connective(w) || !seen_portfolio || (k == 0 && !after_place) {
            k += 1;
            continue;
        }
        // A run of other words: the name, unless a portfolio word follows ("Organization Affairs").
        let run = tokens[k..]
            .iter()
            .take_while(|&&(s, e)| !is_portfolio_word(&text[s..e]) && !is_connective(&text[s..e]))
            .count();
        let next = tokens.get(k + run).map(|&(s, e)| &text[s..e]);
        // A name is not followed by "of the ...": "Chairman of the Committee of the Parliament
        // of the Republic of Estonia Marko Mikhelson".
        // "President of Turkey A B on February 3": a day after the connective ends the name.
        let continues = next.is_some_and(|w| matches!(w, "of" | "on" | "for" | "to"))
            && tokens
                .get(k + run + 1)
                .is_some_and(|&(s, e)| !super::gazetteer::is_calendar_word(&text[s..e]));
        if next.is_some_and(is_portfolio_word) || continues {
            // "Secretary of Foreign Affairs Teodoro Locsin of the Philippines": when no name
            // follows the "of ...", this run was the name.
            if continues && !next.is_some_and(is_portfolio_word) && (1..=4).contains(&run) && k > 0 {
                before_of.get_or_insert(tokens[k - 1].1);
            }
            k += run;
            continue;
        }
        if k == 0 {
            return None; // right after the place: an ordinary name, name_at takes it
        }
        return (1..=4).contains(&run).then(|| tokens[k - 1].1);
    }
    if before_of.is_some() {
        return before_of;
    }
    // "Speaker of the Assembly, the upper chamber ...": an office that a comma ends.
    match tokens.last() {
        Some(&(s, e)) if !after_place && is_portfolio_word(&text[s..e]) && text[e..].starts_with(", ") => {
            Some(e)
        }
        _ => None,
    }
}

/// "HAYASHI Yoshimasa" → "Hayashi Yoshimasa": a family name in capitals beside a name in mixed
/// case, as Japanese and some other ministries write it; a regnal number stays ("Abdullah II").
fn family_name_case(name: &str) -> String {
    let mixed = name.split(' ').any(|w| w.chars().any(char::is_lowercase));
    let regnal = |w: &str| w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if !mixed {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 2 && !regnal(w) && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
                title_case(w)
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "OMAMO" → "Omamo", "KYU-DUK" → "Kyu-Duk".
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// Capitalised words that end a name rather than continue it.
fn is_stop(word: &str) -> bool {
    is_function_word(word)
        || super::gazetteer::is_calendar_word(word)
        || matches!(
            word,
            "Call"
                | "Calls"
                | "Meeting"
                | "Meetings"
                | "Meets"
                | "Met"
                | "Travel"
                | "Travels"
                | "Trip"
                | "Remarks"
                | "Statement"
                | "Joint"
                | "Visit"
                | "Visits"
                | "Spoke"
                | "Will"
                | "Discuss"
                | "Discusses"
                | "Is"
                | "Are"
                | "Was"
                | "Returns"
                | "Departs"
                | "Arrives"
                | "Hosts"
                | "Welcomes"
                | "Joins"
                | "Leads"
                | "Attends"
                | "Speaks"
                | "Delivers"
                | "Testifies"
                | "Announces"
                | "Opening"
                | "Closing"
                | "Keynote"
                | "Press"
                | "Interview"
                | "Participates"
                | "Congratulates"
                | "County"
                | "Province"
                | "Region"
                | "District"
                | "Oblast"
        )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}' | '.' | '\u{2010}' | '\u{2011}')
}

/// One token of a name, starting at `pos`: (end of the name part, end of the raw token, stop after).
fn token_at(text: &str, pos: usize) -> Option<(usize, bool)> {
    let rest = &text[pos..];
    let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    if len == 0 {
        return None;
    }
    let raw = &rest[..len];
    let mut word = raw;
    let mut stop_after = false;
    for poss in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(w) = word.strip_suffix(poss) {
            word = w;
            stop_after = true;
            break;
        }
    }
    if word.ends_with('.') {
        let is_initial = word.chars().filter(|c| c.is_alphabetic()).count() == 1;
        if !is_initial {
            word = word.trim_end_matches('.');
            stop_after = true; // end of sentence
        } else if !rest[len..].starts_with(' ') {
            stop_after = true;
        }
    }
    (!word.is_empty()).then_some((pos + word.len(), stop_after))
}

/// The name right after `pos` (which should be at a space after a title): capitalised words,
/// initials and inner particles. `None` when no name follows.
pub(crate) fn name_at(text: &str, pos: usize, upper: bool) -> Option<Span> {
    let rest = &text[pos..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}']);
    if trimmed.len() == rest.len() || trimmed.len() + 3 < rest.len() {
        return None;
    }
    name_from(text, pos + (rest.len() - trimmed.len()), upper)
}

/// After a title, ", the lower house of the Swiss parliament, Irène Kälin": a description that
/// starts with "the" (three to eight words, no comma inside), then a full name of two words at
/// least; the name, and the country the description names.
fn described_holder(text: &str, pos: usize) -> Option<(Span, Option<String>)> {
    let rest = text[pos..].strip_prefix(", ")?;
    if !rest.starts_with("the ") {
        return None;
    }
    let comma = rest.find(", ")?;
    let description = &rest[..comma];
    let words = description.split_whitespace().count();
    if !(3..=8).contains(&words) || description.contains(['.', ';', '"']) {
        return None;
    }
    // A description is of lower-case words, with capitals only for names ("Swiss", "Senate").
    if description.split_whitespace().nth(1).is_none_or(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    let name_start = pos + 2 + comma + 2;
    let name = name_from(text, name_start, false)?;
    if name.slice(text).split_whitespace().count() < 2 {
        return None;
    }
    let of = gazetteer()
        .find(description)
        .into_iter()
        .find(|h| matches!(h.kind, PlaceKind::Country | PlaceKind::CountryAdjective))
        .map(|h| h.name);
    Some((name, of))
}

/// After an office, its holder between commas: "the President of Senegal, Macky Sall, at the
/// Chancellery", "The Minister of Foreign Affairs of Canada, Mélanie Joly, today": a full name of
/// two words at least, that no place or title starts, then a comma, a stop or "and".
fn holder_after_comma(text: &str, pos: usize) -> Option<Span> {
    let mut start = pos + text[pos..].strip_prefix(", ").map(|_| 2)?;
    // "the President of France, H.E. Mr. Emmanuel Macron,": forms of address before the name.
    let window = |start: usize| {
        let mut end = text.len().min(start + 40);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[start..end]
    };
    while let Some(h) = titles().find(window(start)).first()
        && h.span.start == 0
        && h.class == RoleClass::Honorific
        && text[start + h.span.end..].starts_with(' ')
    {
        start += h.span.end + 1;
    }
    let name = name_from(text, start, false)?;
    let written = name.slice(text);
    if written.split_whitespace().count() < 2
        || gazetteer().find(written).first().is_some_and(|h| h.span.start == 0)
    {
        return None;
    }
    let after = &text[name.end..];
    let closes = after.starts_with([',', '.', ';', ')']) || after.starts_with(" and ") || after.is_empty();
    closes.then_some(name)
}

/// Whether the particle `first` and the words `after` it begin a family name: "von der Leyen",
/// "van der Bellen", "de Croo", "da Silva", one or two particles then a capitalised word.
fn opens_a_family_name(first: &str, after: &str) -> bool {
    const LEADING: &[&str] = &[
        "von", "van", "de", "del", "della", "da", "das", "dos", "di", "du", "der", "den", "le", "la", "ter",
        "ten",
    ];
    if !LEADING.contains(&first) {
        return false;
    }
    let mut words = after.split(' ').skip(1);
    let capitalised =
        |w: &str| w.starts_with(char::is_uppercase) && w.chars().nth(1).is_some_and(char::is_lowercase);
    match words.next() {
        Some(w) if capitalised(w) => true,
        Some(w) if PARTICLES.contains(&w) => words.next().is_some_and(capitalised),
        _ => false,
    }
}

/// The name that starts at `start` (a word's first byte); see [`name_at`].
fn name_from(text: &str, start: usize, upper: bool) -> Option<Span> {
    let mut cursor = start;
    let mut end = start;
    let mut words = 0usize;
    let mut last_capitalised_end = start;
    while words < 7 {
        let Some((word_end, stop_after)) = token_at(text, cursor) else { break };
        let word = &text[cursor..word_end];
        // "Bashar al-Assad", "Abdel Fattah el-Sisi": an Arabic article joined to the name it
        // belongs to is part of it.
        let joined_article = word.split_once('-').is_some_and(|(article, rest)| {
            matches!(article, "al" | "el" | "ad" | "as" | "ash" | "at" | "an" | "ar" | "az" | "ul" | "ud")
                && rest.starts_with(char::is_uppercase)
        });
        let capitalised = word.starts_with(char::is_uppercase) || joined_article;
        let lower = word.to_lowercase();
        let particle = (words > 0 && PARTICLES.contains(&lower.as_str()))
            || (words == 0
                && matches!(lower.as_str(), "bin" | "ibn" | "bint" | "al" | "abu")
                && word.starts_with('b'))
            // "President von der Leyen", "Prime Minister de Croo": a family name that opens with
            // its particle, right after a title.
            || (words == 0 && word.starts_with(char::is_lowercase) && opens_a_family_name(&lower, &text[word_end..]));
        // "Vice Premier He Lifeng": right after a title, a family name spelt as a pronoun, with
        // the given name after it.
        let family_he = words == 0
            && word == "He"
            && !stop_after
            && text[word_end..].starts_with(' ')
            && token_at(text, word_end + 1).is_some_and(|(next_end, _)| {
                let next = &text[word_end + 1..next_end];
                next.starts_with(char::is_uppercase) && !is_stop(next)
            });
        if !(capitalised || particle) || (capitalised && is_stop(word) && !family_he) {
            break;
        }
        // Scraped transcripts repeat and glue a speaker's name: "Alexander Lukashenko Lukashenko
        // AlexanderPresident of Belarus:". A name never repeats a word, and a word with a capital
        // deep inside is two words run together.
        if text[start..cursor].split(' ').any(|w| w.eq_ignore_ascii_case(word)) || glued(word) {
            break;
        }
        if capitalised && (titles().class_of(word).is_some() || PORTFOLIO_WORDS.contains(word)) {
            if words == 0 {
                return None;
            }
            break;
        }
        // An all-capital acronym after a name is an organisation, not a name ("Blinken NATO").
        if !upper && capitalised && words > 0 && word.len() >= 3 && word.chars().all(|c| c.is_uppercase()) {
            let roman = word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
            if !roman {
                break;
            }
        }
        words += 1;
        end = word_end;
        if capitalised {
            last_capitalised_end = word_end;
        }
        if stop_after {
            break;
        }
        let after = &text[word_end..];
        // One space between name words; texts also use no-break and narrow no-break spaces.
        let Some(sep) =
            after.chars().next().filter(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        else {
            break;
        };
        let next = &after[sep.len_utf8()..];
        if !next.starts_with(|c: char| c.is_alphabetic()) {
            break;
        }
        cursor = word_end + sep.len_utf8();
    }
    // Trailing particles are not part of the name.
    end = end.min(last_capitalised_end).max(start);
    if end == start {
        return None;
    }
    let span = Span::new(start, end);
    let name = span.slice(text);
    // A name in capitals is a transcript's speaker label: "SECRETARY BLINKEN:".
    if upper && !text[end..].starts_with(':') {
        return None;
    }
    // A place or organisation is not a person's name ("President of Turkey" is handled elsewhere).
    if gazetteer().is_entry(name) {
        return None;
    }
    let first = name.split(' ').next().unwrap_or(name);
    if gazetteer().country(first).is_some() && name.split(' ').count() <= 1 {
        return None;
    }
    Some(span)
}

/// "AlexanderPresident": a lower-case letter followed by a capital four letters or more into a
/// word ("McConnell", "MacArthur", "DeSantis" are names).
fn glued(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.windows(2).enumerate().any(|(i, w)| i >= 3 && w[0].is_lowercase() && w[1].is_uppercase())
}

/// A name without single-letter initials: "Antony J. Blinken" → "Antony Blinken".
pub fn without_initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !(w.chars().filter(|c| c.is_alphabetic()).count() == 1 && w.ends_with('.')))
        .collect();
    if words.is_empty() { name.to_string() } else { words.join(" ") }
}

/// A country, organisation or adjective that ends right before `pos` (with one space or "'s "
/// between): "Turkish Foreign Minister", "NATO Secretary General", "Spain's Secretary of State".
fn modifier_before(text: &str, pos: usize) -> Option<(usize, PlaceKind, String)> {
    let before = &text[..pos];
    let mut before = before.strip_suffix(' ')?;
    // "Republic of Korea (ROK) Special Representative": skip a short parenthesis.
    if let Some(inner) = before.strip_suffix(')')
        && let Some(open) = inner.rfind(" (")
        && inner.len() - open < 12
    {
        before = &inner[..open];
    }
    let before = before.strip_suffix("'s").or_else(|| before.strip_suffix("\u{2019}s")).unwrap_or(before);
    let window_start = before.len().saturating_sub(64);
    let window_start =
        (window_start..before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
    let window = &before[window_start..];
    let hit = gazetteer().find(window).into_iter().rev().find(|p| p.span.end == window.len())?;
    if hit.kind == PlaceKind::City {
        return None;
    }
    Some((window_start + hit.span.start, hit.kind, hit.name))
}

/// The country right after a name at `pos`: " of Brazil", " of the Republic of Korea".
fn country_after(text: &str, pos: usize) -> Option<String> {
    let rest = text[pos..].strip_prefix(" of ")?;
    let from = text.len() - rest.len();
    let end = (from + 48).min(text.len());
    let end = (end..=text.len()).find(|&i| text.is_char_boundary(i))?;
    let window = &text[from..end];
    let skip = if window.starts_with("the ") { 4 } else { 0 };
    gazetteer()
        .find(window)
        .into_iter()
        .find(|p| p.span.start == skip || p.span.start == 0)
        .filter(|p| p.kind == PlaceKind::Country)
        .map(|p| p.name)
}

/// The people and the bare titles of `text`.
pub fn find_people_and_titles(text: &str) -> (Vec<PersonMention>, Vec<TitleMention>) {
    let mut people: Vec<PersonMention> = Vec::new();
    let mut bare: Vec<TitleMention> = Vec::new();
    let found = titles().find_with_plurals(text);
    let mut i = 0;
    let mut consumed = 0usize;
    while i < found.len() {
        let t: TitleMatch = found[i];
        i += 1;
        if t.span.start < consumed {
            continue;
        }
        // A title chain: "Deputy Prime Minister and Foreign Minister", "Minister of Foreign Affairs
        // of Qatar", "Ambassador to Japan".
        let mut role_end = t.span.end;
        let mut class = t.class;
        let mut country: Option<String> = None;
        let mut org: Option<String> = None;
        let mut after_place = false;
        let head_text = text[..t.span.start].trim_end_matches(' ');
        let definite_before = head_text.ends_with("the") || head_text.ends_with("The");
        // The role as written ends before any honorific that the chain swallows ("... Affairs HE").
        let mut role_text_end = t.span.end;
        loop {
            let after = &text[role_end..];
            if let Some(next) = found.get(i)
                && ((after.starts_with(" and ") && next.span.start == role_end + 5 && !definite_before)
                    || (after.starts_with(' ') && next.span.start == role_end + 1))
            {
                if next.class != RoleClass::Honorific {
                    role_text_end = next.span.end;
                }
                role_end = next.span.end;
                if class == RoleClass::Honorific || class == RoleClass::Official {
                    class = next.class;
                }
                i += 1;
                continue;
            }
            let prep =
                [" of the ", " of ", " to the ", " to ", " for "].into_iter().find(|p| after.starts_with(p));
            if let Some(p) = prep {
                let place_start = role_end + p.len();
                let mut window_end = (place_start + 64).min(text.len());
                while !text.is_char_boundary(window_end) {
                    window_end -= 1;
                }
                let hit = gazetteer().find(&text[place_start..window_end]).into_iter().next();
                // only a place right after the preposition
                if let Some(h) =
                    hit.filter(|h| h.span.start == 0 && text.is_char_boundary(place_start + h.span.end))
                {
                    match h.kind {
                        // "Foreign Minister of Qatar" is Qatar's; "Envoy for Yemen", "Ambassador to
                        // Japan" are not.
                        PlaceKind::Country | PlaceKind::CountryAdjective if p.starts_with(" of") => {
                            country.get_or_insert(h.name.clone());
                        }
                        PlaceKind::Country | PlaceKind::CountryAdjective => {}
                        PlaceKind::Organization | PlaceKind::Group => org = Some(h.name.clone()),
                        PlaceKind::City => {}
                    }
                    if h.kind != PlaceKind::City {
                        role_end = place_start + h.span.end;
                        role_text_end = role_end;
                        after_place = true;
                        continue;
                    }
                }
            }
            if let Some(end) = portfolio_end(text, role_end, &found[i..], after_place) {
                // "President of the Senate of Romania", "Chairman of the Committee of the Parliament
                // of Estonia": the office's country is the one its portfolio is "of".
                if country.is_none() && org.is_none() {
                    country = country_of_portfolio(&text[role_end..end]);
                }
                role_end = end;
                role_text_end = end;
                after_place = false;
                if let Some(next) = found.get(i)
                    && next.span.start == role_end + 1
                {
                    // Another title follows the portfolio: "... for Foreign Affairs Ambassador".
                    if next.class != RoleClass::Honorific {
                        role_text_end = next.span.end;
                    }
                    role_end = next.span.end;
                    i += 1;
                }
                continue;
            }
            break;
        }
        // Modifiers before the title.
        let mut start = t.span.start;
        if let Some((m_start, kind, name)) = modifier_before(text, t.span.start) {
            start = m_start;
            match kind {
                PlaceKind::Country | PlaceKind::CountryAdjective => {
                    country = Some(name);
                }
                PlaceKind::Organization | PlaceKind::Group => {
                    org.get_or_insert(name);
                }
                PlaceKind::City => {}
            }
        }
        // "Deputy Secretary of State Wendy Sherman": a title only one government has.
        if country.is_none() && org.is_none() {
            country = t.home.map(str::to_string);
        }
        let mut role = text[t.span.start..role_text_end.max(t.span.end)].to_string();
        if t.plural {
            // "Foreign Ministers A and B": each is a Foreign Minister.
            role.remove(t.span.len() - 1);
        }
        if let Some(o) = &org
            && !role.contains(o.as_str())
        {
            role = format!("{o} {role}");
        }
        let lowercase_title = text[t.span.start..].starts_with(char::is_lowercase);
        let title_text = &text[t.span.start..t.span.end];
        let upper = title_text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            && title_text.chars().filter(|c| c.is_alphabetic()).count() > 3;
        // "Speaker of the Assembly, the upper chamber of the Slovak parliament, Jana Horvathova":
        // a description between commas, then the office holder's full name.
        let described = if upper { None } else { described_holder(text, role_end) };
        if let Some((_, of)) = &described
            && country.is_none()
            && org.is_none()
        {
            country = of.clone();
        }
        let named =
            described.map(|(name, _)| name).or_else(|| name_at(text, role_end, upper)).or_else(|| {
                if upper || class == RoleClass::Honorific { None } else { holder_after_comma(text, role_end) }
            });
        // "Foreign Ministers A and B": a plural title names a list; one name after it is no
        // holder ("the Quad Foreign Ministers Ministerial Meeting").
        let named = named.filter(|n| !t.plural || next_in_list(text, n.end, upper).is_some());
        match named {
            Some(name_span) => {
                consumed = name_span.end;
                // "President Ana Silva of Brazil", "Prime Minister Kenji Sato of Japan": the
                // country told after the name.
                if country.is_none() && org.is_none() {
                    country = country_after(text, name_span.end);
                }
                let name = name_as_written(name_span.slice(text), upper);
                let role = if upper { title_case(&role) } else { role };
                people.push(PersonMention {
                    span: Span::new(start, name_span.end),
                    name_span,
                    name,
                    role: (class != RoleClass::Honorific).then_some(role.clone()),
                    class: Some(class),
                    country: country.clone(),
                });
                // "Foreign Ministers A, B and C": every name of the list holds the title.
                let mut end = name_span.end;
                while let Some((sep, next)) = next_in_list(text, end, upper).filter(|_| t.plural) {
                    people.push(PersonMention {
                        span: next,
                        name_span: next,
                        name: name_as_written(next.slice(text), upper),
                        role: Some(role.clone()),
                        class: Some(class),
                        country: None,
                    });
                    consumed = next.end;
                    end = next.end;
                    if sep != ", " {
                        break;
                    }
                }
            }
            None if t.plural => {
                // "the Foreign Ministers of the G7": several people, none of them named.
                consumed = role_end;
            }
            None => {
                consumed = role_end;
                if class == RoleClass::Honorific {
                    continue;
                }
                let head = text[..start].trim_end_matches(' ');
                let definite = head.ends_with("the") || head.ends_with("The") || head.ends_with("'s");
                // Apposition: "Jens Stoltenberg, NATO Secretary General" / "..., the Foreign Minister of X".
                let mut appositive = None;
                let lead = head.strip_suffix("the").or_else(|| head.strip_suffix("The")).unwrap_or(head);
                let lead = lead.trim_end_matches(' ');
                if let Some(before_comma) = lead.strip_suffix(',')
                    && let Some(name_span) = name_before(text, before_comma.len())
                {
                    appositive = Some(name_span);
                }
                if let Some(name_span) = appositive
                    && !people.iter().rev().take(4).any(|p| p.span.overlaps(name_span))
                {
                    people.push(PersonMention {
                        span: Span::new(name_span.start, role_end),
                        name_span,
                        name: without_initials(name_span.slice(text)),
                        role: Some(role),
                        class: Some(class),
                        country,
                    });
                } else if !lowercase_title || definite {
                    let with_article =
                        if head.ends_with("the") || head.ends_with("The") { head.len() - 3 } else { start };
                    bare.push(TitleMention {
                        span: Span::new(with_article, role_end),
                        role,
                        class,
                        country,
                        definite: definite || start < t.span.start,
                    });
                }
            }
        }
    }
    let untitled = subject_names(text, &people);
    people.extend(untitled);
    people.sort_by_key(|p| p.span.start);
    // A list shares its first item's country: "Ukrainian Prime Minister Denys Shmyhal, Foreign
    // Minister Dmytro Kuleba, and Deputy Foreign Minister Yevhenii Yenin".
    let mut in_list = false;
    for k in 1..people.len() {
        let between = &text[people[k - 1].span.end.min(people[k].span.start)..people[k].span.start];
        let comma = matches!(between, ", " | ", and ");
        in_list = comma || (in_list && between == " and ");
        if in_list && people[k].country.is_none() && people[k].class != Some(RoleClass::Honorific) {
            people[k].country = people[k - 1].country.clone();
        }
    }
    (people, bare)
}

/// A name after a title as the person is called: in capitals after a title in capitals
/// ("PRESIDENT JOE BIDEN" → "Joe Biden"), else without initials and with a family name in
/// capitals in mixed case.
fn name_as_written(written: &str, upper: bool) -> String {
    if upper { title_case(written) } else { family_name_case(&without_initials(written)) }
}

/// The next name of a list after a name that ends at `end` ("A, B and C"), with the separator
/// before it.
fn next_in_list(text: &str, end: usize, upper: bool) -> Option<(&'static str, Span)> {
    let rest = &text[end..];
    let sep = [", and ", " and ", ", "].into_iter().find(|s| rest.starts_with(s))?;
    name_at(text, end + sep.len() - 1, upper).map(|n| (sep, n))
}

/// A name of at least two words that ends at `end`: for appositions.
fn name_before(text: &str, end: usize) -> Option<Span> {
    let mut start = end;
    let mut words = 0;
    let mut cursor = end;
    loop {
        let before = &text[..cursor];
        let word_start = before
            .rfind(|c: char| !is_word_char(c))
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        let word = &before[word_start..];
        if word.is_empty() {
            break;
        }
        let capitalised = word.starts_with(char::is_uppercase);
        let particle = words > 0 && PARTICLES.contains(&word.to_lowercase().as_str());
        if !(capitalised || particle) || is_stop(word) || word.ends_with('.') && word.chars().count() > 2 {
            break;
        }
        if titles().class_of(word).is_some() || gazetteer().is_entry(word) {
            break;
        }
        words += 1;
        start = word_start;
        if words >= 5 || word_start == 0 || !text[..word_start].ends_with(' ') {
            break;
        }
        cursor = word_start - 1;
    }
    // Leading particles are not part of a name either.
    let span = Span::new(start, end);
    let s = span.slice(text);
    let n = s.split(' ').filter(|w| w.starts_with(char::is_uppercase)).count();
    // "In Phnom Penh, the Deputy Secretary": a place after a preposition, not a name.
    let place = gazetteer().is_entry(s)
        || super::gazetteer::previous_word(text, start)
            .is_some_and(|w| matches!(w, "In" | "in" | "At" | "at" | "From" | "from" | "To" | "to"));
    (n >= 2 && s.starts_with(char::is_uppercase) && !place).then_some(span)
}

/// Verbs after which a capitalised run at a sentence's start is a person acting: "Vladimir Putin
/// had a telephone conversation", "Olaf Scholz arrived in Moscow".
const SUBJECT_VERBS: &[&str] = &[
    "had",
    "has",
    "held",
    "holds",
    "met",
    "meets",
    "spoke",
    "speaks",
    "talked",
    "talks",
    "visited",
    "visits",
    "arrived",
    "arrives",
    "received",
    "receives",
    "hosted",
    "hosts",
    "will",
    "is",
    "was",
    "took",
    "takes",
    "paid",
    "pays",
    "started",
    "began",
    "attended",
    "attends",
    "participated",
    "informed",
    "discussed",
    "thanked",
    "welcomed",
    "congratulated",
    "travelled",
    "traveled",
    "travels",
    "called",
    "addressed",
    "chaired",
    "co-chaired",
    "led",
    "leads",
    "joined",
    "joins",
    "expressed",
    "stressed",
    "noted",
    "said",
    "emphasized",
    "emphasised",
    "also",
    "then",
];

/// Words that make a capitalised run a gathering or an office, not a person.
fn is_name_breaker(word: &str) -> bool {
    let lower = word.to_lowercase();
    matches!(
        lower.as_str(),
        "dialogue"
            | "consultations"
            | "talks"
            | "summit"
            | "conference"
            | "forum"
            | "council"
            | "ministerial"
            | "meeting"
            | "session"
            | "committee"
            | "commission"
            | "office"
            | "department"
            | "ministry"
            | "government"
            | "house"
            | "kremlin"
            | "parliament"
            | "assembly"
            | "group"
            | "union"
            | "alliance"
            | "partnership"
            | "statement"
            | "readout"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "president"
            | "minister"
            | "secretary"
    )
}

/// People named without a title as the subject at a sentence's start: two to four capitalised
/// words (with inner particles) that no gazetteer or title list knows, followed by a verb, or by
/// "and" and another person ("Vladimir Putin and President of Belarus Alexander Lukashenko took
/// part"). Titled people found already win.
fn subject_names(text: &str, people: &[PersonMention]) -> Vec<PersonMention> {
    let mut out: Vec<PersonMention> = Vec::new();
    // Sorted spans, looked up by binary search: linear in the text, however many names it has.
    let mut spans: Vec<Span> = people.iter().map(|p| p.span).collect();
    spans.sort_by_key(|s| s.start);
    let covered = |pos: usize| {
        let i = spans.partition_point(|s| s.start <= pos);
        spans[..i].iter().rev().take(8).any(|s| s.end > pos)
    };
    let person_starts_in = |from: usize, to: usize| {
        let i = spans.partition_point(|s| s.start <= from);
        spans.get(i).is_some_and(|s| s.start <= to)
    };
    // Sentence starts, and clause starts after a comma ("On February 10, Vladimir Putin will").
    let starts = std::iter::once(0).chain(text.match_indices(['\n', '.', ':', ',']).filter_map(|(i, m)| {
        let after = &text[i + m.len()..];
        let skip = after.len() - after.trim_start_matches([' ', '\n']).len();
        (skip > 0 || m == "\n").then_some(i + m.len() + skip)
    }));
    for start in starts {
        if start >= text.len() || covered(start) || out.last().is_some_and(|p| p.span.start >= start) {
            continue;
        }
        let Some(span) = bare_name_at(text, start) else { continue };
        let next_word = word_after(text, span.end);
        // "Vladimir Putin and Xi Jinping will hold talks": two untitled names, then the verb.
        let partner = (next_word == "and")
            .then(|| bare_name_at(text, span.end + " and ".len()))
            .flatten()
            .filter(|p| SUBJECT_VERBS.contains(&word_after(text, p.end)));
        let acting = SUBJECT_VERBS.contains(&next_word)
            || (next_word == "and" && person_starts_in(span.end, span.end + 6))
            || partner.is_some();
        if !acting {
            continue;
        }
        out.push(bare_person(text, span));
        if let Some(p) = partner
            && !covered(p.start)
        {
            out.push(bare_person(text, p));
        }
    }
    // "met Olaf Scholz", "held talks with Xi Jinping": an untitled name as the one met.
    for verb in OBJECT_VERBS {
        for (i, _) in text.match_indices(verb) {
            let start = i + verb.len();
            if covered(start) || !text[..i].ends_with(' ') {
                continue;
            }
            if let Some(span) = bare_name_at(text, start) {
                out.push(bare_person(text, span));
            }
        }
    }
    out.sort_by_key(|p| p.span.start);
    out.dedup_by_key(|p| p.span);
    out
}

/// Verbs (with their preposition) after which the one met is named: "met with", "talks with".
const OBJECT_VERBS: &[&str] = &[
    "met with ",
    "met ",
    "meets with ",
    "meets ",
    "meet with ",
    "talks with ",
    "meeting with ",
    "meetings with ",
    "negotiations with ",
    "spoke with ",
    "call with ",
    "conversation with ",
    "hosted ",
    "received ",
    "welcomed ",
];

/// Two to four capitalised words at `start` that no gazetteer or title list knows: a bare name.
fn bare_name_at(text: &str, start: usize) -> Option<Span> {
    let span = name_from(text, start, false)?;
    let name = span.slice(text);
    let words: Vec<&str> = name.split(' ').collect();
    let bare = (2..=4).contains(&words.len())
        && !words.iter().any(|w| {
            is_name_breaker(w)
                || titles().class_of(w).is_some()
                || PORTFOLIO_WORDS.contains(w)
                || gazetteer().is_party(w)
                || w.contains('-') && w.split('-').any(|p| gazetteer().is_party(p))
        })
        && !gazetteer().is_entry(name)
        // "New Zealand Chief Executive": a place inside is no part of a bare name.
        && gazetteer().find(name).is_empty();
    bare.then_some(span)
}

/// The word right after `pos` (past one space), up to a space or comma.
fn word_after(text: &str, pos: usize) -> &str {
    text[pos..].strip_prefix(' ').and_then(|a| a.split([' ', ',']).next()).unwrap_or("")
}

fn bare_person(text: &str, span: Span) -> PersonMention {
    PersonMention {
        span,
        name_span: span,
        name: without_initials(span.slice(text)),
        role: None,
        class: None,
        country: None,
    }
}

/// The titled people of `text` (names as written).
pub fn find_people(text: &str) -> Vec<PersonMention> {
    find_people_and_titles(text).0
}
