//! Per-day breakdowns for the dashboard's charts: members' events by kind (UGC
//! stacked per day) and the sentiment share of members' posts and comments.

use super::indexed::Metrics;
use crate::domain::activity::EventKind;
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};

/// Members' events of one day by kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindsDay {
    /// The day.
    #[serde(with = "super::day_text")]
    pub date: Day,
    /// Posts.
    pub post: u32,
    /// Comments.
    pub comment: u32,
    /// Ideas.
    pub idea: u32,
    /// Reactions.
    pub reaction: u32,
    /// Votes.
    pub vote: u32,
    /// Survey responses.
    pub survey_response: u32,
}

/// Sentiment of members' posts and comments (with text) of one day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentimentDay {
    /// The day.
    #[serde(with = "super::day_text")]
    pub date: Day,
    /// Positive texts.
    pub positive: u32,
    /// Negative texts.
    pub negative: u32,
    /// Neutral texts.
    pub neutral: u32,
}

impl SentimentDay {
    /// Shares (positive, negative, neutral) summing to 1, or all 0 on a day without text.
    pub fn shares(&self) -> (f64, f64, f64) {
        let total = f64::from(self.positive + self.negative + self.neutral);
        if total == 0.0 {
            return (0.0, 0.0, 0.0);
        }
        (
            f64::from(self.positive) / total,
            f64::from(self.negative) / total,
            f64::from(self.neutral) / total,
        )
    }
}

impl Metrics {
    /// Members' events by kind for every day from `from` to `to`.
    pub fn kinds(&self, from: Day, to: Day) -> Vec<KindsDay> {
        (from.0..=to.0)
            .map(|d| {
                let k = |kind| self.kind_on(d, kind);
                KindsDay {
                    date: Day(d),
                    post: k(EventKind::Post),
                    comment: k(EventKind::Comment),
                    idea: k(EventKind::Idea),
                    reaction: k(EventKind::Reaction),
                    vote: k(EventKind::Vote),
                    survey_response: k(EventKind::SurveyResponse),
                }
            })
            .collect()
    }

    /// Sentiment counts for every day from `from` to `to` (all zero unless the engine
    /// ran with [`super::EngineOptions::sentiment`]).
    pub fn sentiment(&self, from: Day, to: Day) -> Vec<SentimentDay> {
        (from.0..=to.0)
            .map(|d| {
                let [positive, negative, neutral] = self.sentiment.get(d);
                SentimentDay {
                    date: Day(d),
                    positive,
                    negative,
                    neutral,
                }
            })
            .collect()
    }
}
