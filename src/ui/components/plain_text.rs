//! User text rendered as text: paragraphs split on blank lines, line breaks kept, and
//! http(s) links made clickable with `rel="noopener noreferrer nofollow"`. Nothing the
//! user typed is ever parsed as HTML; other URL schemes (`javascript:`) stay plain text.

use leptos::prelude::*;

/// A piece of a line: text or a link.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Text(String),
    Link(String),
}

/// Splits a line into text and http(s) links. Trailing punctuation is not part of a link.
fn pieces(line: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(pos) = find_link(rest) {
        if pos > 0 {
            out.push(Piece::Text(rest[..pos].to_owned()));
        }
        let tail = &rest[pos..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        let mut link = &tail[..end];
        while link.ends_with(['.', ',', ')', '!', '?', ';', ':', '"', '\'', '”']) {
            link = &link[..link.len() - 1];
        }
        out.push(Piece::Link(link.to_owned()));
        rest = &tail[link.len()..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest.to_owned()));
    }
    out
}

fn find_link(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()
}

/// Renders plain text with paragraphs and safe links.
#[component]
pub fn PlainText(
    /// The text as typed.
    #[prop(into)]
    text: String,
) -> impl IntoView {
    let paragraphs: Vec<Vec<String>> = text
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.lines().map(str::to_owned).collect())
        .collect();
    view! {
        <div class="g-plain-text">
            {paragraphs
                .into_iter()
                .map(|lines| {
                    let count = lines.len();
                    view! {
                        <p>
                            {lines
                                .into_iter()
                                .enumerate()
                                .map(|(i, line)| {
                                    view! {
                                        {pieces(&line)
                                            .into_iter()
                                            .map(|piece| match piece {
                                                Piece::Text(t) => t.into_any(),
                                                Piece::Link(href) => {
                                                    let label = href.clone();
                                                    view! {
                                                        <a href=href target="_blank" rel="noopener noreferrer nofollow">
                                                            {label}
                                                        </a>
                                                    }
                                                        .into_any()
                                                }
                                            })
                                            .collect_view()}
                                        {(i + 1 < count).then(|| view! { <br/> })}
                                    }
                                })
                                .collect_view()}
                        </p>
                    }
                })
                .collect_view()}
        </div>
    }
}
