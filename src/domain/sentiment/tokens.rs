//! Splitting a text into words (letters, digits, inner apostrophes), emoji,
//! emoticons and clause-ending punctuation, without allocating.

/// Emoticons recognised as tokens (in folded, lower-case form).
pub const EMOTICONS: &[&str] = &[
    ":-)", ":)", ":-(", ":(", ":d", ":-d", ";)", ";-)", ":p", ":-p", "<3", ":'(", ":/", ":-/",
    ":|", "xd", "^^", "^_^", ":o",
];

/// The tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_alphanumeric() {
            let end = rest
                .char_indices()
                .find(|&(i, ch)| {
                    !(ch.is_alphanumeric()
                        || (matches!(ch, '\'' | '’')
                            && rest[i + ch.len_utf8()..]
                                .chars()
                                .next()
                                .is_some_and(char::is_alphanumeric)))
                })
                .map_or(rest.len(), |(i, _)| i);
            out.push(&rest[..end]);
            rest = &rest[end..];
        } else if let Some(e) = EMOTICONS.iter().find(|e| {
            rest.get(..e.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(e))
        }) {
            out.push(&rest[..e.len()]);
            rest = &rest[e.len()..];
        } else {
            let len = c.len_utf8();
            if is_emoji(c) || is_clause_end(c) {
                out.push(&rest[..len]);
            }
            rest = &rest[len..];
        }
    }
    out
}

/// Punctuation that ends the reach of a negation (`nie działa, tragedia`).
pub fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '\n')
}

/// Whether a token is clause-ending punctuation.
pub fn is_clause_token(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_clause_end(c))
}

fn is_emoji(c: char) -> bool {
    matches!(u32::from(c), 0x2600..=0x27BF | 0x1F300..=0x1FAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_emoji_and_emoticons() {
        assert_eq!(
            tokens("don't like it :( 👎 but <3 L'Oréal!"),
            vec!["don't", "like", "it", ":(", "👎", "but", "<3", "L'Oréal", "!"]
        );
        assert_eq!(
            tokens("nie-dobre, 'quoted'"),
            vec!["nie", "dobre", ",", "quoted"]
        );
        assert!(is_clause_token(",") && !is_clause_token("a") && !is_clause_token(",,"));
    }
}
