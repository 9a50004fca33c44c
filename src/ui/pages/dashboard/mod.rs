//! The engagement dashboard (`/dashboard`) and its printable report
//! (`/dashboard/report`): KPI tiles against the previous period, charts with data
//! tables, a date range and a channel filter kept in the URL, CSV export of the daily
//! series, and imports. Staff only.

mod charts;
pub mod data;
mod import;
mod sections;
mod tiles;

pub use data::provide_dashboard_state;

use crate::domain::metrics::summary::daily_csv;
use crate::domain::permissions::{can, Action};
use crate::domain::time::Day;
use crate::ui::download::download;
use crate::ui::format;
use crate::ui::hooks::{use_i18n, use_store, use_viewer};
use crate::ui::i18n::fill;
use crate::ui::routes;
use data::{compute_community, compute_imported, use_dashboard_state, Computed};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::rc::Rc;

/// The range and channels of the view, as in the URL.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// First day.
    pub from: Day,
    /// Last day.
    pub to: Day,
    /// Channels (empty: all).
    pub channels: Vec<String>,
}

impl View {
    /// The query string (without `?`).
    pub fn query(&self) -> String {
        let mut q = format!("from={}&to={}", self.from, self.to);
        if !self.channels.is_empty() {
            q.push_str("&ch=");
            q.push_str(&routes::urlencode(&self.channels.join(",")));
        }
        q
    }
}

/// The channels of the `ch` query parameter (empty: all).
fn channels_in(q: &leptos_router::params::ParamsMap) -> Vec<String> {
    q.get("ch")
        .map(|c| {
            c.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The default period: the 30 days ending on the last day with activity (or today).
fn default_range(computed: &Computed, today: Day) -> (Day, Day) {
    let to = computed
        .metrics
        .activity_span()
        .map_or(today, |(_, last)| last);
    (Day(to.0 - 29), to)
}

/// `/dashboard`.
#[component]
pub fn DashboardPage() -> impl IntoView {
    view! { <Page report=false/> }
}

/// `/dashboard/report`: the same figures laid out for printing.
#[component]
pub fn ReportPage() -> impl IntoView {
    view! { <Page report=true/> }
}

#[component]
fn Page(report: bool) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    view! {
        <section class="g-page g-dashboard" class:g-dashboard--report=report>
            <Show
                when=move || can(viewer.role(), Action::SeeDashboard)
                fallback=move || view! {
                    <h1>{move || i18n.t().dash().title}</h1>
                    <p>{move || i18n.t().app().moderators_only}</p>
                }
            >
                <Dashboard report=report/>
            </Show>
        </section>
    }
}

#[component]
fn Dashboard(report: bool) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_dashboard_state();
    let store_ctx = use_store();
    let query = use_query_map();
    let channels = Memo::new(move |_| query.with(channels_in));
    let computed = LocalResource::new(move || {
        let imported = state.imported.get();
        let channels = channels.get();
        let store = store_ctx.store();
        let t = i18n.t_untracked();
        if imported.is_none() {
            store_ctx.version();
        }
        async move {
            let result = match imported {
                Some(imported) => {
                    compute_imported(imported, channels, state.progress, |file, again| {
                        let text = if again {
                            t.dash().reading_again
                        } else {
                            t.dash().reading
                        };
                        fill(text, &[("file", file)])
                    })
                    .await
                }
                None => compute_community(store, channels, format::now())
                    .await
                    .map_err(|e| t.store_error(&e)),
            };
            result.map(Rc::new)
        }
    });
    view! {
        {move || (!report).then(|| view! {
            <h1>{move || i18n.t().dash().title}</h1>
            <p class="g-dashboard__intro">{move || i18n.t().dash().intro}</p>
        })}
        <Source report=report/>
        {move || state.progress.get().map(|p| view! {
            <div class="g-dash-progress" role="status">
                <span>{p.label.clone()}</span>
                <progress max="1" value=p.done.to_string() aria-label=move || i18n.t().dash().computing></progress>
            </div>
        })}
        {move || match computed.get() {
            None => view! { <p class="g-loading" role="status">{move || i18n.t().dash().computing}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="g-error" role="alert">{e}</p> }.into_any(),
            Some(Ok(c)) => view! { <Body computed=c report=report/> }.into_any(),
        }}
        {move || (!report).then(|| view! { <import::ImportPanel/> })}
    }
}

/// Which data is shown, and the way back to the community's own.
#[component]
fn Source(report: bool) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_dashboard_state();
    view! {
        <p class="g-dash-source">
            <strong>{move || i18n.t().dash().source_label}": "</strong>
            {move || match state.imported.get() {
                Some(i) => fill(i18n.t().dash().source_imported, &[("name", &i.label)]),
                None => i18n.t().dash().source_community.to_owned(),
            }}
            {move || (!report && state.imported.with(Option::is_some)).then(|| view! {
                " "
                <button type="button" class="g-button g-button--small" on:click=move |_| {
                    state.imported.set(None);
                    state.import_notes.set(Vec::new());
                }>{move || i18n.t().dash().back_to_community}</button>
            })}
        </p>
    }
}

#[component]
fn Body(computed: Rc<Computed>, report: bool) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let today = Day(format::now().day());
    let (default_from, default_to) = default_range(&computed, today);
    let view_state = Memo::new(move |_| {
        query.with(|q| {
            let day = |k: &str| q.get(k).and_then(|v| Day::parse(&v));
            View {
                from: day("from").unwrap_or(default_from),
                to: day("to").unwrap_or(default_to),
                channels: channels_in(q),
            }
        })
    });
    let go = {
        let navigate = navigate.clone();
        Callback::new(move |v: View| {
            let path = if report {
                routes::dashboard_report(&v.query())
            } else {
                routes::dashboard(&v.query())
            };
            navigate(
                &path,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        })
    };
    let c = StoredValue::new_local(computed);
    let valid = Memo::new(move |_| view_state.with(|v| v.from <= v.to));
    let rows = Memo::new(move |_| {
        let v = view_state.get();
        c.with_value(|c| c.metrics.daily(v.from, v.to))
    });
    let comparison = Memo::new(move |_| {
        let v = view_state.get();
        rows.with(|r| c.with_value(|c| c.metrics.compare_rows(v.from, v.to, r)))
    });
    let export = move |_| {
        let v = view_state.get_untracked();
        let csv = rows.with_untracked(|r| daily_csv(r));
        download(
            &format!("gromada-daily-{}-{}.csv", v.from, v.to),
            "text/csv;charset=utf-8",
            &csv,
        );
    };
    let span = c.with_value(|c| c.metrics.activity_span());
    view! {
        {move || (!report).then(|| view! {
            <Controls view=view_state go=go computed=c span=span/>
            <div class="g-toolbar">
                <button type="button" class="g-button" on:click=export>{move || i18n.t().dash().export_csv}</button>
                <a class="g-button" href=move || routes::dashboard_report(&view_state.get().query())>{move || i18n.t().dash().report_link}</a>
            </div>
        })}
        {move || report.then(|| view! {
            <div class="g-toolbar g-no-print">
                <a class="g-button" href=move || routes::dashboard(&view_state.get().query())>{move || i18n.t().dash().back_to_dashboard}</a>
                <button type="button" class="g-button g-button--primary" on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }>{move || i18n.t().dash().print}</button>
            </div>
            <h1>{move || {
                let v = view_state.get();
                let l = i18n.locale();
                fill(i18n.t().dash().report_title, &[("from", &format::day(l, v.from)), ("to", &format::day(l, v.to))])
            }}</h1>
        })}
        {move || c.with_value(|c| c.app.is_none().then(|| (c.metrics.counts().taken(), c.metrics.people())))
            .map(|(events, people)| view! {
            <p class="g-dash-imported" role="status">{move || {
                let l = i18n.locale();
                fill(i18n.t().dash().import_done, &[("events", &format::count(l, events)), ("members", &format::count(l, people as u64))])
            }}</p>
        })}
        {move || c.with_value(|c| c.reports.iter().flat_map(|(file, r)| import::report_lines(i18n.t(), file, r)).collect::<Vec<_>>())
            .into_iter()
            .map(|line| view! { <p class="g-warning">{line}</p> })
            .collect_view()}
        {move || c.with_value(|c| {
            // Events the engine skipped: by unknown members, with a repeated id.
            let counts = c.metrics.counts();
            [
                (i18n.t().dash().unknown_members, counts.unknown_member.to_string(), &counts.unknown_member_examples),
                (i18n.t().dash().duplicate_events, format::count(i18n.locale(), counts.duplicate_id), &counts.duplicate_id_examples),
            ]
            .into_iter()
            .filter(|(_, _, examples)| !examples.is_empty())
            .map(|(text, n, examples)| fill(text, &[("n", &n), ("examples", &examples.join(", "))]))
            .collect::<Vec<_>>()
        })
            .into_iter()
            .map(|text| view! { <p class="g-warning">{text}</p> })
            .collect_view()}
        {move || c.with_value(|c| c.anonymous).gt(&0).then(|| view! {
            <p class="g-field__hint">{move || fill(i18n.t().dash().anonymous_note, &[("n", &c.with_value(|c| c.anonymous).to_string())])}</p>
        })}
        <Show when=move || valid.get() fallback=move || view! { <p class="g-error" role="alert">{move || i18n.t().dash().range_invalid}</p> }>
            <tiles::Tiles comparison=comparison computed=c/>
            <sections::Sections rows=rows view=view_state computed=c report=report/>
        </Show>
        {move || report.then(|| view! {
            <p class="g-dash-footnote">{move || {
                let l = i18n.locale();
                let source = c.with_value(|c| if c.app.is_some() { i18n.t().dash().source_community.to_owned() } else { String::new() });
                fill(i18n.t().dash().report_generated, &[("date", &format::date(l, format::now())), ("source", &source)])
            }}</p>
        })}
    }
}

/// Period and channel controls.
#[component]
fn Controls(
    view: Memo<View>,
    go: Callback<View>,
    computed: StoredValue<Rc<Computed>, LocalStorage>,
    span: Option<(Day, Day)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let set_from = move |ev| {
        if let Some(d) = Day::parse(&event_target_value(&ev)) {
            go.run(View {
                from: d,
                ..view.get_untracked()
            });
        }
    };
    let set_to = move |ev| {
        if let Some(d) = Day::parse(&event_target_value(&ev)) {
            go.run(View {
                to: d,
                ..view.get_untracked()
            });
        }
    };
    let preset = move |days: i64| {
        let v = view.get_untracked();
        go.run(View {
            from: Day(v.to.0 - days + 1),
            ..v
        });
    };
    let quarter = move |_| {
        let v = view.get_untracked();
        let (from, to) = crate::domain::metrics::summary::last_full_quarter(v.to);
        go.run(View { from, to, ..v });
    };
    let all = move |_| {
        if let Some((first, last)) = span {
            go.run(View {
                from: first,
                to: last,
                ..view.get_untracked()
            });
        }
    };
    let channels = computed.with_value(|c| {
        c.channels
            .iter()
            .map(|ch| (ch.clone(), c.channel_label(ch)))
            .collect::<Vec<_>>()
    });
    let toggle = move |channel: String, on: bool| {
        let mut v = view.get_untracked();
        v.channels.retain(|c| c != &channel);
        if on {
            v.channels.push(channel);
            v.channels.sort();
        }
        go.run(v);
    };
    view! {
        <fieldset class="g-dash-controls">
            <legend>{move || i18n.t().dash().range_label}</legend>
            <label class="g-field g-field--inline">
                <span class="g-field__label">{move || i18n.t().dash().from_label}</span>
                <input class="g-input" type="date" name="from" prop:value=move || view.get().from.to_string() on:change=set_from/>
            </label>
            <label class="g-field g-field--inline">
                <span class="g-field__label">{move || i18n.t().dash().to_label}</span>
                <input class="g-input" type="date" name="to" prop:value=move || view.get().to.to_string() on:change=set_to/>
            </label>
            <div class="g-dash-presets" role="group" aria-label=move || i18n.t().dash().range_label>
                <button type="button" class="g-button g-button--small" on:click=move |_| preset(30)>{move || i18n.t().dash().preset_30}</button>
                <button type="button" class="g-button g-button--small" on:click=move |_| preset(90)>{move || i18n.t().dash().preset_90}</button>
                <button type="button" class="g-button g-button--small" on:click=quarter>{move || i18n.t().dash().preset_quarter}</button>
                <button type="button" class="g-button g-button--small" on:click=move |_| preset(365)>{move || i18n.t().dash().preset_year}</button>
                <button type="button" class="g-button g-button--small" on:click=all disabled=span.is_none()>{move || i18n.t().dash().preset_all}</button>
            </div>
            {move || span.map(|(a, b)| {
                let l = i18n.locale();
                view! { <p class="g-field__hint">{fill(i18n.t().dash().data_span, &[("from", &format::day(l, a)), ("to", &format::day(l, b))])}</p> }
            })}
        </fieldset>
        <fieldset class="g-dash-controls g-dash-channels">
            <legend>{move || i18n.t().dash().channels_label}</legend>
            <p class="g-field__hint">{move || i18n.t().dash().channels_hint}</p>
            <label class="g-check">
                <input type="checkbox" prop:checked=move || view.with(|v| v.channels.is_empty()) on:change=move |_| go.run(View { channels: Vec::new(), ..view.get_untracked() })/>
                {move || i18n.t().dash().channels_all}
            </label>
            {channels.into_iter().map(|(id, label)| {
                let checked_id = id.clone();
                view! {
                    <label class="g-check">
                        <input type="checkbox"
                            prop:checked=move || view.with(|v| v.channels.contains(&checked_id))
                            on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))/>
                        {label}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
