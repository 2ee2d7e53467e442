//! Table-driven tests of person names from context, coreference within an article, and the
//! cross-article identity rule. Sentences are our own.

use dateline_extract::actors::{MentionKind, actor_key, find_people, fold, mentions_and_cast, same_person};

/// (text, [(name, role, country)]): the titled people, in order, names as written.
type Expected = &'static [(&'static str, Option<&'static str>, Option<&'static str>)];

const PEOPLE: &[(&str, Expected)] = &[
    ("Foreign Minister Wang Yi met her.", &[("Wang Yi", Some("Foreign Minister"), None)]),
    ("Chinese Foreign Minister Wang Yi met her.", &[("Wang Yi", Some("Foreign Minister"), Some("China"))]),
    (
        "Secretary of State Antony J. Blinken arrived.",
        &[("Antony Blinken", Some("Secretary of State"), Some("United States"))],
    ),
    (
        "Turkish Foreign Minister Mevlüt Çavuşoğlu spoke.",
        &[("Mevlüt Çavuşoğlu", Some("Foreign Minister"), Some("Turkey"))],
    ),
    (
        "Deputy Secretary of State Wendy Sherman traveled.",
        &[("Wendy Sherman", Some("Deputy Secretary of State"), Some("United States"))],
    ),
    (
        "Under Secretary Victoria Nuland traveled.",
        &[("Victoria Nuland", Some("Under Secretary"), Some("United States"))],
    ),
    ("Prime Minister Hun Sen received them.", &[("Hun Sen", Some("Prime Minister"), None)]),
    // A small town's name (Sherman, Texas) is still a surname.
    (
        "Deputy Secretary Sherman spoke with them.",
        &[("Sherman", Some("Deputy Secretary"), Some("United States"))],
    ),
    // The country an office's portfolio is "of" is the person's.
    (
        "President of the Senate of Romania Florin Popa arrived.",
        &[("Florin Popa", Some("President of the Senate of Romania"), Some("Romania"))],
    ),
    // The country told after the name is the person's.
    ("King Abdullah II of Jordan hosted him.", &[("Abdullah II", Some("King"), Some("Jordan"))]),
    (
        "Foreign Minister Abdullah bin Zayed Al Nahyan met them.",
        &[("Abdullah bin Zayed Al Nahyan", Some("Foreign Minister"), None)],
    ),
    (
        "Sheikh Mohammed bin Abdulrahman Al-Thani arrived.",
        &[("Mohammed bin Abdulrahman Al-Thani", None, None)],
    ),
    (
        "Dutch Foreign Minister Wopke Hoekstra spoke.",
        &[("Wopke Hoekstra", Some("Foreign Minister"), Some("Netherlands"))],
    ),
    (
        "EU High Representative Josep Borrell spoke.",
        &[("Josep Borrell", Some("European Union High Representative"), None)],
    ),
    (
        "NATO Secretary General Jens Stoltenberg spoke.",
        &[("Jens Stoltenberg", Some("NATO Secretary General"), None)],
    ),
    (
        "French Foreign Minister Jean-Yves Le Drian spoke.",
        &[("Jean-Yves Le Drian", Some("Foreign Minister"), Some("France"))],
    ),
    (
        "European Commission President Ursula von der Leyen spoke.",
        &[("Ursula von der Leyen", Some("European Commission President"), None)],
    ),
    (
        "President von der Leyen met Prime Minister de Croo and the President of France, H.E. Mr. Emmanuel Macron, today.",
        &[
            ("von der Leyen", Some("President"), None),
            ("de Croo", Some("Prime Minister"), None),
            ("Emmanuel Macron", Some("President of France"), Some("France")),
        ],
    ),
    (
        "The President of Vietnam, Trần Đức Minh, met the minister.",
        &[("Trần Đức Minh", Some("President of Vietnam"), Some("Vietnam"))],
    ),
    (
        "ROK Foreign Minister Chung Eui-yong met him.",
        &[("Chung Eui-yong", Some("Foreign Minister"), Some("South Korea"))],
    ),
    (
        "Japanese Foreign Minister Hayashi Yoshimasa met him.",
        &[("Hayashi Yoshimasa", Some("Foreign Minister"), Some("Japan"))],
    ),
    (
        "Kenyan Cabinet Secretary for Foreign Affairs Raychelle Omamo visited.",
        &[("Raychelle Omamo", Some("Cabinet Secretary for Foreign Affairs"), Some("Kenya"))],
    ),
    (
        "Special Representative for Korean Peninsula Peace and Security Affairs Kim Ha-neul attended.",
        &[(
            "Kim Ha-neul",
            Some("Special Representative for Korean Peninsula Peace and Security Affairs"),
            None,
        )],
    ),
    (
        "Japanese Director-General for Asian and Oceanian Affairs Funakoshi Takehiro and others met.",
        &[("Funakoshi Takehiro", Some("Director-General for Asian and Oceanian Affairs"), Some("Japan"))],
    ),
    (
        "Assistant Secretary for International Organization Affairs Ana Lopez spoke.",
        &[(
            "Ana Lopez",
            Some("Assistant Secretary for International Organization Affairs"),
            Some("United States"),
        )],
    ),
    (
        "Special Envoy for the Horn of Africa Jeffrey Feltman traveled.",
        &[("Jeffrey Feltman", Some("Special Envoy for the Horn of Africa"), None)],
    ),
    (
        "Head of Presidential Office Andriy Yermak met him.",
        &[("Andriy Yermak", Some("Head of Presidential Office"), None)],
    ),
    (
        "Deputy Prime Minister and Foreign Minister Yair Lapid met him.",
        &[("Yair Lapid", Some("Deputy Prime Minister and Foreign Minister"), None)],
    ),
    (
        "State Councilor and Foreign Minister Wang Yi met her.",
        &[("Wang Yi", Some("State Councilor and Foreign Minister"), None)],
    ),
    ("They met opposition leader Kem Sokha.", &[("Kem Sokha", Some("opposition leader"), None)]),
    ("Ambassador to Japan Rahm Emanuel spoke.", &[("Rahm Emanuel", Some("Ambassador to Japan"), None)]),
    (
        "The Minister of Foreign Affairs of Qatar Ana Silva spoke.",
        &[("Ana Silva", Some("Minister of Foreign Affairs of Qatar"), Some("Qatar"))],
    ),
    (
        "Jens Stoltenberg, NATO Secretary General, spoke.",
        &[("Jens Stoltenberg", Some("NATO Secretary General"), None)],
    ),
    (
        "Maria Lopez, the Foreign Minister of Peru, spoke.",
        &[("Maria Lopez", Some("Foreign Minister of Peru"), Some("Peru"))],
    ),
    (
        "Ana Silva, Brazil's Foreign Minister, spoke.",
        &[("Ana Silva", Some("Foreign Minister"), Some("Brazil"))],
    ),
    ("Secretary Blinken's trip ended.", &[("Blinken", Some("Secretary"), None)]),
    ("Secretary Blinken’s trip ended.", &[("Blinken", Some("Secretary"), None)]),
    (
        "President Biden and President Putin met.",
        &[("Biden", Some("President"), None), ("Putin", Some("President"), None)],
    ),
    (
        "Foreign Minister Lamamra said on Monday that it was over.",
        &[("Lamamra", Some("Foreign Minister"), None)],
    ),
    ("Secretary Blinken Travels to Germany", &[("Blinken", Some("Secretary"), None)]),
    ("Special Envoy Lenderking Returns from the Gulf", &[("Lenderking", Some("Special Envoy"), None)]),
    ("FOREIGN MINISTER OMAMO: Thank you.", &[("Omamo", Some("Foreign Minister"), None)]),
    ("SECRETARY BLINKEN: Good afternoon.", &[("Blinken", Some("Secretary"), None)]),
    ("Mr. Julio Borges attended.", &[("Julio Borges", None, None)]),
    ("Spokesperson Ned Price said so.", &[("Ned Price", Some("Spokesperson"), None)]),
    (
        "Counselor of the Department Derek Chollet traveled.",
        &[("Derek Chollet", Some("Counselor of the Department"), Some("United States"))],
    ),
    ("Chargé d'Affaires Peter Haas met them.", &[("Peter Haas", Some("Chargé d'Affaires"), None)]),
    (
        "U.S. Special Envoy for Yemen Tim Lenderking traveled.",
        &[("Tim Lenderking", Some("Special Envoy for Yemen"), Some("United States"))],
    ),
    (
        "Special Presidential Envoy for Climate John Kerry traveled.",
        &[("John Kerry", Some("Special Presidential Envoy for Climate"), Some("United States"))],
    ),
    ("Director General Ana Silva of the agency spoke.", &[("Ana Silva", Some("Director General"), None)]),
    (
        "Ukrainian Prime Minister Denys Shmyhal, Foreign Minister Dmytro Kuleba, and Deputy Foreign Minister Yevhenii Yenin met him.",
        &[
            ("Denys Shmyhal", Some("Prime Minister"), Some("Ukraine")),
            ("Dmytro Kuleba", Some("Foreign Minister"), Some("Ukraine")),
            ("Yevhenii Yenin", Some("Deputy Foreign Minister"), Some("Ukraine")),
        ],
    ),
    (
        "Turkish Foreign Minister Ali Demir and Secretary Blinken met.",
        &[("Ali Demir", Some("Foreign Minister"), Some("Turkey")), ("Blinken", Some("Secretary"), None)],
    ),
    (
        "Counselor Ana\u{202f}Silva and Minister Jo\u{a0}Lee met.",
        &[("Ana Silva", Some("Counselor"), None), ("Jo Lee", Some("Minister"), None)],
    ),
    // A list of portfolios past a comma.
    (
        "French Minister of the Economy, Finance and the Recovery Paul Girard met them.",
        &[("Paul Girard", Some("Minister of the Economy, Finance and the Recovery"), Some("France"))],
    ),
    // A description between commas, then the office holder.
    (
        "Speaker of the National Council, the lower house of the Swiss parliament, Anna Keller, arrived.",
        &[("Anna Keller", Some("Speaker of the National Council"), Some("Switzerland"))],
    ),
    ("Speaker of the National Council, the lower house, said Kyiv is safe.", &[]),
    // An institution's name between the title and the person: its words are an office's.
    (
        "Director of the Federal Security Service Ivan Petrov reported.",
        &[("Ivan Petrov", Some("Director of the Federal Security Service"), None)],
    ),
    (
        "President of the Russian Academy of Sciences Ivan Petrov spoke.",
        &[("Ivan Petrov", Some("President of the Russian Academy of Sciences"), Some("Russia"))],
    ),
    (
        "Head of the Federal Customs Service Ivan Petrov spoke.",
        &[("Ivan Petrov", Some("Head of the Federal Customs Service"), None)],
    ),
    (
        "Special Presidential Representative for Environmental Protection Ivan Petrov spoke.",
        &[("Ivan Petrov", Some("Special Presidential Representative for Environmental Protection"), None)],
    ),
    ("The President of the Russian Academy said so.", &[]),
    (
        "Director of the Office of the Global Coalition to Defeat ISIS Paul Adams spoke.",
        &[("Paul Adams", Some("Director of the Office of the Global Coalition to Defeat ISIS"), None)],
    ),
    ("Director of the Centers for Disease Control and Prevention spoke.", &[]),
    ("Executive Director of the European Business Association spoke.", &[]),
    ("The Director of the Global Coalition to Defeat ISIS spoke.", &[]),
    ("Anna Lee, County Executive, King County, Washington, spoke.", &[]),
    (
        "The Second Gentleman Doug Miller led the delegation.",
        &[("Doug Miller", Some("Second Gentleman"), None)],
    ),
    // Two office holders of one country, the second title with the country before it again.
    (
        "She met Republic of Korea Minister of Unification Kim Min-jun and Republic of Korea Vice Minister of Unification Park Ji-ho in Seoul.",
        &[
            ("Kim Min-jun", Some("Minister of Unification"), Some("South Korea")),
            ("Park Ji-ho", Some("Vice Minister of Unification"), Some("South Korea")),
        ],
    ),
    // "and the" joins two titles; it is no portfolio of the first.
    (
        "The Prime Minister of Malta and the President of Cyprus Eleni Georgiou arrived.",
        &[("Eleni Georgiou", Some("President of Cyprus"), Some("Cyprus"))],
    ),
    // The office's holder between commas after it.
    (
        "Chancellor Karl Brandt received the President of Senegal, Amadou Diallo, at the Chancellery.",
        &[
            ("Karl Brandt", Some("Chancellor"), None),
            ("Amadou Diallo", Some("President of Senegal"), Some("Senegal")),
        ],
    ),
    (
        "The Minister of Foreign Affairs of Canada, Anne Tremblay, today concluded a visit to Ukraine.",
        &[("Anne Tremblay", Some("Minister of Foreign Affairs of Canada"), Some("Canada"))],
    ),
    ("The Foreign Ministers of France, Germany and Italy met.", &[]),
    (
        "He thanked the Prime Minister of Japan, Tokyo Governor Aiko Sato and others.",
        &[("Aiko Sato", Some("Governor"), None)],
    ),
    (
        "Minister Sean Burke met his Polish counterpart Jan Nowak in Warsaw yesterday.",
        &[("Sean Burke", Some("Minister"), None), ("Jan Nowak", Some("counterpart"), Some("Poland"))],
    ),
    // A name followed by "of" and its country, with no other name after.
    (
        "She called Secretary of Foreign Affairs Teodoro Cruz of the Philippines.",
        &[("Teodoro Cruz", Some("Secretary of Foreign Affairs"), Some("Philippines"))],
    ),
    // A family name in capitals beside a given name in mixed case; a regnal number stays.
    (
        "Mr. TANAKA Kenji, Minister for Foreign Affairs, met King Abdullah II.",
        &[("Tanaka Kenji", None, None), ("Abdullah II", Some("King"), None)],
    ),
    // A clause's first word is not a given name.
    ("If Petrov is allowed to win, they will be emboldened.", &[]),
    // No name after the title: nobody.
    ("The Secretary said that the President will travel.", &[]),
    ("The Foreign Minister welcomed it.", &[]),
    ("The minister said the president agreed.", &[]),
    ("He thanked the Secretary General for his leadership.", &[]),
    ("The Foreign Ministers and the Secretary of State of the United States met.", &[]),
    ("Mr. Secretary, thank you.", &[]),
    ("President Monday said so.", &[]),
    ("The Prime Minister of Japan spoke.", &[]),
    ("The President of the European Commission spoke.", &[]),
];

#[test]
fn people_table() {
    let mut failures = Vec::new();
    for (text, expected) in PEOPLE {
        let got: Vec<(String, Option<String>, Option<String>)> =
            find_people(text).into_iter().map(|p| (p.name, p.role, p.country)).collect();
        let want: Vec<(String, Option<String>, Option<String>)> = expected
            .iter()
            .map(|(n, r, c)| (n.to_string(), r.map(str::to_string), c.map(str::to_string)))
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        PEOPLE.len(),
        failures.join("\n")
    );
}

/// (article, mention as written, who it is): coreference within one article.
const COREFERENCE: &[(&str, &str, &str)] = &[
    // Korean names written family name first, whatever the family name.
    (
        "PARIS, Nov 12 - South Korean President Min Jae-won arrived in Paris on Tuesday.\n\nPresident Min will meet with French President Claire Dubois at the Elysee Palace on Wednesday.",
        "President Min",
        "Min Jae-won",
    ),
    ("President Yoon Suk-yeol arrived. Later, Yoon met aides.", "Yoon", "Yoon Suk-yeol"),
    // The first of two family names.
    (
        "Special Envoy Ortega to travel to Qatar\n\nSpecial Envoy Daniel Ortega Ruiz will travel to Doha.",
        "Special Envoy Ortega",
        "Daniel Ortega Ruiz",
    ),
    (
        "Foreign Minister Ana Lucia Ferrer Vidal arrived. Ferrer said the talks went well.",
        "Ferrer",
        "Ana Lucia Ferrer Vidal",
    ),
    (
        "Secretary of State Antony J. Blinken arrived. Later, Secretary Blinken met aides.",
        "Secretary Blinken",
        "Antony Blinken",
    ),
    ("Secretary of State Antony J. Blinken arrived. Blinken met aides.", "Blinken", "Antony Blinken"),
    (
        "Secretary of State Antony J. Blinken arrived. The Secretary met aides.",
        "The Secretary",
        "Antony Blinken",
    ),
    (
        "Secretary Blinken's Call with Turkish Foreign Minister Çavuşoğlu\n\nSecretary of State Antony J. Blinken spoke on Friday with Turkish Foreign Minister Mevlüt Çavuşoğlu.",
        "Secretary Blinken",
        "Antony Blinken",
    ),
    (
        "Secretary Blinken's Call with Turkish Foreign Minister Çavuşoğlu\n\nSecretary of State Antony J. Blinken spoke on Friday with Turkish Foreign Minister Mevlüt Çavuşoğlu.",
        "Turkish Foreign Minister Çavuşoğlu",
        "Mevlüt Çavuşoğlu",
    ),
    (
        "Turkish Foreign Minister Mevlüt Çavuşoğlu spoke. Later Cavusoglu left.",
        "Cavusoglu",
        "Mevlüt Çavuşoğlu",
    ),
    (
        "Foreign Minister Wang Yi met her. Foreign Minister Wang then left.",
        "Foreign Minister Wang",
        "Wang Yi",
    ),
    ("Foreign Minister Wang Yi met her. Wang then left.", "Wang", "Wang Yi"),
    (
        "Deputy Secretary Wendy Sherman met State Councilor Wang Yi. The Deputy Secretary raised concerns.",
        "The Deputy Secretary",
        "Wendy Sherman",
    ),
    (
        "Deputy Secretary Wendy Sherman met State Councilor Wang Yi. The Deputy Secretary and State Councilor Wang talked.",
        "State Councilor Wang",
        "Wang Yi",
    ),
    (
        "Counselor of the Department Derek Chollet met Foreign Minister Dmytro Kuleba. The Counselor raised energy.",
        "The Counselor",
        "Derek Chollet",
    ),
    (
        "Ukrainian Foreign Minister Dmytro Kuleba met Derek Chollet. The Ukrainian Foreign Minister thanked him.",
        "The Ukrainian Foreign Minister",
        "Dmytro Kuleba",
    ),
    (
        "Japanese Foreign Minister Hayashi Yoshimasa met them. Foreign Minister Hayashi spoke.",
        "Foreign Minister Hayashi",
        "Hayashi Yoshimasa",
    ),
    (
        "Minister of State Anwar Gargash met them. Advisor Shaima Gargash joined. Anwar Gargash spoke first.",
        "Anwar Gargash",
        "Anwar Gargash",
    ),
    (
        "Minister of State Anwar Gargash met them. Director Shaima Gargash joined. Gargash then spoke.",
        "Gargash",
        "Shaima Gargash",
    ),
    ("King Abdullah II of Jordan met him. King Abdullah thanked him.", "King Abdullah", "Abdullah II"),
    (
        "Special Representative for the DPRK Ambassador Sung Kim will travel. Special Representative Kim will host them.",
        "Special Representative Kim",
        "Sung Kim",
    ),
    (
        "Kenyan Cabinet Secretary for Foreign Affairs Ambassador Raychelle Omamo visited.\n\nFOREIGN MINISTER OMAMO: Thank you.",
        "FOREIGN MINISTER OMAMO",
        "Raychelle Omamo",
    ),
    ("Prime Minister Hun Sen met her. Later Hun Sen left.", "Hun Sen", "Hun Sen"),
    (
        "NATO Secretary General Jens Stoltenberg called. The Secretary General thanked him.",
        "The Secretary General",
        "Jens Stoltenberg",
    ),
    (
        "French Foreign Minister Jean-Yves Le Drian called. Foreign Minister Le Drian thanked him.",
        "Foreign Minister Le Drian",
        "Jean-Yves Le Drian",
    ),
    (
        "Sheikh Abdullah bin Zayed Al Nahyan met him. Foreign Minister bin Zayed thanked him.",
        "Foreign Minister bin Zayed",
        "Abdullah bin Zayed Al Nahyan",
    ),
];

#[test]
fn coreference_table() {
    let mut failures = Vec::new();
    for (text, surface, who) in COREFERENCE {
        let (mentions, _) = mentions_and_cast(text);
        let got: Vec<&str> = mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Person && m.span.slice(text) == *surface)
            .map(|m| m.name.as_str())
            .collect();
        if got.first() != Some(who) {
            let all: Vec<(&str, &str)> =
                mentions.iter().map(|m| (m.span.slice(text), m.name.as_str())).collect();
            failures.push(format!("{text:?}: {surface:?} should be {who:?}; mentions {all:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        COREFERENCE.len(),
        failures.join("\n")
    );
}

#[test]
fn roles_and_countries_as_the_article_states_them() {
    let text = "Secretary Blinken's call with Foreign Minister Çavuşoğlu. Secretary of State Antony J. Blinken \
        spoke on Friday with Turkish Foreign Minister Mevlüt Çavuşoğlu.";
    let (mentions, cast) = mentions_and_cast(text);
    let first = mentions
        .iter()
        .find(|m| m.kind == MentionKind::Person && m.span.slice(text).contains("Çavuşoğlu"))
        .unwrap();
    assert_eq!(first.name, "Mevlüt Çavuşoğlu");
    assert_eq!(first.country.as_deref(), Some("Turkey"));
    assert_eq!(first.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(cast.members.len(), 2, "{:#?}", cast.members);
    let blinken = cast.members.iter().find(|m| m.name == "Antony Blinken").unwrap();
    assert_eq!(blinken.role.as_deref(), Some("Secretary of State"));
    assert!(blinken.aliases.iter().any(|a| a == "Secretary Blinken"));
}

#[test]
fn salient_person_and_anaphors() {
    let text = "Secretary of State Antony J. Blinken met Foreign Minister Wang Yi. He raised concerns. \
        Deputy Secretary Wendy Sherman arrived later. She met the press.";
    let (_, cast) = mentions_and_cast(text);
    let he = text.find("He raised").unwrap();
    assert_eq!(cast.salient_at(he).map(|m| m.name.as_str()), Some("Antony Blinken"));
    let she = text.find("She met").unwrap();
    assert_eq!(cast.salient_at(she).map(|m| m.name.as_str()), Some("Wendy Sherman"));
    let two = cast.last_people_before(text.find("Deputy").unwrap(), 2);
    let names: Vec<&str> = two.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Antony Blinken", "Wang Yi"]);
    let span = dateline_model::Span::new(text.find("Wang").unwrap(), text.find("Wang").unwrap() + 4);
    assert_eq!(cast.resolve(span).map(|m| m.name.as_str()), Some("Wang Yi"));
}

/// (a, b, same person?)
const IDENTITY: &[(&str, &str, bool)] = &[
    ("Antony J. Blinken", "Antony Blinken", true),
    ("Secretary Antony Blinken", "Antony Blinken", true),
    ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu", true),
    ("MEVLUT CAVUSOGLU", "Mevlüt Çavuşoğlu", true),
    ("Hayashi Yoshimasa", "Yoshimasa Hayashi", true),
    ("Jean-Yves Le Drian", "Jean Yves Le Drian", true),
    ("Tim Lenderking", "Timothy Lenderking", true),
    ("Anwar Gargash", "Shaima Gargash", false),
    ("John Kerry", "Jane Kerry", false),
    ("Blinken", "Antony Blinken", false),
    ("Wang Yi", "Wang Wenbin", false),
    ("Kim Jong Un", "Kim Yo Jong", false),
    ("Sung Kim", "Kim Jong Un", false),
    ("Joe Biden", "Hunter Biden", false),
    ("Abdullah bin Zayed Al Nahyan", "Abdullah bin Zayed", true),
    ("Mohamed bin Zayed", "Abdullah bin Zayed", false),
];

#[test]
fn identity_table() {
    for (a, b, same) in IDENTITY {
        assert_eq!(same_person(&actor_key(a), &actor_key(b)), *same, "{a} / {b}");
        assert_eq!(same_person(&actor_key(b), &actor_key(a)), *same, "{b} / {a} (symmetric)");
    }
}

#[test]
fn a_bare_surname_merges_only_with_agreeing_country_or_role() {
    let full =
        actor_key("Antony Blinken").with_country(Some("United States")).with_role(Some("Secretary of State"));
    let bare_same_role = actor_key("Blinken").with_role(Some("Secretary of State"));
    let bare_same_country = actor_key("Blinken").with_country(Some("United States"));
    let bare_other_country = actor_key("Blinken").with_country(Some("Germany"));
    assert!(same_person(&full, &bare_same_role));
    assert!(same_person(&full, &bare_same_country));
    assert!(!same_person(&full, &bare_other_country));
    assert!(!same_person(&full, &actor_key("Blinken")));
    let a = actor_key("Antony Blinken").with_country(Some("United States"));
    let b = actor_key("Antony Blinken").with_country(Some("Canada"));
    assert!(!same_person(&a, &b), "same name, different stated countries");
}

#[test]
fn keys_fold_diacritics_case_and_initials() {
    assert_eq!(actor_key("Antony J. Blinken").text(), "antony blinken");
    assert_eq!(actor_key("Mevlüt Çavuşoğlu").text(), "mevlut cavusoglu");
    assert_eq!(actor_key("Foreign Minister Wang Yi").text(), "wang yi");
    assert_eq!(actor_key("Sheikh Abdullah bin Zayed Al Nahyan").text(), "abdullah bin zayed al nahyan");
    assert_eq!(actor_key("Félix Tshisekedi").text(), "felix tshisekedi");
    assert_eq!(actor_key("Wang Yi").surname(), Some("wang"));
    assert_eq!(actor_key("Antony Blinken").surname(), Some("blinken"));
    assert_eq!(fold("Ángeles Moreno Bau"), "angeles moreno bau");
}

#[test]
fn honorifics_inside_a_title_chain_are_not_the_role() {
    let text = "Minister for Economic and Trade Affairs HE Ana Silva spoke.";
    let p = &find_people(text)[0];
    assert_eq!(p.name, "Ana Silva");
    assert_eq!(p.role.as_deref(), Some("Minister for Economic and Trade Affairs"));
}

#[test]
fn a_government_named_after_its_leader_is_not_the_leader() {
    let text = "President Joe Biden spoke. We keep a dialogue with the Biden administration and the Biden-Harris Administration. Biden left.";
    let (mentions, _) = mentions_and_cast(text);
    let people: Vec<&str> =
        mentions.iter().filter(|m| m.kind == MentionKind::Person).map(|m| m.span.slice(text)).collect();
    assert_eq!(people, ["President Joe Biden", "Biden"]);
}

#[test]
fn a_leader_is_not_the_spouse_who_shares_the_surname() {
    let text = "Remarks by President Lind and President Rusu. We welcome Mrs. Greta Lind to Warsaw. \
                PRESIDENT LIND: Thank you. Later Mrs. Lind visited a school.";
    let (mentions, cast) = mentions_and_cast(text);
    let of = |form: &str| {
        let at = text.find(form).expect("form");
        mentions.iter().find(|m| m.span.start == at).map(|m| m.name.clone())
    };
    assert_eq!(of("President Lind").as_deref(), Some("Lind"));
    assert_eq!(of("Mrs. Greta Lind").as_deref(), Some("Greta Lind"));
    assert_eq!(of("PRESIDENT LIND").as_deref(), Some("Lind"));
    assert!(cast.members.iter().any(|m| m.name == "Greta Lind"));
}
