//! Accuracy of the sentiment scorer on labelled data (not part of the app): each file is
//! `id<TAB>mean human rating (−4…+4)<TAB>text` lines, as in the ground truth of Hutto &
//! Gilbert (ICWSM 2014) that `scripts/bench/sentiment.sh` fetches.
//!
//! ```text
//! cargo run --release --example sentiment_eval -- FILE...
//! ```
//!
//! Gold classes: rating > 0.5 positive, < −0.5 negative, otherwise neutral. Reported:
//! three-class accuracy (and the majority-class baseline), and polarity accuracy on the
//! clearly polar texts (|rating| ≥ 0.5), where a neutral prediction counts as wrong.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use gromada::domain::sentiment::{polarity, Polarity};
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: sentiment_eval FILE...");
        std::process::exit(2);
    }
    let (mut all_three, mut all_polar) = ((0usize, 0usize), (0usize, 0usize));
    println!("| data set | texts | 3-class accuracy | majority baseline | polar texts | polarity accuracy |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else {
            eprintln!("cannot read {file}");
            std::process::exit(1);
        };
        let text = String::from_utf8_lossy(&bytes);
        let (mut n, mut right, mut polar, mut polar_right) = (0, 0, 0, 0);
        let mut classes = [0usize; 3];
        for line in text.lines() {
            let mut parts = line.trim_end_matches('\r').splitn(3, '\t');
            let (Some(_), Some(rating), Some(body)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let Ok(rating) = rating.trim().parse::<f64>() else {
                continue;
            };
            let gold = if rating > 0.5 {
                Polarity::Positive
            } else if rating < -0.5 {
                Polarity::Negative
            } else {
                Polarity::Neutral
            };
            classes[gold as usize] += 1;
            let got = polarity(body);
            n += 1;
            right += usize::from(got == gold);
            if rating.abs() >= 0.5 {
                polar += 1;
                let sign_ok = (rating > 0.0 && got == Polarity::Positive)
                    || (rating < 0.0 && got == Polarity::Negative);
                polar_right += usize::from(sign_ok);
            }
        }
        let name = std::path::Path::new(file)
            .file_name()
            .map_or(file.clone(), |f| f.to_string_lossy().into_owned());
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        let majority = classes.iter().max().copied().unwrap_or(0);
        println!(
            "| {name} | {n} | {:.1} % | {:.1} % | {polar} | {:.1} % |",
            pct(right, n),
            pct(majority, n),
            pct(polar_right, polar)
        );
        all_three = (all_three.0 + right, all_three.1 + n);
        all_polar = (all_polar.0 + polar_right, all_polar.1 + polar);
    }
    let pct = |(a, b): (usize, usize)| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "| all | {} | {:.1} % | | {} | {:.1} % |",
        all_three.1,
        pct(all_three),
        all_polar.1,
        pct(all_polar)
    );
}
