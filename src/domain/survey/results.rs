//! Survey results per wave, with the formulas the UI writes next to the numbers:
//!
//! - **NPS** = % promoters (9–10) − % detractors (0–6), of those who answered;
//! - **CSAT** = answers of 4 or 5 ÷ answers, on 1–5;
//! - **rating / slider**: mean and distribution; **choices**: count and share of those who
//!   answered (a multiple-choice share can sum above 100 %);
//! - **response rate** = responses ÷ eligible members (members during the wave).
//!
//! Skipped answers never enter a denominator. Below the survey's anonymity threshold
//! non-admins see nothing of a wave, and segments of a breakdown smaller than the
//! threshold are suppressed.

use super::{Answer, QuestionKind, Response, Survey};
use crate::domain::ids::QuestionId;
use crate::domain::member::{Member, Role};
use crate::domain::time::Timestamp;
use serde::Serialize;

/// The tone of a text answer (from the sentiment scorer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Positive.
    Positive,
    /// Neither.
    Neutral,
    /// Negative.
    Negative,
}

/// A text answer and its tone.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextAnswer {
    /// The text.
    pub text: String,
    /// Its tone.
    pub tone: Tone,
}

/// What a question's answers add up to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tally {
    /// NPS: counts of each score 0–10.
    Nps {
        /// Answers per score 0..=10.
        distribution: Vec<u32>,
    },
    /// CSAT: counts of each score 1–5.
    Csat {
        /// Answers per score 1..=5.
        distribution: Vec<u32>,
    },
    /// Rating 1–max.
    Rating {
        /// Answers per value 1..=max.
        distribution: Vec<u32>,
    },
    /// Emoji slider 0–100 in ten buckets (0–9, 10–19, …, 90–100).
    Slider {
        /// Answers per bucket.
        histogram: Vec<u32>,
        /// Sum of the values (for the mean).
        sum: i64,
    },
    /// Single or multiple choice: (option id, label, count), and the "Other" texts.
    Choices {
        /// Counts per option, in the survey's order.
        counts: Vec<(String, String, u32)>,
        /// "Other" texts.
        others: Vec<String>,
    },
    /// Yes / no.
    YesNo {
        /// Yes answers.
        yes: u32,
        /// No answers.
        no: u32,
    },
    /// Text answers.
    Text {
        /// The answers, newest last.
        answers: Vec<TextAnswer>,
    },
}

/// The tone of a text answer, by the sentiment scorer.
pub fn text_tone(text: &str) -> Tone {
    match crate::domain::sentiment::polarity(text) {
        crate::domain::sentiment::Polarity::Positive => Tone::Positive,
        crate::domain::sentiment::Polarity::Negative => Tone::Negative,
        crate::domain::sentiment::Polarity::Neutral => Tone::Neutral,
    }
}

/// One question's results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionResult {
    /// The question.
    pub question: QuestionId,
    /// Responses that answered it (the denominator).
    pub answered: u32,
    /// The tally.
    pub tally: Tally,
}

fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

impl QuestionResult {
    /// NPS shares (promoters, passives, detractors) and score −100…100.
    pub fn nps(&self) -> Option<(f64, f64, f64, f64)> {
        let Tally::Nps { distribution } = &self.tally else {
            return None;
        };
        let sum = |r: std::ops::RangeInclusive<usize>| distribution[r].iter().sum::<u32>();
        let (d, p, pr) = (sum(0..=6), sum(7..=8), sum(9..=10));
        let (ds, ps, prs) = (
            share(d, self.answered)?,
            share(p, self.answered)?,
            share(pr, self.answered)?,
        );
        Some((prs, ps, ds, (prs - ds) * 100.0))
    }

    /// CSAT: share of 4–5 answers.
    pub fn csat(&self) -> Option<f64> {
        let Tally::Csat { distribution } = &self.tally else {
            return None;
        };
        share(distribution[3] + distribution[4], self.answered)
    }

    /// Mean of a rating, CSAT, NPS or slider.
    pub fn mean(&self) -> Option<f64> {
        let total: i64 = match &self.tally {
            Tally::Nps { distribution } => distribution
                .iter()
                .enumerate()
                .map(|(v, n)| v as i64 * i64::from(*n))
                .sum(),
            Tally::Csat { distribution } | Tally::Rating { distribution } => distribution
                .iter()
                .enumerate()
                .map(|(v, n)| (v as i64 + 1) * i64::from(*n))
                .sum(),
            Tally::Slider { sum, .. } => *sum,
            _ => return None,
        };
        (self.answered > 0).then(|| total as f64 / f64::from(self.answered))
    }

    /// The one number that sums this question up across waves (NPS score, CSAT %, mean,
    /// yes %), if it has one.
    pub fn headline(&self) -> Option<f64> {
        match &self.tally {
            Tally::Nps { .. } => self.nps().map(|n| n.3),
            Tally::Csat { .. } => self.csat().map(|c| c * 100.0),
            Tally::Rating { .. } | Tally::Slider { .. } => self.mean(),
            Tally::YesNo { yes, .. } => share(*yes, self.answered).map(|s| s * 100.0),
            _ => None,
        }
    }
}

/// One wave's results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WaveResults {
    /// Wave number.
    pub wave: u32,
    /// Responses.
    pub responses: u32,
    /// Members eligible to answer, when known.
    pub eligible: Option<u32>,
    /// Whether results are withheld (below the anonymity threshold for this viewer).
    pub withheld: bool,
    /// Per question, in the survey's order (empty when withheld).
    pub questions: Vec<QuestionResult>,
}

impl WaveResults {
    /// Responses ÷ eligible members.
    pub fn rate(&self) -> Option<f64> {
        share(self.responses, self.eligible?)
    }
}

/// Tallies `responses` (all of one wave) for `survey`.
pub fn tally(
    survey: &Survey,
    responses: &[&Response],
    tone: &dyn Fn(&str) -> Tone,
) -> Vec<QuestionResult> {
    survey
        .questions
        .iter()
        .map(|q| {
            let answers: Vec<&Answer> = responses
                .iter()
                .filter_map(|r| r.answers.get(&q.id))
                .collect();
            let scores = || {
                answers.iter().filter_map(|a| {
                    if let Answer::Score(n) = a {
                        Some(*n)
                    } else {
                        None
                    }
                })
            };
            let dist = |lo: i64, hi: i64| {
                let mut d = vec![0u32; (hi - lo + 1) as usize];
                for n in scores().filter(|n| (lo..=hi).contains(n)) {
                    d[(n - lo) as usize] += 1;
                }
                d
            };
            let tally = match &q.kind {
                QuestionKind::Nps => Tally::Nps {
                    distribution: dist(0, 10),
                },
                QuestionKind::Csat => Tally::Csat {
                    distribution: dist(1, 5),
                },
                QuestionKind::Rating { max, .. } => Tally::Rating {
                    distribution: dist(1, i64::from(*max)),
                },
                QuestionKind::EmojiSlider { .. } => {
                    let mut histogram = vec![0u32; 10];
                    for n in scores() {
                        histogram[(n.clamp(0, 100) / 10).min(9) as usize] += 1;
                    }
                    Tally::Slider {
                        histogram,
                        sum: scores().sum(),
                    }
                }
                QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options, .. } => {
                    let mut counts: Vec<(String, String, u32)> = options
                        .iter()
                        .map(|o| (o.id.clone(), o.label.clone(), 0))
                        .collect();
                    let mut others = Vec::new();
                    for a in &answers {
                        let picked: Vec<&String> = match a {
                            Answer::Choice(c) => vec![c],
                            Answer::Choices { selected, other } => {
                                if let Some(o) = other {
                                    others.push(o.clone());
                                }
                                selected.iter().collect()
                            }
                            _ => vec![],
                        };
                        for p in picked {
                            if let Some(c) = counts.iter_mut().find(|c| &c.0 == p) {
                                c.2 += 1;
                            }
                        }
                    }
                    Tally::Choices { counts, others }
                }
                QuestionKind::YesNo => {
                    let yes = answers
                        .iter()
                        .filter(|a| matches!(a, Answer::Bool(true)))
                        .count() as u32;
                    let no = answers
                        .iter()
                        .filter(|a| matches!(a, Answer::Bool(false)))
                        .count() as u32;
                    Tally::YesNo { yes, no }
                }
                QuestionKind::ShortText | QuestionKind::LongText => Tally::Text {
                    answers: answers
                        .iter()
                        .filter_map(|a| {
                            if let Answer::Text(t) = a {
                                Some(TextAnswer {
                                    text: t.clone(),
                                    tone: tone(t),
                                })
                            } else {
                                None
                            }
                        })
                        .collect(),
                },
            };
            QuestionResult {
                question: q.id.clone(),
                answered: answers.len() as u32,
                tally,
            }
        })
        .collect()
}

/// The results of `wave` as `viewer_is_admin` may see them.
pub fn wave_results(
    survey: &Survey,
    wave: u32,
    responses: &[Response],
    eligible: Option<u32>,
    viewer_is_admin: bool,
    tone: &dyn Fn(&str) -> Tone,
) -> WaveResults {
    let of_wave: Vec<&Response> = responses
        .iter()
        .filter(|r| r.wave == wave && r.survey_id == survey.id)
        .collect();
    let n = of_wave.len() as u32;
    let withheld = !viewer_is_admin && n < u32::from(survey.threshold);
    WaveResults {
        wave,
        responses: n,
        eligible,
        withheld,
        questions: if withheld {
            Vec::new()
        } else {
            tally(survey, &of_wave, tone)
        },
    }
}

/// One wave in a trend: its responses and each question's headline number (absent when
/// the wave is withheld from this viewer).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrendPoint {
    /// Wave.
    pub wave: u32,
    /// Responses.
    pub responses: u32,
    /// (question, headline) for questions that have one.
    pub values: Vec<(QuestionId, f64)>,
}

/// The headline numbers of every wave up to `last_wave`.
pub fn trend(
    survey: &Survey,
    responses: &[Response],
    last_wave: u32,
    viewer_is_admin: bool,
) -> Vec<TrendPoint> {
    (0..=last_wave)
        .map(|w| {
            let r = wave_results(survey, w, responses, None, viewer_is_admin, &|_| {
                Tone::Neutral
            });
            TrendPoint {
                wave: w,
                responses: r.responses,
                values: r
                    .questions
                    .iter()
                    .filter_map(|q| Some((q.question.clone(), q.headline()?)))
                    .collect(),
            }
        })
        .collect()
}

/// One segment of a breakdown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Segment {
    /// The answer that defines it.
    pub label: String,
    /// Responses in it.
    pub responses: u32,
    /// Its results; `None` when suppressed (fewer responses than the threshold).
    pub results: Option<Vec<QuestionResult>>,
}

/// Results of one wave split by the answers to question `by` (single choice or yes/no).
/// Segments smaller than the threshold are suppressed for non-admins, and for everyone
/// when the survey is anonymous.
pub fn breakdown(
    survey: &Survey,
    wave: u32,
    responses: &[Response],
    by: &QuestionId,
    viewer_is_admin: bool,
    tone: &dyn Fn(&str) -> Tone,
) -> Vec<Segment> {
    let Some(q) = survey.questions.iter().find(|q| &q.id == by) else {
        return Vec::new();
    };
    let keys: Vec<(Answer, String)> = match &q.kind {
        QuestionKind::SingleChoice { options } => options
            .iter()
            .map(|o| (Answer::Choice(o.id.clone()), o.label.clone()))
            .collect(),
        QuestionKind::YesNo => vec![
            (Answer::Bool(true), "yes".into()),
            (Answer::Bool(false), "no".into()),
        ],
        _ => return Vec::new(),
    };
    let strict = survey.anonymous || !viewer_is_admin;
    keys.into_iter()
        .map(|(key, label)| {
            let members: Vec<&Response> = responses
                .iter()
                .filter(|r| r.wave == wave && r.answers.get(by) == Some(&key))
                .collect();
            let n = members.len() as u32;
            let suppressed = strict && n < u32::from(survey.threshold);
            Segment {
                label,
                responses: n,
                results: (!suppressed).then(|| tally(survey, &members, tone)),
            }
        })
        .collect()
}

/// Members who could answer a wave open from `start` to `end`: role member (not staff),
/// joined before it closed and not gone before it opened.
pub fn eligible_members(members: &[Member], start: Timestamp, end: Timestamp) -> u32 {
    members
        .iter()
        .filter(|m| {
            m.role == Role::Member && m.joined_at < end && m.left_at.is_none_or(|l| l > start)
        })
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use crate::domain::ids::*;
    use std::collections::BTreeMap;

    #[test]
    fn text_answers_get_the_sentiment_scorers_tone_in_both_languages() {
        assert_eq!(text_tone("Love the new roadmap, thanks!"), Tone::Positive);
        assert_eq!(text_tone("The export is broken and slow"), Tone::Negative);
        assert_eq!(text_tone("Świetna aplikacja, dziękuję"), Tone::Positive);
        assert_eq!(text_tone("Nie jest dobrze"), Tone::Negative);
        assert_eq!(text_tone("We meet on Tuesday"), Tone::Neutral);
    }

    fn survey() -> Survey {
        demo::generate(Timestamp::parse("2026-11-24T10:00:00Z").unwrap(), 1)
            .surveys
            .remove(0)
    }

    fn response(i: u32, wave: u32, pairs: &[(&str, Answer)]) -> Response {
        Response {
            id: ResponseId(format!("r{i}")),
            survey_id: "s-monthly-pulse".into(),
            wave,
            respondent: Some(MemberId(format!("m{i}"))),
            answers: pairs
                .iter()
                .map(|(k, v)| (QuestionId::from(*k), v.clone()))
                .collect::<BTreeMap<_, _>>(),
            submitted_at: Timestamp(0),
            updated_at: None,
            version: 1,
        }
    }

    fn find<'a>(r: &'a WaveResults, q: &str) -> &'a QuestionResult {
        r.questions
            .iter()
            .find(|x| x.question.as_str() == q)
            .unwrap()
    }

    #[test]
    fn nps_csat_means_and_shares_on_known_data() {
        // NPS answers 10, 9, 8, 6, 0 → 2 promoters, 1 passive, 2 detractors → 0.
        // CSAT 5, 4, 2, 1 (one skipped) → 2 of 4 = 50 %.
        let s = survey();
        let rs = vec![
            response(
                1,
                0,
                &[
                    ("nps", Answer::Score(10)),
                    ("csat", Answer::Score(5)),
                    ("mood", Answer::Score(100)),
                ],
            ),
            response(
                2,
                0,
                &[
                    ("nps", Answer::Score(9)),
                    ("csat", Answer::Score(4)),
                    ("mood", Answer::Score(5)),
                ],
            ),
            response(
                3,
                0,
                &[("nps", Answer::Score(8)), ("csat", Answer::Score(2))],
            ),
            response(
                4,
                0,
                &[
                    ("nps", Answer::Score(6)),
                    ("csat", Answer::Score(1)),
                    ("favourite", Answer::Choice("voice".into())),
                ],
            ),
            response(
                5,
                0,
                &[("nps", Answer::Score(0)), ("event", Answer::Bool(true))],
            ),
        ];
        let r = wave_results(&s, 0, &rs, Some(20), false, &|_| Tone::Neutral);
        assert!(!r.withheld);
        assert_eq!(r.rate(), Some(0.25));
        let (pro, pas, det, score) = find(&r, "nps").nps().unwrap();
        assert_eq!((pro, pas, det, score), (0.4, 0.2, 0.4, 0.0));
        let csat = find(&r, "csat");
        assert_eq!(
            csat.answered, 4,
            "a skipped answer is not in the denominator"
        );
        assert_eq!(csat.csat(), Some(0.5));
        assert_eq!(csat.mean(), Some(3.0));
        let mood = find(&r, "mood");
        assert_eq!(mood.mean(), Some(52.5));
        assert_eq!(
            mood.tally,
            Tally::Slider {
                histogram: vec![1, 0, 0, 0, 0, 0, 0, 0, 0, 1],
                sum: 105
            }
        );
        let fav = find(&r, "favourite");
        assert_eq!(fav.answered, 1);
        let Tally::Choices { counts, .. } = &fav.tally else {
            panic!()
        };
        assert_eq!(counts.iter().find(|c| c.0 == "voice").unwrap().2, 1);
        assert_eq!(find(&r, "event").headline(), Some(100.0));
    }

    #[test]
    fn below_the_threshold_only_admins_see_results() {
        let s = survey();
        let rs: Vec<Response> = (0..4)
            .map(|i| response(i, 1, &[("nps", Answer::Score(9))]))
            .collect();
        let member = wave_results(&s, 1, &rs, None, false, &|_| Tone::Neutral);
        assert!(member.withheld);
        assert!(member.questions.is_empty());
        assert_eq!(member.responses, 4);
        assert!(!wave_results(&s, 1, &rs, None, true, &|_| Tone::Neutral).withheld);
        let trend = trend(&s, &rs, 1, false);
        assert!(trend[1].values.is_empty(), "trend points are withheld too");
    }

    #[test]
    fn small_segments_are_suppressed() {
        let s = survey();
        let mut rs: Vec<Response> = (0..6)
            .map(|i| {
                response(
                    i,
                    0,
                    &[
                        ("favourite", Answer::Choice("scenes".into())),
                        ("nps", Answer::Score(10)),
                    ],
                )
            })
            .collect();
        rs.extend((6..8).map(|i| {
            response(
                i,
                0,
                &[
                    ("favourite", Answer::Choice("voice".into())),
                    ("nps", Answer::Score(0)),
                ],
            )
        }));
        let segments = breakdown(&s, 0, &rs, &QuestionId::from("favourite"), false, &|_| {
            Tone::Neutral
        });
        let scenes = segments.iter().find(|x| x.label == "Scenes").unwrap();
        let voice = segments
            .iter()
            .find(|x| x.label == "Voice control")
            .unwrap();
        assert_eq!(scenes.responses, 6);
        assert!(scenes.results.is_some());
        assert_eq!(voice.responses, 2);
        assert!(voice.results.is_none(), "2 < threshold 5");
    }

    #[test]
    fn eligibility_follows_membership_during_the_wave() {
        let t = |d: i64| Timestamp(d * crate::domain::time::DAY_MS);
        let m = |id: &str, role, joined, left: Option<i64>| Member {
            id: id.into(),
            name: id.into(),
            role,
            joined_at: t(joined),
            left_at: left.map(t),
            version: 0,
        };
        let members = vec![
            m("a", Role::Member, 0, None),
            m("late", Role::Member, 50, None),
            m("gone", Role::Member, 0, Some(5)),
            m("staff", Role::Admin, 0, None),
            m("left-during", Role::Member, 0, Some(12)),
        ];
        assert_eq!(eligible_members(&members, t(10), t(20)), 2);
    }
}
