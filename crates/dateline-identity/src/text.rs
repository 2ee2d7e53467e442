//! What the data files and the automata over them share: the files' line format and the word
//! boundaries a match must sit on.

/// The columns of every line of a tab-separated data file that is neither blank nor a `#`
/// comment, each trimmed.
pub fn data_lines(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Whether `text[start..end]` stands on word boundaries: no letter, digit or `_` just before or
/// just after it.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    // "U.S." ends with a period: what follows may be anything but a letter.
    before.is_none_or(|c| !is_word(c)) && after.is_none_or(|c| !is_word(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_lines_skip_comments_and_blank_lines_and_trim_columns() {
        let lines: Vec<Vec<&str>> =
            data_lines("# a comment\n\nMr.\thonorific \n  \nKing\thead\tex\n").collect();
        assert_eq!(lines, [vec!["Mr.", "honorific"], vec!["King", "head", "ex"]]);
    }

    #[test]
    fn a_word_boundary_is_anything_but_a_word_character() {
        let text = "the U.S. and USA_1, Café";
        assert!(on_word_boundaries(text, 4, 8));
        assert!(!on_word_boundaries(text, 13, 16), "USA is followed by _");
        assert!(!on_word_boundaries(text, 20, 23), "Caf is followed by é");
        assert!(on_word_boundaries(text, 20, text.len()));
    }
}
