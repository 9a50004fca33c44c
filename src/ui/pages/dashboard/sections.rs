//! The dashboard's charts, each with its data table (the accessible alternative and
//! what the printed report shows).

use super::charts;
use super::data::{use_dashboard_state, Computed};
use super::View;
use crate::domain::metrics::retention::week_start;
use crate::domain::metrics::supplied::{conversion, find};
use crate::domain::metrics::DailyRow;
use crate::domain::time::Day;
use crate::ui::components::ChartView;
use crate::ui::format;
use crate::ui::hooks::use_i18n;
use crate::ui::i18n::fill;
use charming::Chart;
use leptos::prelude::*;
use std::rc::Rc;

/// Cohorts and weeks drawn in the retention heatmap (the table has them all).
const HEATMAP_COHORTS: usize = 16;

/// A data table, folded unless printing; its rows are built only once it is opened (a
/// year of days in every table would otherwise cost the page thousands of elements).
#[component]
fn DataTable(
    caption: Signal<String>,
    headers: Signal<Vec<String>>,
    rows: Signal<Vec<Vec<String>>>,
    open: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let opened = RwSignal::new(open);
    view! {
        <details class="g-data-table" open=open on:toggle=move |ev| {
            let now_open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
            if now_open != opened.get_untracked() {
                opened.set(now_open);
            }
        }>
            <summary>{move || i18n.t().dash().data_table}</summary>
            <Show when=move || opened.get()>
                <div class="g-table-scroll" tabindex="0" role="region" aria-label=move || caption.get()>
                    <table class="g-table">
                        <caption class="g-visually-hidden">{move || caption.get()}</caption>
                        <thead><tr>{move || headers.get().into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|row| {
                                let mut cells = row.into_iter();
                                let first = cells.next().unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{first}</th>
                                        {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </details>
    }
}

/// One chart section: heading, chart (with PNG), optional hint, data table.
#[component]
fn ChartSection(
    title: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    chart: Signal<Chart>,
    png: &'static str,
    headers: Signal<Vec<String>>,
    rows: Signal<Vec<Vec<String>>>,
    #[prop(default = 300)] height: u32,
    open: bool,
) -> impl IntoView {
    view! {
        <section class="g-dash-chart">
            <h2>{move || title.get()}</h2>
            {hint.map(|h| view! { <p class="g-field__hint">{move || h.get()}</p> })}
            <ChartView label=title chart=chart height=height png=format!("gromada-{png}.png")/>
            <DataTable caption=title headers=headers rows=rows open=open/>
        </section>
    }
}

fn days(rows: &[DailyRow]) -> Vec<String> {
    rows.iter().map(|r| r.date.to_string()).collect()
}

fn hours(s: Option<f64>) -> Option<f64> {
    s.map(|s| (s / 36.0).round() / 100.0)
}

/// Every chart of the period.
#[component]
pub fn Sections(
    rows: Memo<Vec<DailyRow>>,
    view: Memo<View>,
    computed: StoredValue<Rc<Computed>, LocalStorage>,
    report: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_dashboard_state();
    let t = move || i18n.t();
    let num = move |v: f64, d: u8| format::number(i18n.locale(), v, d);
    let pct = move |v: f64| format::percent(i18n.locale(), v, 1);
    let opt = move |v: Option<f64>| v.map_or_else(|| t().dash().kpi_none.to_owned(), |v| num(v, 2));
    let range = move || view.with(|v| (v.from, v.to));

    // Active members.
    let active_chart = Signal::derive(move || {
        rows.with(|r| {
            let t = t();
            charts::day_lines(
                days(r),
                vec![
                    (
                        t.dash().series_dau.into(),
                        r.iter().map(|x| Some(f64::from(x.dau))).collect(),
                    ),
                    (
                        t.dash().series_wau.into(),
                        r.iter().map(|x| Some(f64::from(x.wau))).collect(),
                    ),
                    (
                        t.dash().series_mau.into(),
                        r.iter().map(|x| Some(f64::from(x.mau))).collect(),
                    ),
                ],
                false,
            )
        })
    });
    let active_headers = Signal::derive(move || {
        let t = t();
        vec![
            t.dash().col_date.into(),
            t.dash().series_dau.into(),
            t.dash().series_wau.into(),
            t.dash().series_mau.into(),
            t.dash().kpi_engagement.into(),
            t.dash().kpi_stickiness.into(),
        ]
    });
    let active_rows = Signal::derive(move || {
        rows.with(|r| {
            r.iter()
                .map(|x| {
                    vec![
                        x.date.to_string(),
                        num(f64::from(x.dau), 0),
                        num(f64::from(x.wau), 0),
                        num(f64::from(x.mau), 0),
                        pct(x.engagement_rate),
                        pct(x.stickiness),
                    ]
                })
                .collect()
        })
    });

    // UGC by kind.
    let kinds = Memo::new(move |_| {
        let (from, to) = range();
        computed.with_value(|c| c.metrics.kinds(from, to))
    });
    let ugc_chart = Signal::derive(move || {
        kinds.with(|k| {
            let t = t();
            charts::stacked_bars(
                k.iter().map(|d| d.date.to_string()).collect(),
                vec![
                    (
                        t.dash().kind_post.into(),
                        k.iter().map(|d| f64::from(d.post)).collect(),
                    ),
                    (
                        t.dash().kind_comment.into(),
                        k.iter().map(|d| f64::from(d.comment)).collect(),
                    ),
                    (
                        t.dash().kind_idea.into(),
                        k.iter().map(|d| f64::from(d.idea)).collect(),
                    ),
                ],
            )
        })
    });
    let ugc_headers = Signal::derive(move || {
        let t = t();
        vec![
            t.dash().col_date.into(),
            t.dash().kind_post.into(),
            t.dash().kind_comment.into(),
            t.dash().kind_idea.into(),
        ]
    });
    let ugc_rows = Signal::derive(move || {
        kinds.with(|k| {
            k.iter()
                .map(|d| {
                    vec![
                        d.date.to_string(),
                        num(f64::from(d.post), 0),
                        num(f64::from(d.comment), 0),
                        num(f64::from(d.idea), 0),
                    ]
                })
                .collect()
        })
    });

    // First response.
    let response_chart = Signal::derive(move || {
        rows.with(|r| {
            let t = t();
            charts::day_lines(
                days(r),
                vec![
                    (
                        t.dash().series_median.into(),
                        r.iter().map(|x| hours(x.first_response_median_s)).collect(),
                    ),
                    (
                        t.dash().series_p90.into(),
                        r.iter().map(|x| hours(x.first_response_p90_s)).collect(),
                    ),
                ],
                false,
            )
        })
    });
    let response_headers = Signal::derive(move || {
        let t = t();
        vec![
            t.dash().col_date.into(),
            t.dash().series_median.into(),
            t.dash().series_p90.into(),
            t.dash().series_unanswered.into(),
        ]
    });
    let response_rows = Signal::derive(move || {
        rows.with(|r| {
            r.iter()
                .map(|x| {
                    vec![
                        x.date.to_string(),
                        opt(hours(x.first_response_median_s)),
                        opt(hours(x.first_response_p90_s)),
                        num(f64::from(x.unanswered), 0),
                    ]
                })
                .collect()
        })
    });

    // Calendar (the last year of the period at most).
    let calendar_days = Memo::new(move |_| {
        rows.with(|r| {
            let skip = r.len().saturating_sub(366);
            r[skip..]
                .iter()
                .map(|x| (x.date.to_string(), f64::from(x.dau)))
                .collect::<Vec<_>>()
        })
    });
    let calendar_chart = Signal::derive(move || {
        calendar_days.with(|d| charts::calendar(d.clone(), t().dash().series_dau))
    });
    let calendar_headers =
        Signal::derive(move || vec![t().dash().col_date.into(), t().dash().series_dau.into()]);
    let calendar_rows = Signal::derive(move || {
        calendar_days.with(|d| {
            d.iter()
                .map(|(day, v)| vec![day.clone(), num(*v, 0)])
                .collect()
        })
    });

    // Retention.
    let cohorts = Memo::new(move |_| {
        let (from, to) = range();
        let mut all = computed.with_value(|c| c.metrics.retention(from, to));
        all.retain(|c| c.size > 0);
        all
    });
    let retention_chart = Signal::derive(move || {
        cohorts.with(|all| {
            let skip = all.len().saturating_sub(HEATMAP_COHORTS);
            let shown = &all[skip..];
            let weeks = shown
                .iter()
                .map(|c| c.active.len())
                .max()
                .unwrap_or(0)
                .min(HEATMAP_COHORTS);
            let cells = shown
                .iter()
                .enumerate()
                .flat_map(|(y, c)| {
                    c.active
                        .iter()
                        .take(weeks)
                        .enumerate()
                        .map(move |(x, a)| (x, y, f64::from(*a) * 100.0 / f64::from(c.size)))
                })
                .collect();
            charts::cohort_heatmap(
                shown.iter().map(|c| c.week_start.to_string()).collect(),
                (0..weeks).map(|w| w.to_string()).collect(),
                cells,
            )
        })
    });
    let retention_headers = Signal::derive(move || {
        let t = t();
        let weeks = cohorts.with(|c| c.iter().map(|c| c.active.len()).max().unwrap_or(0));
        let mut h: Vec<String> = vec![t.dash().col_cohort.into(), t.dash().col_cohort_size.into()];
        h.extend((0..weeks).map(|w| fill(t.dash().col_week_n, &[("n", &w.to_string())])));
        h
    });
    let retention_rows = Signal::derive(move || {
        cohorts.with(|all| {
            all.iter()
                .map(|c| {
                    let mut row = vec![c.week_start.to_string(), num(f64::from(c.size), 0)];
                    row.extend(
                        c.active
                            .iter()
                            .map(|a| pct(f64::from(*a) / f64::from(c.size))),
                    );
                    row
                })
                .collect()
        })
    });

    // Sentiment, per week.
    let weekly_sentiment = Memo::new(move |_| {
        let (from, to) = range();
        let days = computed.with_value(|c| c.metrics.sentiment(from, to));
        let mut weeks: Vec<(Day, [u32; 3])> = Vec::new();
        for d in days {
            let w = Day(week_start(d.date.0));
            match weeks.last_mut() {
                Some((day, counts)) if *day == w => {
                    counts[0] += d.positive;
                    counts[1] += d.negative;
                    counts[2] += d.neutral;
                }
                _ => weeks.push((w, [d.positive, d.negative, d.neutral])),
            }
        }
        weeks
    });
    let share = |c: &[u32; 3], i: usize| {
        let total: u32 = c.iter().sum();
        if total == 0 {
            0.0
        } else {
            (f64::from(c[i]) * 1000.0 / f64::from(total)).round() / 10.0
        }
    };
    let sentiment_chart = Signal::derive(move || {
        weekly_sentiment.with(|w| {
            let t = t();
            charts::stacked_shares(
                w.iter().map(|(d, _)| d.to_string()).collect(),
                vec![
                    (
                        t.dash().positive.into(),
                        w.iter().map(|(_, c)| share(c, 0)).collect(),
                    ),
                    (
                        t.dash().neutral.into(),
                        w.iter().map(|(_, c)| share(c, 2)).collect(),
                    ),
                    (
                        t.dash().negative.into(),
                        w.iter().map(|(_, c)| share(c, 1)).collect(),
                    ),
                ],
            )
        })
    });
    let sentiment_headers = Signal::derive(move || {
        let t = t();
        vec![
            t.dash().col_week.into(),
            t.dash().positive.into(),
            t.dash().neutral.into(),
            t.dash().negative.into(),
        ]
    });
    let sentiment_rows = Signal::derive(move || {
        weekly_sentiment.with(|w| {
            w.iter()
                .map(|(d, c)| {
                    let cell = |i: usize| {
                        format!("{} ({})", num(f64::from(c[i]), 0), pct(share(c, i) / 100.0))
                    };
                    vec![d.to_string(), cell(0), cell(2), cell(1)]
                })
                .collect()
        })
    });

    // Churn.
    let churn = Memo::new(move |_| {
        let (from, to) = range();
        computed.with_value(|c| c.metrics.churn(from, to))
    });
    let churn_chart = Signal::derive(move || {
        churn.with(|c| {
            charts::day_lines(
                c.iter().map(|d| d.date.to_string()).collect(),
                vec![(
                    t().dash().churn_rate.into(),
                    c.iter()
                        .map(|d| Some((d.churn_rate * 1000.0).round() / 10.0))
                        .collect(),
                )],
                false,
            )
        })
    });
    let churn_headers =
        Signal::derive(move || vec![t().dash().col_date.into(), t().dash().churn_rate.into()]);
    let churn_rows = Signal::derive(move || {
        churn.with(|c| {
            c.iter()
                .map(|d| vec![d.date.to_string(), pct(d.churn_rate)])
                .collect()
        })
    });

    // Supplied series.
    let has_tickets = Memo::new(move |_| state.series.with(|s| find(s, "tickets").is_some()));
    let tickets = Memo::new(move |_| {
        let (from, to) = range();
        state.series.with(|s| {
            find(s, "tickets")
                .map(|t| t.align(from, to))
                .unwrap_or_default()
        })
    });
    let tickets_chart = Signal::derive(move || {
        rows.with(|r| {
            let t = t();
            charts::day_lines(
                days(r),
                vec![
                    (
                        t.dash().series_mau.into(),
                        r.iter().map(|x| Some(f64::from(x.mau))).collect(),
                    ),
                    (t.dash().tickets.into(), tickets.get()),
                ],
                true,
            )
        })
    });
    let tickets_headers = Signal::derive(move || {
        let t = t();
        vec![
            t.dash().col_date.into(),
            t.dash().series_mau.into(),
            t.dash().tickets.into(),
        ]
    });
    let tickets_rows = Signal::derive(move || {
        let tk = tickets.get();
        rows.with(|r| {
            r.iter()
                .zip(tk.iter().chain(std::iter::repeat(&None)))
                .map(|(x, k)| vec![x.date.to_string(), num(f64::from(x.mau), 0), opt(*k)])
                .collect()
        })
    });
    let conversions = Memo::new(move |_| {
        let (from, to) = range();
        state.series.with(|s| conversion(s, from, to))
    });
    let has_conversion = Memo::new(move |_| {
        conversions.with(|c| {
            c.iter()
                .any(|d| d.member_rate.is_some() || d.other_rate.is_some())
        })
    });
    let conversion_chart = Signal::derive(move || {
        conversions.with(|c| {
            let t = t();
            let p = |v: Option<f64>| v.map(|v| (v * 1000.0).round() / 10.0);
            charts::day_lines(
                c.iter().map(|d| d.date.to_string()).collect(),
                vec![
                    (
                        t.dash().conversion_members.into(),
                        c.iter().map(|d| p(d.member_rate)).collect(),
                    ),
                    (
                        t.dash().conversion_others.into(),
                        c.iter().map(|d| p(d.other_rate)).collect(),
                    ),
                ],
                false,
            )
        })
    });
    let conversion_headers = Signal::derive(move || {
        let t = t();
        vec![
            t.dash().col_date.into(),
            t.dash().conversion_members.into(),
            t.dash().conversion_others.into(),
        ]
    });
    let conversion_rows = Signal::derive(move || {
        conversions.with(|c| {
            c.iter()
                .map(|d| {
                    let p = |v: Option<f64>| v.map_or_else(|| t().dash().kpi_none.to_owned(), pct);
                    vec![d.date.to_string(), p(d.member_rate), p(d.other_rate)]
                })
                .collect()
        })
    });

    let s = move |f: fn(&'static crate::ui::i18n::Messages) -> &'static str| {
        Signal::derive(move || f(i18n.t()).to_owned())
    };
    let empty = Memo::new(move |_| rows.with(|r| r.iter().all(|x| x.dau == 0 && x.ugc == 0)));
    view! {
        <Show when=move || empty.get()>
            <p class="g-empty" role="status">{move || t().dash().no_activity}</p>
        </Show>
        <div class="g-dash-charts">
            <ChartSection title=s(|t| t.dash().chart_active) chart=active_chart png="active-members" headers=active_headers rows=active_rows open=report/>
            <ChartSection title=s(|t| t.dash().chart_ugc) chart=ugc_chart png="ugc" headers=ugc_headers rows=ugc_rows open=report/>
            <ChartSection title=s(|t| t.dash().chart_response) chart=response_chart png="first-response" headers=response_headers rows=response_rows open=report/>
            <ChartSection title=s(|t| t.dash().chart_calendar) chart=calendar_chart png="calendar" headers=calendar_headers rows=calendar_rows height=220 open=false/>
            <ChartSection title=s(|t| t.dash().chart_retention) hint=s(|t| t.dash().retention_hint) chart=retention_chart png="retention" headers=retention_headers rows=retention_rows height=380 open=report/>
            <ChartSection title=s(|t| t.dash().chart_sentiment) hint=s(|t| t.dash().sentiment_hint) chart=sentiment_chart png="sentiment" headers=sentiment_headers rows=sentiment_rows open=report/>
            <ChartSection title=s(|t| t.dash().chart_churn) hint=s(|t| t.dash().churn_hint) chart=churn_chart png="churn" headers=churn_headers rows=churn_rows open=false/>
            <Show when=move || has_tickets.get()>
                <ChartSection title=s(|t| t.dash().chart_tickets) chart=tickets_chart png="mau-tickets" headers=tickets_headers rows=tickets_rows open=report/>
            </Show>
            <Show when=move || has_conversion.get()>
                <ChartSection title=s(|t| t.dash().chart_conversion) chart=conversion_chart png="conversion" headers=conversion_headers rows=conversion_rows open=report/>
            </Show>
        </div>
    }
}
