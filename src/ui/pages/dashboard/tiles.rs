//! KPI tiles: each figure of the period with its change against the period before.

use super::data::Computed;
use crate::domain::locale::Locale;
use crate::domain::metrics::summary::change;
use crate::domain::metrics::{ideas_into_roadmap, Comparison};
use crate::ui::format;
use crate::ui::hooks::use_i18n;
use crate::ui::i18n::{fill, Messages};
use leptos::prelude::*;
use std::rc::Rc;

/// A duration in seconds, in minutes, hours or days.
pub fn duration(t: &Messages, locale: Locale, seconds: f64) -> String {
    if seconds < 3600.0 {
        fill(
            t.dash().minutes,
            &[("n", &format::number(locale, (seconds / 60.0).round(), 0))],
        )
    } else if seconds < 48.0 * 3600.0 {
        fill(
            t.dash().hours,
            &[("n", &format::number(locale, seconds / 3600.0, 1))],
        )
    } else {
        fill(
            t.dash().days,
            &[("n", &format::number(locale, seconds / 86_400.0, 1))],
        )
    }
}

/// Whether a rise is good news.
#[derive(Clone, Copy, PartialEq)]
enum Better {
    Higher,
    Lower,
}

struct Tile {
    label: &'static str,
    value: String,
    change: Option<(String, &'static str)>,
    detail: Option<String>,
}

fn change_line(
    t: &Messages,
    locale: Locale,
    now: f64,
    before: f64,
    before_text: String,
    better: Better,
) -> (String, &'static str) {
    match change(now, before) {
        None => (t.dash().change_none.to_owned(), "g-tile__change"),
        Some(c) if c.abs() < 0.0005 => (
            fill(t.dash().change_same, &[("before", &before_text)]),
            "g-tile__change",
        ),
        Some(c) => {
            let pct = format::percent(locale, c.abs(), 1);
            let up = c > 0.0;
            let good = up == (better == Better::Higher);
            let template = if up {
                t.dash().change_up
            } else {
                t.dash().change_down
            };
            (
                fill(template, &[("change", &pct), ("before", &before_text)]),
                if good {
                    "g-tile__change g-tile__change--good"
                } else {
                    "g-tile__change g-tile__change--bad"
                },
            )
        }
    }
}

fn tiles(t: &'static Messages, l: Locale, cmp: &Comparison, computed: &Computed) -> Vec<Tile> {
    let (now, before) = (&cmp.current, &cmp.previous);
    let count = |v: f64| format::number(l, v, 0);
    let tenths = |v: f64| format::number(l, v, 1);
    let pct = |v: f64| format::percent(l, v, 1);
    // A figure where more is better, shown with `show` now and in the change line.
    let higher = |label, now: f64, before: f64, show: &dyn Fn(f64) -> String, detail| Tile {
        label,
        value: show(now),
        change: Some(change_line(t, l, now, before, show(before), Better::Higher)),
        detail,
    };
    let mut out = vec![
        higher(t.dash().kpi_dau, now.dau, before.dau, &tenths, None),
        higher(
            t.dash().kpi_wau,
            f64::from(now.wau),
            f64::from(before.wau),
            &count,
            None,
        ),
        higher(
            t.dash().kpi_mau,
            f64::from(now.mau),
            f64::from(before.mau),
            &count,
            None,
        ),
        higher(
            t.dash().kpi_engagement,
            now.engagement_rate,
            before.engagement_rate,
            &pct,
            Some(fill(
                t.dash().kpi_engagement_formula,
                &[
                    ("mau", &count(f64::from(now.mau))),
                    ("members", &count(f64::from(now.members))),
                ],
            )),
        ),
        higher(
            t.dash().kpi_stickiness,
            now.stickiness,
            before.stickiness,
            &pct,
            Some(t.dash().kpi_stickiness_formula.to_owned()),
        ),
        Tile {
            label: t.dash().kpi_first_response,
            value: now
                .first_response_median_s
                .map_or_else(|| t.dash().kpi_none.to_owned(), |s| duration(t, l, s)),
            change: match (now.first_response_median_s, before.first_response_median_s) {
                (Some(a), Some(b)) => {
                    Some(change_line(t, l, a, b, duration(t, l, b), Better::Lower))
                }
                (Some(_), None) => Some((t.dash().change_none.to_owned(), "g-tile__change")),
                _ => None,
            },
            detail: Some(fill(
                t.dash().kpi_first_response_detail,
                &[
                    (
                        "p90",
                        &now.first_response_p90_s
                            .map_or_else(|| t.dash().kpi_none.to_owned(), |s| duration(t, l, s)),
                    ),
                    ("n", &count(f64::from(now.unanswered))),
                ],
            )),
        },
        higher(
            t.dash().kpi_ugc,
            now.ugc_per_day,
            before.ugc_per_day,
            &tenths,
            None,
        ),
    ];
    match &computed.app {
        Some(app) => {
            let into = ideas_into_roadmap(&app.ideas, &app.boards, now.from, now.to);
            let prior = ideas_into_roadmap(&app.ideas, &app.boards, before.from, before.to);
            out.push(higher(
                t.dash().kpi_roadmap,
                f64::from(into),
                f64::from(prior),
                &count,
                None,
            ));
            out.push(Tile {
                label: t.dash().kpi_nps,
                value: app.nps.as_ref().map_or_else(
                    || t.dash().kpi_none.to_owned(),
                    |(_, _, nps)| count(nps.round()),
                ),
                change: None,
                detail: app.nps.as_ref().map(|(survey, wave, _)| {
                    fill(
                        t.dash().kpi_nps_from,
                        &[("survey", survey), ("n", &(wave + 1).to_string())],
                    )
                }),
            });
        }
        None => {
            for label in [t.dash().kpi_roadmap, t.dash().kpi_nps] {
                out.push(Tile {
                    label,
                    value: t.dash().kpi_none.to_owned(),
                    change: None,
                    detail: Some(t.dash().kpi_not_imported.to_owned()),
                });
            }
        }
    }
    out
}

/// The tiles of the period.
#[component]
pub fn Tiles(
    comparison: Memo<Comparison>,
    computed: StoredValue<Rc<Computed>, LocalStorage>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="g-tiles" role="list" aria-live="polite">
            {move || {
                let t = i18n.t();
                let l = i18n.locale();
                let list = comparison.with(|cmp| computed.with_value(|c| tiles(t, l, cmp, c)));
                list.into_iter().map(|tile| view! {
                    <li class="g-tile">
                        <h2 class="g-tile__label">{tile.label}</h2>
                        <p class="g-tile__value">{tile.value}</p>
                        {tile.change.map(|(text, class)| view! { <p class=class>{text}</p> })}
                        {tile.detail.map(|d| view! { <p class="g-tile__detail">{d}</p> })}
                    </li>
                }).collect_view()
            }}
        </ul>
    }
}
