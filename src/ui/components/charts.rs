//! Chart builders shared by the survey results and the dashboard: bars, a gauge and
//! lines, styled alike, without JavaScript formatters (strict CSP).

use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisType, Tooltip, Trigger};
use charming::series::{Bar, Gauge, Line};
use charming::Chart;

/// The palette: the brand colour first (each ≥ 4.5:1 on white).
pub const COLORS: [&str; 6] = [
    "#1d4ed8", "#b45309", "#15803d", "#7c3aed", "#b91c1c", "#0e7490",
];

/// The palette as chart colours.
pub fn palette() -> Vec<charming::element::Color> {
    COLORS
        .iter()
        .map(|c| charming::element::Color::from(*c))
        .collect()
}

fn base() -> Chart {
    Chart::new()
        .color(palette())
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(
            Grid::new()
                .left("3%")
                .right("4%")
                .top("12%")
                .bottom("3%")
                .contain_label(true),
        )
}

/// Bars of `values` labelled `labels` (horizontal bars read better for long labels).
pub fn bars(labels: Vec<String>, values: Vec<f64>, horizontal: bool) -> Chart {
    let category = Axis::new().type_(AxisType::Category).data(labels);
    let value = Axis::new().type_(AxisType::Value).min_interval(1.0);
    let chart = if horizontal {
        base().x_axis(value).y_axis(category.inverse(true))
    } else {
        base().x_axis(category).y_axis(value)
    };
    chart.series(Bar::new().data(values))
}

/// A gauge from `min` to `max` showing `value`.
pub fn gauge(value: f64, min: f64, max: f64, name: &str) -> Chart {
    Chart::new().color(palette()).series(
        Gauge::new()
            .min(min)
            .max(max)
            .split_number(4.0)
            .radius("90%")
            .data(vec![(value, name.to_owned())]),
    )
}

/// Lines over `labels`; a `None` is a gap.
pub fn lines(labels: Vec<String>, series: Vec<(String, Vec<Option<f64>>)>) -> Chart {
    let mut chart = base()
        .legend(Legend::new().top("0"))
        .x_axis(Axis::new().type_(AxisType::Category).data(labels))
        .y_axis(Axis::new().type_(AxisType::Value).scale(true));
    for (name, values) in series {
        let data: Vec<charming::datatype::DataPoint> = values
            .into_iter()
            .map(|v| match v {
                Some(v) => v.into(),
                None => "-".into(),
            })
            .collect();
        chart = chart.series(Line::new().name(name).data(data).connect_nulls(false));
    }
    chart
}
