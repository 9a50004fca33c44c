//! Exports of a survey's responses: CSV (one row per response, one column per question,
//! multiple choices joined with `;`, formula injection neutralised) and JSON.

use super::{Answer, QuestionKind, Response, Survey};
use crate::domain::export::{write, Cell};
use serde_json::{json, Value};

fn answer_text(survey: &Survey, q: &super::Question, a: &Answer) -> String {
    let label = |id: &str| match &q.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. } => {
            options
                .iter()
                .find(|o| o.id == id)
                .map_or_else(|| id.to_owned(), |o| o.label.clone())
        }
        _ => id.to_owned(),
    };
    let _ = survey;
    match a {
        Answer::Score(n) => n.to_string(),
        Answer::Choice(c) => label(c),
        Answer::Choices { selected, other } => {
            let mut parts: Vec<String> = selected.iter().map(|s| label(s)).collect();
            if let Some(o) = other {
                parts.push(o.clone());
            }
            parts.join("; ")
        }
        Answer::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Answer::Text(t) => t.clone(),
    }
}

/// Responses as CSV (with BOM). Anonymous surveys have no respondent column content.
pub fn responses_csv(survey: &Survey, responses: &[Response]) -> String {
    let mut header: Vec<String> = vec![
        "response_id".into(),
        "wave".into(),
        "submitted_at".into(),
        "respondent".into(),
    ];
    header.extend(survey.questions.iter().map(|q| q.text.clone()));
    let rows: Vec<Vec<String>> = responses
        .iter()
        .map(|r| {
            let mut row = vec![
                r.id.to_string(),
                (r.wave + 1).to_string(),
                r.updated_at.unwrap_or(r.submitted_at).to_rfc3339(),
                if survey.anonymous {
                    String::new()
                } else {
                    r.respondent
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_default()
                },
            ];
            row.extend(survey.questions.iter().map(|q| {
                r.answers
                    .get(&q.id)
                    .map(|a| answer_text(survey, q, a))
                    .unwrap_or_default()
            }));
            row
        })
        .collect();
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    write(
        &header_refs,
        rows.iter()
            .map(|r| r.iter().map(|c| Cell::Text(c)).collect()),
    )
}

/// Responses as JSON: the survey's questions and every response's answers.
pub fn responses_json(survey: &Survey, responses: &[Response]) -> String {
    let doc = json!({
        "survey": { "id": survey.id, "title": survey.title, "anonymous": survey.anonymous,
            "questions": survey.questions.iter().map(|q| json!({"id": q.id, "text": q.text})).collect::<Vec<_>>() },
        "responses": responses.iter().map(|r| {
            let mut o = json!({"id": r.id, "wave": r.wave + 1, "submitted_at": r.submitted_at, "answers": r.answers});
            if !survey.anonymous {
                o["respondent"] = json!(r.respondent);
            }
            o
        }).collect::<Vec<Value>>(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use crate::domain::time::Timestamp;

    #[test]
    fn one_row_per_response_one_column_per_question() {
        let d = demo::generate(Timestamp::parse("2026-11-24T10:00:00Z").unwrap(), 1);
        let s = &d.surveys[0];
        let mut rs: Vec<Response> = d.responses.iter().take(3).cloned().collect();
        rs[0].answers.insert(
            "else".into(),
            Answer::Text("=cmd|' /C calc'!A0, \"quoted\"".into()),
        );
        rs[0].answers.insert(
            "improve".into(),
            Answer::Choices {
                selected: vec!["app".into(), "docs".into()],
                other: Some("More lamps".into()),
            },
        );
        let csv = responses_csv(s, &rs);
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
        let header = reader.headers().unwrap().clone();
        assert_eq!(header.len(), 4 + s.questions.len());
        assert_eq!(
            &header[4],
            "How likely are you to recommend Lumo to a friend?"
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 3);
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        assert_eq!(
            &rows[0][col("Anything else you want to tell us?")],
            "'=cmd|' /C calc'!A0, \"quoted\""
        );
        assert_eq!(
            &rows[0][col("What should we improve next?")],
            "The mobile app; Guides and documentation; More lamps"
        );
        let json: Value = serde_json::from_str(&responses_json(s, &rs)).unwrap();
        assert_eq!(json["responses"].as_array().unwrap().len(), 3);
        assert_eq!(
            json["responses"][0]["answers"]["improve"]["choices"]["other"],
            "More lamps"
        );
    }
}
