//! Coreference within one article: the cast of people. "Antony J. Blinken", "Secretary Blinken",
//! "Blinken", "the Secretary" and "he" become one person, named by the fullest form the article
//! gives, with the country and role the article states.
//!
//! Built once per article by [`Cast::build`]; the event stage asks [`Cast::resolve`] who a mention
//! means and [`Cast::salient_at`] who a pronoun means at a position.

use std::collections::HashMap;

use dateline_model::Span;

use super::gazetteer::on_word_boundaries;
use super::names::{ActorKey, PARTICLES, actor_key, fold, is_family_name_first, same_person};
use super::people::{PersonMention, TitleMention, find_people_and_titles};
use super::titles::RoleClass;

/// One person of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CastMember {
    /// The display name: the fullest form the article gives, as written (diacritics kept).
    pub name: String,
    pub key: ActorKey,
    pub country: Option<String>,
    /// The most specific role the article gives ("Turkish Foreign Minister" → "Foreign Minister").
    pub role: Option<String>,
    pub class: Option<RoleClass>,
    /// Every form the article uses: "Antony J. Blinken", "Blinken", "the Secretary".
    pub aliases: Vec<String>,
    /// Start of the first mention.
    pub first: usize,
    /// The role, folded, for matching definite titles.
    role_key: Option<String>,
    /// Named as a leader's spouse is: "Mrs. Jill Biden", "First Lady Olena Zelenska".
    spouse_title: bool,
}

/// The office holders an article never names, by their offices: "the President of Egypt and King
/// of Jordan" (two), "the Egyptian President" ("President of Egypt"); each with its span and
/// country. Only leaders' and ministers' titles with their country, as definite descriptions; not
/// an institution's part ("the Office of the President of Ukraine").
fn unnamed_offices(
    text: &str,
    t: &TitleMention,
    last_definite_end: Option<usize>,
) -> Vec<(Span, String, String)> {
    let Some(country) = t.country.as_deref() else { return Vec::new() };
    if !matches!(t.class, RoleClass::Head | RoleClass::Foreign | RoleClass::Minister) {
        return Vec::new();
    }
    let before = text[..t.span.start].trim_end();
    let coordinated = last_definite_end.is_some_and(|e| text[e..t.span.start].trim() == "and");
    if !t.definite && !coordinated {
        return Vec::new();
    }
    // "the Office of the President", "Administration of the Prime Minister".
    let head = before.trim_end_matches("the").trim_end_matches("The").trim_end();
    if let Some(of) = head.strip_suffix(" of")
        && of.rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_uppercase))
    {
        return Vec::new();
    }
    let written = t.span.slice(text);
    let mut out = Vec::new();
    let mut from = 0;
    for part in t.role.split(" and ") {
        let Some(at) = written[from..].find(part) else { break };
        let span = Span::new(t.span.start + from + at, t.span.start + from + at + part.len());
        from += at + part.len();
        let title = part.split(" of ").next().unwrap_or(part);
        if title.is_empty() || title.split(' ').count() > 3 || !title.starts_with(char::is_uppercase) {
            return Vec::new();
        }
        let (name, of) = if part.contains(" of ") {
            let Some(of) = super::people::country_of_portfolio(part) else { return Vec::new() };
            (part.to_string(), of)
        } else {
            (format!("{title} of {country}"), country.to_string())
        };
        out.push((span, name, of));
    }
    out
}

/// How many of a paragraph's mentions before a title are looked through for the label of the
/// turn it is said in: a text of one huge paragraph would otherwise make the look quadratic.
const TURN_MENTIONS: usize = 400;

/// Titles a leader's spouse is named with.
const SPOUSE_TITLES: &[&str] =
    &["Mrs. ", "Mrs ", "Ms. ", "Ms ", "Madame ", "First Lady ", "First Gentleman ", "Second Gentleman "];

/// How a mention names its person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// A name, with or without title: "Foreign Minister Wang Yi", "Secretary Blinken".
    Name,
    /// A bare surname found by the cast: "Blinken".
    Surname,
    /// A definite title: "the Secretary", "the Turkish Foreign Minister".
    Title,
}

/// A mention of a cast member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CastMention {
    pub span: Span,
    pub member: usize,
    pub how: Reference,
}

/// The people of one article and every mention of them.
#[derive(Debug, Clone, Default)]
pub struct Cast {
    pub members: Vec<CastMember>,
    /// Sorted by position, without overlaps.
    pub mentions: Vec<CastMention>,
    /// Sentence starts (approximate), for salience.
    sentence_starts: Vec<usize>,
    /// The members by each word of their display name, in order.
    name_words: HashMap<String, Vec<usize>>,
    /// Each member's mentions (indices into `mentions`), in order.
    of_member: Vec<Vec<usize>>,
}

impl Cast {
    /// Finds and resolves the people of `text`.
    pub fn build(text: &str) -> Cast {
        let (people, bare) = find_people_and_titles(text);
        let mut cast = Cast { sentence_starts: sentence_starts(text), ..Cast::default() };
        // 1. Named mentions, longest names first so that short forms join the full one.
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(people[i].name.split(' ').count()), people[i].span.start));
        let mut assigned: Vec<Option<usize>> = vec![None; people.len()];
        let mut by_word = MembersByWord::default();
        for &i in &order {
            let p = &people[i];
            let member = cast.find_member(p, &by_word).unwrap_or_else(|| cast.add_member(p));
            cast.absorb(member, p);
            if SPOUSE_TITLES.iter().any(|t| text[p.span.start..].starts_with(t)) {
                cast.members[member].spouse_title = true;
            }
            by_word.add(member, &cast.members[member].key);
            assigned[i] = Some(member);
        }
        for (i, p) in people.iter().enumerate() {
            if let Some(m) = assigned[i] {
                cast.mentions.push(CastMention { span: p.span, member: m, how: Reference::Name });
            }
        }
        // 2. Bare surnames (and the text's other spellings of them).
        cast.find_surnames(text);
        // 3. Definite titles.
        let taken = Taken::new(cast.mentions.iter().map(|m| m.span));
        // Titles taken here do not overlap one another: the one starting last before a span
        // ends is the only one that could overlap it.
        let mut titles: std::collections::BTreeMap<usize, usize> = Default::default();
        let by_role = MembersByRoleWord::new(&cast.members);
        let mut ends = MentionEnds::new(&cast.mentions, cast.members.len());
        let mut pools = TitlePools::new(cast.members.len());
        let mut unnamed: Vec<(Span, usize)> = Vec::new();
        let mut last_definite_end = None;
        let mut breaks = None;
        for t in &bare {
            let near = titles.range(..t.span.end).next_back();
            if taken.overlaps(t.span) || near.is_some_and(|(_, &end)| end > t.span.start) {
                continue;
            }
            if let Some(member) = cast.title_member(text, t, &by_role, &ends, &mut pools) {
                titles.insert(t.span.start, t.span.end);
                ends.add(member, t.span.end, cast.mentions.len());
                pools.add(member, t.span.end, cast.mentions.len());
                cast.mentions.push(CastMention { span: t.span, member, how: Reference::Title });
                last_definite_end = Some(t.span.end);
            } else if let offices = unnamed_offices(text, t, last_definite_end)
                && !offices.is_empty()
            {
                // "the President of Egypt and King of Jordan", named nowhere: the office holders,
                // by their offices, when no one the article names may hold them.
                // "Foreign Minister A: ... the Polish Foreign Minister will be here tomorrow": a
                // speaker does not tell of himself by his office.
                let breaks = breaks.get_or_insert_with(|| crate::segment::Breaks::new(text));
                let speaker = cast.turn_speaker(text, breaks, t.span.start);
                if !cast.may_hold(t, speaker) {
                    for (span, name, country) in offices {
                        let member = match cast.members.iter().position(|m| m.name == name) {
                            Some(m) => m,
                            None => {
                                let p = PersonMention {
                                    span,
                                    name_span: span,
                                    name: name.clone(),
                                    role: Some(name.split(" of ").next().unwrap_or(&name).to_string()),
                                    class: Some(t.class),
                                    country: Some(country),
                                };
                                let m = cast.add_member(&p);
                                cast.absorb(m, &p);
                                m
                            }
                        };
                        unnamed.push((span, member));
                    }
                    titles.insert(t.span.start, t.span.end);
                }
                last_definite_end = Some(t.span.end);
            } else if t.definite {
                last_definite_end = Some(t.span.end);
            }
        }
        for (span, member) in unnamed {
            cast.mentions.push(CastMention { span, member, how: Reference::Title });
        }
        cast.mentions.sort_by_key(|m| m.span.start);
        for m in &cast.mentions {
            let member = &mut cast.members[m.member];
            member.first = member.first.min(m.span.start);
            let form = m.span.slice(text).to_string();
            if !member.aliases.contains(&form) {
                member.aliases.push(form);
            }
        }
        for (i, m) in cast.members.iter().enumerate() {
            for w in m.name.split(' ') {
                let of = cast.name_words.entry(w.to_string()).or_default();
                if of.last() != Some(&i) {
                    of.push(i);
                }
            }
        }
        cast.of_member = vec![Vec::new(); cast.members.len()];
        for (i, m) in cast.mentions.iter().enumerate() {
            cast.of_member[m.member].push(i);
        }
        cast
    }

    /// The members with `word` as a word of their display name, in order.
    pub fn with_name_word(&self, word: &str) -> &[usize] {
        self.name_words.get(word).map_or(&[], Vec::as_slice)
    }

    /// The mentions of member `i`, in text order.
    pub fn mentions_of(&self, i: usize) -> impl Iterator<Item = &CastMention> {
        self.of_member.get(i).into_iter().flatten().map(|&k| &self.mentions[k])
    }

    /// The member `p` names, if any. Only members sharing a name word with `p` can be it (every
    /// rule below compares words), so only those are looked at, in order.
    fn find_member(&self, p: &PersonMention, by_word: &MembersByWord) -> Option<usize> {
        let key = actor_key(&p.name).with_country(p.country.as_deref());
        let single = key.words.len() == 1;
        let candidates: Vec<usize> = by_word
            .sharing(&key)
            .into_iter()
            .filter(|&i| {
                let m = &self.members[i];
                if single || key.is_part_of(&m.key) {
                    // A surname alone (or a part of the name: "Le Drian", "bin Zayed") joins a
                    // fuller name (and the same country if both state one).
                    let fits = key.is_part_of(&m.key)
                        && (!single
                            || m.key.surname() == key.words.first().map(String::as_str)
                            || m.key.words.last() == key.words.first()
                            || is_first_surname(&m.key, &key.words[0])
                            || given_name_first(&key, p.role.is_some(), &m.key));
                    let country_ok = match (&m.country, &p.country) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    };
                    // "President Biden" beside "Mrs. Jill Biden": a surname under an office is
                    // not the one named as a spouse is, who shares it.
                    let spouse = single
                        && m.spouse_title
                        && p.role.is_some()
                        && !matches!(p.class, None | Some(RoleClass::Honorific))
                        && p.role.as_deref().is_some_and(|r| !SPOUSE_TITLES.iter().any(|t| r.starts_with(t)));
                    fits && country_ok && !spouse
                } else {
                    same_person(&m.key, &key) || given_name_first(&m.key, m.role.is_some(), &key)
                }
            })
            .collect();
        if candidates.len() <= 1 {
            return candidates.first().copied();
        }
        // Several people share the family name: the one with the same role, else the nearest before.
        if let Some(&c) =
            candidates.iter().find(|&&c| self.members[c].role.is_some() && self.members[c].role == p.role)
        {
            return Some(c);
        }
        candidates
            .into_iter()
            .filter(|&c| self.members[c].first <= p.span.start)
            .max_by_key(|&c| self.members[c].first)
    }

    fn add_member(&mut self, p: &PersonMention) -> usize {
        self.members.push(CastMember {
            name: p.name.clone(),
            key: actor_key(&p.name),
            country: None,
            role: None,
            class: None,
            aliases: Vec::new(),
            first: p.span.start,
            role_key: None,
            spouse_title: false,
        });
        self.members.len() - 1
    }

    fn absorb(&mut self, member: usize, p: &PersonMention) {
        let m = &mut self.members[member];
        if p.name.split(' ').count() > m.name.split(' ').count() {
            m.name = p.name.clone();
            m.key = actor_key(&p.name).with_country(m.country.as_deref());
        }
        if m.country.is_none() {
            m.country = p.country.clone();
            m.key = m.key.clone().with_country(m.country.as_deref());
        }
        // The most informative role: a real role over an honorific, the longer over the shorter.
        if let Some(role) = &p.role
            && p.class != Some(RoleClass::Honorific)
            && m.role.as_ref().is_none_or(|r| role.len() > r.len())
        {
            m.role = Some(role.clone());
            m.role_key = Some(fold(role));
            m.class = p.class;
        }
        m.first = m.first.min(p.span.start);
    }

    /// Every later bare use of a member's family name ("Blinken said"), also folded ("Cavusoglu").
    fn find_surnames(&mut self, text: &str) {
        // Forms by their first alphanumeric run: "Blinken" → [("Blinken", 0)], "Al" → [("Al-Thani", 3)].
        let mut forms: HashMap<&str, Vec<(String, usize)>> = HashMap::new();
        let mut owned: Vec<(String, usize)> = Vec::new();
        for (i, m) in self.members.iter().enumerate() {
            let words: Vec<&str> = m.name.split(' ').collect();
            // This member's forms so far are the last ones: only those are looked through (a
            // look through every member's was quadratic in the length of a long text).
            let mine = owned.len();
            let mut add = |form: String| {
                if !owned[mine..].iter().any(|(f, o)| *f == form && *o == i) {
                    owned.push((form, i));
                }
            };
            if words.len() < 2 {
                // Known only by one word: that word is its surname.
                add(m.name.clone());
                add(deunicode::deunicode(&m.name));
                continue;
            }
            let family_first = m.key.family_first || (is_family_name_first(words[0]) && words.len() <= 3);
            let surname = if family_first { words[0] } else { words[words.len() - 1] };
            // The first of two family names ("Ortega" of "Daniel Ortega Ruiz").
            if !family_first
                && words.len() >= 3
                && is_first_surname(&m.key, &fold(words[words.len() - 2]))
                && words[words.len() - 2].chars().next().is_some_and(char::is_uppercase)
                && words[words.len() - 2].chars().count() >= 3
            {
                add(words[words.len() - 2].to_string());
                add(deunicode::deunicode(words[words.len() - 2]));
            }
            // Regnal numbers and very short words are not usable alone ("Abdullah II", "Yi"); a
            // short family name told first is ("Xi" of "Xi Jinping", "Li" of "Li Qiang").
            let short_family = family_first && surname.chars().count() == 2 && is_family_name_first(surname);
            if (surname.chars().count() >= 3 || short_family)
                && !surname.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            {
                add(surname.to_string());
                add(deunicode::deunicode(surname));
            }
            // The full name, also in plain letters, for untitled mentions ("Hun Sen left").
            add(m.name.clone());
            add(deunicode::deunicode(&m.name));
        }
        for (form, member) in &owned {
            let key = first_run(form);
            if !key.is_empty() {
                forms.entry(key).or_default().push((form.clone(), *member));
            }
        }
        if forms.is_empty() {
            return;
        }
        // The first bytes of the forms: a word whose first byte is none of them is skipped
        // without decoding it.
        let mut first_bytes = [false; 256];
        for key in forms.keys() {
            first_bytes[key.as_bytes()[0] as usize] = true;
        }
        let taken = Taken::new(self.mentions.iter().map(|m| m.span));
        let ends = MentionEnds::new(&self.mentions, self.members.len());
        let mut found = Vec::new();
        let bytes = text.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(off) = bytes[pos..].iter().position(|&b| first_bytes[b as usize]) else { break };
            let start = pos + off;
            pos = start + 1;
            // A word start: not inside a word (a UTF-8 continuation byte never starts a form).
            if !text.is_char_boundary(start)
                || (start > 0 && text[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric()))
            {
                continue;
            }
            let run = first_run(&text[start..]);
            pos = start + run.len().max(1);
            while pos < text.len() && !text.is_char_boundary(pos) {
                pos += 1;
            }
            let Some(candidates) = forms.get(run) else { continue };
            // The longest form that the text continues with, ending on a word boundary.
            let best = candidates
                .iter()
                .filter(|(f, _)| text[start..].starts_with(f.as_str()))
                .filter(|(f, _)| on_word_boundaries(text, start, start + f.len()))
                .max_by_key(|(f, _)| f.len());
            let Some((form, _)) = best else { continue };
            let span = Span::new(start, start + form.len());
            let _ = bytes;
            // "the Biden administration", "the Biden-Harris Administration": a government named
            // after its leader, not the person.
            if names_a_government(&text[span.end..]) {
                pos = pos.max(span.end);
                continue;
            }
            if taken.overlaps(span) {
                pos = pos.max(span.end);
                continue;
            }
            let owners_of: Vec<usize> =
                candidates.iter().filter(|(f, _)| f == form).map(|&(_, o)| o).collect();
            let member = if owners_of.len() == 1 {
                owners_of[0]
            } else {
                // Shared surnames: the owner whose earlier mention is nearest (of two ending
                // at one place, the later in order).
                let nearest = ends.nearest_before(&owners_of, span.start);
                nearest.unwrap_or(owners_of[0])
            };
            found.push(CastMention { span, member, how: Reference::Surname });
            pos = pos.max(span.end);
        }
        self.mentions.extend(found);
        self.mentions.sort_by_key(|m| m.span.start);
    }

    /// Whether someone the article names may hold the office of an unresolved title: anyone of
    /// the title's country ("President of the Republic of Turkey A" is "the President of
    /// Turkey"), or of no known country with the title's role ("President Biden" may be "the
    /// President of the United States").
    /// The speaker of the turn, when the title is said in one, is not among them.
    fn may_hold(&self, t: &TitleMention, speaker: Option<usize>) -> bool {
        let head = fold(t.role.split(" of ").next().unwrap_or(&t.role));
        let last = head.rsplit(' ').next().unwrap_or(&head).to_string();
        self.members.iter().enumerate().filter(|&(i, _)| Some(i) != speaker).any(|(_, m)| match &m.country {
            Some(c) => Some(c) == t.country.as_ref(),
            None => m.role_key.as_deref().is_some_and(|r| r.split(' ').any(|w| w == last)),
        })
    }

    /// In a transcript, the member whose label ("Foreign Minister A:") opens the turn holding
    /// `pos`: the last label before it in its paragraph (a saved page may run several turns into
    /// one), else the label opening the nearest paragraph before it that opens with one, at most
    /// [`TURN_PARAGRAPHS`](crate::segment::TURN_PARAGRAPHS) back; none when that label names no
    /// one the cast knows ("Question:").
    fn turn_speaker(&self, text: &str, breaks: &crate::segment::Breaks, pos: usize) -> Option<usize> {
        let paragraph = breaks.paragraph_start(pos);
        let before = &self.mentions[..self.mentions.partition_point(|m| m.span.start < pos)];
        let inside = before.iter().rev().take_while(|m| m.span.start >= paragraph).take(TURN_MENTIONS);
        if let Some(m) = inside.filter(|m| m.how != Reference::Title).find(|m| {
            let lead = text[paragraph..m.span.start].trim_end();
            (lead.is_empty() || lead.ends_with(['.', '?', '!']))
                && crate::segment::colon_within(text, m.span.start, 90).is_some_and(|colon| {
                    colon >= m.span.end && !text[m.span.start..colon].contains(['.', ','])
                })
        }) {
            return Some(m.member);
        }
        let mut end = paragraph.saturating_sub(2);
        for _ in 0..crate::segment::TURN_PARAGRAPHS {
            if end == 0 {
                return None;
            }
            let start = breaks.paragraph_start(end);
            if let Some(colon) = crate::segment::colon_within(text, start, 90)
                && !text[start..colon].contains(['.', ','])
            {
                let from = self.mentions.partition_point(|m| m.span.start < start);
                return self.mentions[from..]
                    .iter()
                    .take_while(|m| m.span.end <= colon)
                    .find(|m| m.how != Reference::Title)
                    .map(|m| m.member);
            }
            end = start.saturating_sub(2);
        }
        None
    }

    /// Who a definite title means: the member with that role (and country, when stated),
    /// nearest before the title, else the first one after it.
    fn title_member(
        &self,
        text: &str,
        t: &TitleMention,
        by_role: &MembersByRoleWord,
        ends: &MentionEnds,
        pools: &mut TitlePools,
    ) -> Option<usize> {
        if !t.definite {
            return None;
        }
        let title = fold(&t.role);
        let key = (title, t.country.clone());
        let pool = match pools.ids.get(&key) {
            Some(&id) => id,
            None => {
                let members = self.title_pool(&key.0, t.country.as_deref(), by_role);
                pools.insert(key, members, &self.members, ends)
            }
        };
        let pool = &pools.pools[pool];
        let before = pool.ends.range(..=(t.span.start, usize::MAX, usize::MAX));
        // "Foreign Minister A will travel to X and Y. In X, she will meet with Foreign Minister
        // B. In Y, the Foreign Minister will meet with C": a title that opens its clause means
        // the member last mentioned opening one, not the one last met.
        if self.opens_clause(text, t.span.start) {
            let members = &self.mentions;
            let subject =
                before.clone().rev().take(24).find(|&&(_, i, _)| {
                    members.get(i).is_some_and(|m| self.opens_clause(text, m.span.start))
                });
            if let Some(&(_, _, m)) = subject {
                return Some(m);
            }
        }
        // The member mentioned last before the title (of two mentions ending at one place, the
        // later in the list), else the first one mentioned.
        before.last().map(|&(_, _, m)| m).or(pool.fallback)
    }

    /// Whether a mention starting at `start` opens its sentence's clause: nothing before it in
    /// the sentence but "the" and a short fronted phrase and its comma ("In Tunis, the ...").
    fn opens_clause(&self, text: &str, start: usize) -> bool {
        let from = self.sentence_starts[self.sentence_starts.partition_point(|&x| x <= start).max(1) - 1];
        let Some(before) = text.get(from..start) else { return false };
        let before = before.trim_end();
        let before = match before.strip_suffix("the").or_else(|| before.strip_suffix("The")) {
            Some(rest) if rest.is_empty() || rest.ends_with(' ') => rest.trim_end(),
            _ => before,
        };
        if before.is_empty() {
            return true;
        }
        before.strip_suffix(',').is_some_and(|front| {
            front.split_whitespace().count() <= 6 && !front.contains([',', ';', ':', '"'])
        })
    }

    /// The members a definite title may mean: those with that role (and country, when stated),
    /// the exact role preferred when several have it.
    fn title_pool(&self, title: &str, country: Option<&str>, by_role: &MembersByRoleWord) -> Vec<usize> {
        let matches = |m: &CastMember| -> bool {
            let Some(role) = &m.role_key else { return false };
            let role_ok = *role == title
                || role.ends_with(&format!(" {title}"))
                || role.starts_with(&format!("{title} "))
                || (title.split(' ').count() == 1 && role.split(' ').any(|w| w == title));
            let country_ok = match (country, &m.country) {
                (Some(a), Some(b)) => a == b,
                (Some(_), None) => false,
                _ => true,
            };
            role_ok && country_ok
        };
        // Every role that fits has the title's first word among its words.
        let candidates: Vec<usize> = by_role
            .with_word(title.split(' ').next().unwrap_or(""))
            .filter(|&i| matches(&self.members[i]))
            .collect();
        if candidates.len() <= 1 {
            return candidates;
        }
        // Prefer the exact role, then the nearest earlier mention.
        let exact: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| {
                self.members[i]
                    .role
                    .as_deref()
                    .map(fold)
                    .is_some_and(|r| r == title || r.ends_with(&format!(" {title}")))
            })
            .collect();
        if exact.is_empty() { candidates } else { exact }
    }

    /// The member a span means: a mention that covers it, or one inside it.
    pub fn resolve(&self, span: Span) -> Option<&CastMember> {
        self.mentions
            .iter()
            .find(|m| m.span.contains(span) || span.contains(m.span))
            .map(|m| &self.members[m.member])
    }

    /// The mention at exactly this span, if any.
    pub fn mention_at(&self, span: Span) -> Option<&CastMention> {
        crate::starting_in(&self.mentions, span, |m| m.span).iter().find(|m| m.span == span)
    }

    /// Who "he", "she" or "the Secretary" most likely means at `pos`: the subject (first person
    /// mentioned in a sentence) of the nearest earlier sentence that names one, else the person
    /// the article mentions most.
    pub fn salient_at(&self, pos: usize) -> Option<&CastMember> {
        // The mentions do not overlap and are sorted: those ending by `pos` are a prefix, and the
        // subject is the first of the last sentence among them.
        let before = &self.mentions[..self.mentions.partition_point(|m| m.span.end <= pos)];
        let subject = before.last().map(|last| {
            let s = self.sentence_of(last.span.start);
            let first = before.iter().rposition(|m| self.sentence_of(m.span.start) != s).map_or(0, |i| i + 1);
            before[first].member
        });
        subject.or_else(|| self.most_mentioned()).map(|i| &self.members[i])
    }

    fn most_mentioned(&self) -> Option<usize> {
        (0..self.members.len()).max_by_key(|&i| {
            let n = self.mentions.iter().filter(|m| m.member == i).count();
            (n, std::cmp::Reverse(self.members[i].first))
        })
    }

    fn sentence_of(&self, pos: usize) -> usize {
        self.sentence_starts.partition_point(|&s| s <= pos)
    }

    /// The two (or more) people last mentioned before `pos`: "the two ministers".
    pub fn last_people_before(&self, pos: usize, n: usize) -> Vec<&CastMember> {
        let mut out: Vec<usize> = Vec::new();
        let before = &self.mentions[..self.mentions.partition_point(|m| m.span.end <= pos)];
        for m in before.iter().rev() {
            if !out.contains(&m.member) {
                out.push(m.member);
                if out.len() == n {
                    break;
                }
            }
        }
        out.reverse();
        out.into_iter().map(|i| &self.members[i]).collect()
    }
}

/// Spans already taken, to ask in logarithmic time whether a span overlaps one of them.
struct Taken {
    /// Sorted by start, with the largest end up to each.
    spans: Vec<(usize, usize)>,
}

impl Taken {
    fn new(spans: impl Iterator<Item = Span>) -> Self {
        let mut v: Vec<Span> = spans.collect();
        v.sort_by_key(|s| s.start);
        let mut max_end = 0;
        Self {
            spans: v
                .into_iter()
                .map(|s| {
                    max_end = max_end.max(s.end);
                    (s.start, max_end)
                })
                .collect(),
        }
    }

    /// Whether `span` overlaps a taken span: among those starting before it ends, one ends
    /// after it starts.
    fn overlaps(&self, span: Span) -> bool {
        let i = self.spans.partition_point(|&(start, _)| start < span.end);
        i > 0 && self.spans[i - 1].1 > span.start
    }
}

/// The members each name word belongs to, to find the few a mention may name: a scan of every
/// member per mention made the cast quadratic in the length of a long text.
#[derive(Debug, Default)]
struct MembersByWord(HashMap<String, std::collections::BTreeSet<usize>>);

impl MembersByWord {
    /// Records the words of `member`'s key (a key that grew keeps its old words: a superset).
    fn add(&mut self, member: usize, key: &ActorKey) {
        for w in &key.words {
            self.0.entry(w.clone()).or_default().insert(member);
        }
    }

    /// The members with a word of `key`, in order.
    fn sharing(&self, key: &ActorKey) -> std::collections::BTreeSet<usize> {
        key.words.iter().filter_map(|w| self.0.get(w)).flatten().copied().collect()
    }
}

/// The members whose role has a given word, in order, to find the few a definite title may mean.
#[derive(Debug, Default)]
struct MembersByRoleWord(HashMap<String, Vec<usize>>);

impl MembersByRoleWord {
    fn new(members: &[CastMember]) -> Self {
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, m) in members.iter().enumerate() {
            for w in m.role_key.iter().flat_map(|r| r.split(' ')) {
                let of = by_word.entry(w.to_string()).or_default();
                if of.last() != Some(&i) {
                    of.push(i);
                }
            }
        }
        Self(by_word)
    }

    fn with_word(&self, word: &str) -> impl Iterator<Item = usize> + '_ {
        self.0.get(word).into_iter().flatten().copied()
    }
}

/// Each member's mentions by where they end (then by their place in the cast's list), to find
/// the nearest earlier mention of some members by binary search: a scan of every mention per
/// look-up was quadratic in the length of the text.
#[derive(Debug)]
struct MentionEnds(Vec<std::collections::BTreeSet<(usize, usize)>>);

impl MentionEnds {
    fn new(mentions: &[CastMention], members: usize) -> Self {
        let mut ends = vec![std::collections::BTreeSet::new(); members];
        for (i, m) in mentions.iter().enumerate() {
            ends[m.member].insert((m.span.end, i));
        }
        Self(ends)
    }

    /// Records that mention `index` of the list, of `member`, ends at `end`.
    fn add(&mut self, member: usize, end: usize, index: usize) {
        self.0[member].insert((end, index));
    }

    /// Which of `members` has the mention ending last at or before `at` (of two ending there,
    /// the later in the list): what a scan of the list with `max_by_key(end)` gives.
    fn nearest_before(&self, members: &[usize], at: usize) -> Option<usize> {
        members
            .iter()
            .filter_map(|&m| self.0[m].range(..=(at, usize::MAX)).next_back().map(|&e| (e, m)))
            .max()
            .map(|(_, m)| m)
    }
}

/// The members each distinct definite title may mean, with every mention of them by where it
/// ends, so that the nearest is found by one binary search: the members with a common role
/// ("the Foreign Minister") grow with the length of a text, and a look at each of them per
/// title was quadratic.
struct TitlePools {
    ids: HashMap<(String, Option<String>), usize>,
    pools: Vec<TitlePool>,
    /// The pools each member is in.
    of_member: Vec<Vec<usize>>,
}

struct TitlePool {
    /// The mentions of the pool's members: (end, place in the cast's list, member).
    ends: std::collections::BTreeSet<(usize, usize, usize)>,
    /// The member to take when none is mentioned before: the first mentioned.
    fallback: Option<usize>,
}

impl TitlePools {
    fn new(members: usize) -> Self {
        Self { ids: HashMap::new(), pools: Vec::new(), of_member: vec![Vec::new(); members] }
    }

    fn insert(
        &mut self,
        key: (String, Option<String>),
        members: Vec<usize>,
        cast: &[CastMember],
        ends: &MentionEnds,
    ) -> usize {
        let id = self.pools.len();
        let mut pool = TitlePool {
            ends: Default::default(),
            fallback: members.iter().copied().min_by_key(|&i| cast[i].first),
        };
        for &m in &members {
            pool.ends.extend(ends.0[m].iter().map(|&(end, index)| (end, index, m)));
            self.of_member[m].push(id);
        }
        self.pools.push(pool);
        self.ids.insert(key, id);
        id
    }

    /// Records that mention `index` of the list, of `member`, ends at `end`.
    fn add(&mut self, member: usize, end: usize, index: usize) {
        for &id in &self.of_member[member] {
            self.pools[id].ends.insert((end, index, member));
        }
    }
}

/// "Prime Minister Abiy" and "Abiy Ahmed", "Director-General Tedros" and "Tedros Adhanom
/// Ghebreyesus", "National Security Advisor Akiba" and "Akiba Takeo": where a person is known
/// by the first word of the name (Ethiopian and Eritrean names have no family name; some
/// names are written family name first), a one-word name with a title is the fuller name
/// that starts with it.
/// Whether the words right after a surname make it a government's name: "administration",
/// "Administration", "government", "presidency", "era", also past a hyphenated running mate
/// ("-Harris Administration").
fn names_a_government(after: &str) -> bool {
    let after = match after.strip_prefix('-') {
        Some(rest) => rest.trim_start_matches(|c: char| c.is_alphabetic()),
        None => after,
    };
    let Some(rest) = after.strip_prefix(' ') else { return false };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(word.as_str(), "administration" | "Administration" | "government" | "presidency" | "era")
}

fn given_name_first(one: &ActorKey, titled: bool, full: &ActorKey) -> bool {
    titled
        && one.words.len() == 1
        && full.words.len() >= 2
        && full.words[0] == one.words[0]
        && one.words[0].chars().count() >= 3
        && !PARTICLES.contains(&one.words[0].as_str())
}

/// Whether `word` is the first of two family names closing a name of three words or more, as
/// in Spanish and Portuguese usage ("Ortega" of "Daniel Ortega Ruiz"): not for names written
/// family name first, nor for particles.
fn is_first_surname(key: &ActorKey, word: &str) -> bool {
    let n = key.words.len();
    n >= 3 && !key.family_first && key.words[n - 2] == word && !PARTICLES.contains(&word)
}

/// The leading run of letters and digits: "Al-Thani" → "Al", "Blinken's" → "Blinken".
fn first_run(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

/// Approximate sentence starts: after ". ", "? ", "! " and line breaks.
fn sentence_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = vec![0];
    for i in 1..bytes.len() {
        let prev = bytes[i - 1];
        if prev == b'\n' && bytes[i] != b'\n' {
            out.push(i);
        } else if bytes[i] == b' '
            && matches!(prev, b'.' | b'?' | b'!')
            && bytes.get(i + 1).is_some_and(|c| c.is_ascii_uppercase())
            // "J. Blinken", "U.S. Ambassador": a capital letter right before the period is an initial.
            && !(i >= 2 && bytes[i - 2].is_ascii_uppercase())
        {
            out.push(i + 1);
        }
    }
    out
}
