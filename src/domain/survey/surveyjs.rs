//! Importing SurveyJS JSON definitions (the common subset): `text`, `comment`,
//! `radiogroup`, `dropdown`, `checkbox` (with `hasOther`, `minSelectedChoices`,
//! `maxSelectedChoices`), `boolean`, `rating` (0–10 becomes NPS), panels (their questions
//! are taken out), and `visibleIf` of the form `{question} = value`. Everything else is
//! listed in the report with the reason: nothing is dropped silently.

use super::{
    AnswerValue, ChoiceOption, Condition, ConditionTest, Question, QuestionKind, RatingStyle,
};
use crate::domain::ids::QuestionId;
use serde_json::Value;

/// Why part of a definition was not imported as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A text input type other than plain text (imported as short text).
    InputType(String),
    /// The "Other" field of a single-choice question.
    SingleChoiceOther,
    /// Fewer than two fixed choices (choices from a URL or another question).
    TooFewChoices,
    /// Custom rating values (imported as a plain scale).
    RateValues,
    /// A rating range other than 0–10 or 1–2…10.
    RatingRange(i64, i64),
    /// An element without a type.
    NoType,
    /// A question type Gromada does not have.
    UnsupportedType(String),
    /// A condition more complex than `{question} = value` (the question is always shown).
    Condition(String),
    /// A panel's condition (its questions are always shown).
    PanelCondition,
    /// A page's condition (its questions are always shown).
    PageCondition,
    /// The thank-you HTML.
    CompletedHtml,
    /// Triggers.
    Triggers,
    /// Calculated values.
    CalculatedValues,
}

/// Something of the definition that could not be imported as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The element's name (or a path when it has none).
    pub name: String,
    /// What was not imported and why.
    pub reason: SkipReason,
}

/// What an import produced.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Imported {
    /// The survey's title.
    pub title: String,
    /// Its description (becomes the intro).
    pub intro: String,
    /// The imported questions, in order.
    pub questions: Vec<Question>,
    /// What could not be imported.
    pub skipped: Vec<Skipped>,
}

/// Why a text is not a SurveyJS definition at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not JSON.
    #[error("this is not JSON: {0}")]
    NotJson(String),
    /// JSON, but no `pages` or `elements`/`questions`.
    #[error("this JSON has no `pages`, `elements` or `questions`: it does not look like a SurveyJS survey")]
    NotASurvey,
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        // Localised texts: { "default": "...", "pl": "..." }.
        Value::Object(m) => m
            .get("default")
            .or_else(|| m.values().next())
            .and_then(text),
        _ => None,
    }
}

fn option_id(value: &str) -> String {
    let slug = crate::domain::board::slugify(value);
    if slug.is_empty() {
        format!("v{}", value.len())
    } else {
        slug
    }
}

fn choices(el: &Value) -> Vec<ChoiceOption> {
    let mut out: Vec<ChoiceOption> = Vec::new();
    for c in el
        .get("choices")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (value, label) = match c {
            Value::Object(m) => {
                let value = m.get("value").and_then(text).unwrap_or_default();
                let label = m
                    .get("text")
                    .and_then(text)
                    .unwrap_or_else(|| value.clone());
                (value, label)
            }
            other => {
                let v = text(other).unwrap_or_default();
                (v.clone(), v)
            }
        };
        let mut id = option_id(&value);
        while out.iter().any(|o| o.id == id) {
            id.push('_');
        }
        out.push(ChoiceOption { id, label });
    }
    out
}

/// Parses `{name} = 'value'` (also `==`, numbers and booleans, with or without quotes).
fn parse_equality(expr: &str) -> Option<(String, String)> {
    let expr = expr.trim();
    let rest = expr.strip_prefix('{')?;
    let (name, rest) = rest.split_once('}')?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix("==")
        .or_else(|| rest.strip_prefix('='))?
        .trim();
    if rest.contains(" or ") || rest.contains(" and ") || name.contains('.') || name.contains('{') {
        return None;
    }
    let value = rest.trim_matches(|c| c == '\'' || c == '"');
    if value.contains(['{', '(', '\'', '"']) || value.is_empty() {
        return None;
    }
    Some((name.trim().to_owned(), value.to_owned()))
}

struct Walker {
    out: Imported,
    /// SurveyJS name → (our id, our kind) of imported questions, for conditions.
    names: Vec<(String, QuestionKind)>,
}

impl Walker {
    fn skip(&mut self, name: &str, reason: SkipReason) {
        self.out.skipped.push(Skipped {
            name: name.to_owned(),
            reason,
        });
    }

    fn element(&mut self, el: &Value, path: &str) {
        let kind = el.get("type").and_then(Value::as_str).unwrap_or("");
        let name = el
            .get("name")
            .and_then(text)
            .unwrap_or_else(|| path.to_owned());
        if kind == "panel" {
            let inner = el
                .get("elements")
                .or_else(|| el.get("questions"))
                .and_then(Value::as_array);
            for (i, child) in inner.into_iter().flatten().enumerate() {
                self.element(child, &format!("{name}/{i}"));
            }
            if el.get("visibleIf").is_some() {
                self.skip(&name, SkipReason::PanelCondition);
            }
            return;
        }
        let title = el
            .get("title")
            .and_then(text)
            .unwrap_or_else(|| name.clone());
        let qkind = match kind {
            "text" => {
                if let Some(t) = el
                    .get("inputType")
                    .and_then(Value::as_str)
                    .filter(|t| *t != "text")
                {
                    self.skip(&name, SkipReason::InputType(t.to_owned()));
                }
                QuestionKind::ShortText
            }
            "comment" => QuestionKind::LongText,
            "radiogroup" | "dropdown" => {
                let options = choices(el);
                if el.get("hasOther").and_then(Value::as_bool) == Some(true) {
                    self.skip(&name, SkipReason::SingleChoiceOther);
                }
                if options.len() < 2 {
                    self.skip(&name, SkipReason::TooFewChoices);
                    return;
                }
                QuestionKind::SingleChoice { options }
            }
            "checkbox" => {
                let options = choices(el);
                if options.len() < 2 {
                    self.skip(&name, SkipReason::TooFewChoices);
                    return;
                }
                let num = |k: &str| {
                    el.get(k)
                        .and_then(Value::as_u64)
                        .and_then(|n| u8::try_from(n).ok())
                };
                QuestionKind::MultipleChoice {
                    options,
                    min: num("minSelectedChoices").unwrap_or(0),
                    max: num("maxSelectedChoices").filter(|m| *m > 0),
                    other: el.get("hasOther").and_then(Value::as_bool) == Some(true),
                }
            }
            "boolean" => QuestionKind::YesNo,
            "rating" => {
                let int = |k: &str| el.get(k).and_then(Value::as_i64);
                let min = int("rateMin").unwrap_or(1);
                let max = int("rateMax")
                    .or_else(|| int("rateCount").map(|c| min + c - 1))
                    .unwrap_or(5);
                let style = if el.get("rateType").and_then(Value::as_str) == Some("stars") {
                    RatingStyle::Stars
                } else {
                    RatingStyle::Numbers
                };
                if el.get("rateValues").is_some() {
                    self.skip(&name, SkipReason::RateValues);
                }
                match (min, max) {
                    (0, 10) => QuestionKind::Nps,
                    (1, m) if (2..=10).contains(&m) => QuestionKind::Rating {
                        max: m as u8,
                        style,
                    },
                    _ => {
                        self.skip(&name, SkipReason::RatingRange(min, max));
                        return;
                    }
                }
            }
            "" => {
                self.skip(&name, SkipReason::NoType);
                return;
            }
            other => {
                self.skip(&name, SkipReason::UnsupportedType(other.to_owned()));
                return;
            }
        };
        let mut id = option_id(&name);
        while self.out.questions.iter().any(|q| q.id.as_str() == id) {
            id.push('_');
        }
        let mut question = Question {
            id: QuestionId(id),
            text: title,
            help: el.get("description").and_then(text).unwrap_or_default(),
            required: el.get("isRequired").and_then(Value::as_bool) == Some(true),
            kind: qkind.clone(),
            show_if: None,
        };
        if let Some(expr) = el.get("visibleIf").and_then(Value::as_str) {
            match self.condition(expr) {
                Some(c) => question.show_if = Some(c),
                None => self.skip(&name, SkipReason::Condition(expr.to_owned())),
            }
        }
        self.names.push((name, qkind));
        self.out.questions.push(question);
    }

    fn condition(&self, expr: &str) -> Option<Condition> {
        let (name, value) = parse_equality(expr)?;
        let index = self.names.iter().position(|(n, _)| *n == name)?;
        let (_, kind) = &self.names[index];
        let target = self.out.questions[index].id.clone();
        let v = match kind {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. } => {
                let id = option_id(&value);
                options
                    .iter()
                    .find(|o| o.id == id)
                    .map(|o| AnswerValue::Text(o.id.clone()))?
            }
            QuestionKind::YesNo => AnswerValue::Bool(value == "true"),
            QuestionKind::Nps
            | QuestionKind::Rating { .. }
            | QuestionKind::Csat
            | QuestionKind::EmojiSlider { .. } => AnswerValue::Number(value.parse().ok()?),
            QuestionKind::ShortText | QuestionKind::LongText => AnswerValue::Text(value),
        };
        Some(Condition {
            question: target,
            test: ConditionTest::Equals(v),
        })
    }
}

/// Imports a SurveyJS definition.
pub fn import(json: &str) -> Result<Imported, ImportError> {
    let doc: Value = serde_json::from_str(json).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let mut w = Walker {
        out: Imported::default(),
        names: Vec::new(),
    };
    w.out.title = doc.get("title").and_then(text).unwrap_or_default();
    w.out.intro = doc.get("description").and_then(text).unwrap_or_default();
    let mut found = false;
    if let Some(pages) = doc.get("pages").and_then(Value::as_array) {
        found = true;
        for (p, page) in pages.iter().enumerate() {
            let elements = page
                .get("elements")
                .or_else(|| page.get("questions"))
                .and_then(Value::as_array);
            for (i, el) in elements.into_iter().flatten().enumerate() {
                w.element(el, &format!("page{}/{i}", p + 1));
            }
            if page.get("visibleIf").is_some() {
                let name = page
                    .get("name")
                    .and_then(text)
                    .unwrap_or_else(|| format!("page{}", p + 1));
                w.skip(&name, SkipReason::PageCondition);
            }
        }
    }
    for key in ["elements", "questions"] {
        if let Some(elements) = doc.get(key).and_then(Value::as_array) {
            found = true;
            for (i, el) in elements.iter().enumerate() {
                w.element(el, &format!("{key}/{i}"));
            }
        }
    }
    if !found {
        return Err(ImportError::NotASurvey);
    }
    for (key, reason) in [
        ("completedHtml", SkipReason::CompletedHtml),
        ("triggers", SkipReason::Triggers),
        ("calculatedValues", SkipReason::CalculatedValues),
    ] {
        if doc.get(key).is_some() {
            w.skip(key, reason);
        }
    }
    Ok(w.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Modelled on public SurveyJS definitions (a family form with `questions` at the top
    // level and `visibleIf` chains; a product-feedback form with pages, checkbox limits,
    // ratings and a matrix).
    const FAMILY: &str = r#"{
      "clearInvisibleValues": "onHidden",
      "questions": [
        { "type": "text", "name": "name", "title": "Name", "placeHolder": "Enter Name", "isRequired": true },
        { "type": "radiogroup", "name": "age", "title": "Age Group", "isRequired": true, "choices": ["<18", "18-25", ">25"], "colCount": 0 },
        { "type": "radiogroup", "name": "haveKids", "title": "Do you have a kid(s)?", "visibleIf": "{age}='18-25' or {age}='>25'", "isRequired": true, "choices": ["Yes", "No"] },
        { "type": "dropdown", "name": "kids", "title": "How many kids do you have", "visibleIf": "{haveKids}='Yes'", "isRequired": true, "choices": [1, 2, 3, 4, 5] },
        { "type": "dropdown", "name": "kid1Age", "title": "The first kid age:", "visibleIf": "{kids} >= 1", "choices": [1, 2, 3] }
      ]
    }"#;

    const FEEDBACK: &str = r#"{
      "title": "Product feedback",
      "description": "Tell us what you think.",
      "completedHtml": "<h3>Thank you!</h3>",
      "pages": [
        { "name": "page1", "elements": [
          { "type": "rating", "name": "nps", "title": "How likely are you to recommend us?", "rateMin": 0, "rateMax": 10, "isRequired": true },
          { "type": "comment", "name": "why", "title": "Why?", "visibleIf": "{nps} = 3" },
          { "type": "rating", "name": "stars", "title": "Rate the app", "rateType": "stars", "rateCount": 5 },
          { "type": "boolean", "name": "again", "title": "Would you buy again?" },
          { "type": "comment", "name": "again_no", "title": "What stopped you?", "visibleIf": "{again} = false" }
        ]},
        { "name": "page2", "elements": [
          { "type": "checkbox", "name": "features", "title": "Which features do you use?", "description": "Up to three.",
            "choices": [ { "value": "scenes", "text": "Scenes" }, { "value": "schedules", "text": "Schedules" }, "Widgets", "Voice" ],
            "hasOther": true, "minSelectedChoices": 1, "maxSelectedChoices": 3 },
          { "type": "panel", "name": "contact", "elements": [ { "type": "text", "name": "email", "inputType": "email", "title": "E-mail" } ] },
          { "type": "matrix", "name": "quality", "title": "Rate the quality", "columns": ["Good", "Bad"], "rows": ["App", "Hub"] },
          { "type": "ranking", "name": "rank", "title": "Rank", "choices": ["A", "B"] }
        ]}
      ]
    }"#;

    #[test]
    fn imports_top_level_questions_and_lists_complex_conditions() {
        let r = import(FAMILY).unwrap();
        assert_eq!(r.questions.len(), 5);
        assert_eq!(r.questions[0].kind, QuestionKind::ShortText);
        assert!(r.questions[0].required);
        let QuestionKind::SingleChoice { options } = &r.questions[3].kind else {
            panic!()
        };
        assert_eq!(options.len(), 5);
        assert_eq!(
            r.questions[3].show_if,
            Some(Condition {
                question: "havekids".into(),
                test: ConditionTest::Equals(AnswerValue::Text("yes".into()))
            })
        );
        let skipped: Vec<&str> = r.skipped.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            skipped,
            ["haveKids", "kid1Age"],
            "the `or` and `>=` conditions are listed"
        );
        assert!(r.questions[2].show_if.is_none() && r.questions[4].show_if.is_none());
    }

    #[test]
    fn imports_pages_ratings_checkbox_limits_panels_and_lists_the_rest() {
        let r = import(FEEDBACK).unwrap();
        assert_eq!(r.title, "Product feedback");
        assert_eq!(r.intro, "Tell us what you think.");
        let kinds: Vec<&QuestionKind> = r.questions.iter().map(|q| &q.kind).collect();
        assert_eq!(kinds[0], &QuestionKind::Nps);
        assert_eq!(
            kinds[2],
            &QuestionKind::Rating {
                max: 5,
                style: RatingStyle::Stars
            }
        );
        assert_eq!(kinds[3], &QuestionKind::YesNo);
        let QuestionKind::MultipleChoice {
            options,
            min,
            max,
            other,
        } = kinds[5]
        else {
            panic!()
        };
        assert_eq!((options.len(), *min, *max, *other), (4, 1, Some(3), true));
        assert_eq!(options[2].label, "Widgets");
        assert_eq!(r.questions[5].help, "Up to three.");
        assert_eq!(
            r.questions[6].id.as_str(),
            "email",
            "questions inside panels are imported"
        );
        assert_eq!(
            r.questions[1].show_if.as_ref().unwrap().test,
            ConditionTest::Equals(AnswerValue::Number(3))
        );
        assert_eq!(
            r.questions[4].show_if.as_ref().unwrap().test,
            ConditionTest::Equals(AnswerValue::Bool(false))
        );
        let has = |name: &str, reason: SkipReason| {
            r.skipped.contains(&Skipped {
                name: name.into(),
                reason,
            })
        };
        assert!(has("quality", SkipReason::UnsupportedType("matrix".into())));
        assert!(has("rank", SkipReason::UnsupportedType("ranking".into())));
        assert!(has("email", SkipReason::InputType("email".into())));
        assert!(has("completedHtml", SkipReason::CompletedHtml));
        assert_eq!(r.skipped.len(), 4);
    }

    #[test]
    fn the_imported_questions_make_a_valid_survey() {
        let r = import(FEEDBACK).unwrap();
        let mut s = crate::domain::demo::generate(
            crate::domain::time::Timestamp::parse("2026-11-24T10:00:00Z").unwrap(),
            1,
        )
        .surveys
        .remove(0);
        s.questions = r.questions;
        assert_eq!(crate::domain::survey::validate_survey(&s), vec![]);
    }

    #[test]
    fn rejects_what_is_not_a_survey() {
        assert!(matches!(import("{oops"), Err(ImportError::NotJson(_))));
        assert_eq!(import(r#"{"title": "x"}"#), Err(ImportError::NotASurvey));
    }
}
