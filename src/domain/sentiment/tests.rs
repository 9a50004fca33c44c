//! Hand-checked cases of the scorer: polarity, negation, intensifiers, contrast,
//! emphasis, emoji, and Polish inflection.

use super::*;

fn pos(text: &str) {
    assert_eq!(
        polarity(text),
        Polarity::Positive,
        "{text}: {}",
        score(text)
    );
}
fn neg(text: &str) {
    assert_eq!(
        polarity(text),
        Polarity::Negative,
        "{text}: {}",
        score(text)
    );
}
fn neutral(text: &str) {
    assert_eq!(polarity(text), Polarity::Neutral, "{text}: {}", score(text));
}

#[test]
fn english_polarity_and_negation() {
    pos("Great update, thank you!");
    pos("The new dashboard is really helpful");
    neg("The app crashes every time I open it");
    neg("This is not good");
    neg("I don't like the new layout");
    pos("No problems at all since the update");
    neutral("The meeting is on Tuesday at 10");
    neutral("");
}

#[test]
fn polish_polarity_inflection_and_negation() {
    pos("Świetna aplikacja, polecam!");
    pos("Dziękuję za szybką pomoc");
    neg("Aplikacja nie działa od wczoraj");
    neg("Nie jest dobre");
    neg("To jest niedobre rozwiązanie");
    pos("Całkiem niezła ta nowa wersja");
    neg("Beznadziejna obsługa, tragedia");
    neg("Niestety ciągle są błędy");
    neutral("Spotkanie jest we wtorek");
}

#[test]
fn intensifiers_dampeners_and_emphasis_change_the_size() {
    assert!(score("very good") > score("good"));
    assert!(score("bardzo dobre") > score("dobre"));
    assert!(score("slightly good") < score("good"));
    assert!(score("troche slabe") > score("slabe"));
    assert!(score("good!!!") > score("good"));
    assert!(score("It is GOOD") > score("It is good"));
    // All capitals is not emphasis of one word.
    assert_eq!(score("IT IS GOOD"), score("it is good"));
    assert!(score("very bad") < score("bad"));
}

#[test]
fn after_a_contrast_the_second_part_wins() {
    neg("The design is nice but it crashes constantly");
    pos("Było kilka błędów, ale teraz działa świetnie");
}

#[test]
fn emoji_and_emoticons_count() {
    pos("🎉🎉");
    neg("👎");
    pos("ok :)");
    neg("hmm :(");
    assert!(score("thanks ❤️") > score("thanks"));
}

#[test]
fn scores_stay_between_minus_one_and_one() {
    let long = "amazing ".repeat(200);
    assert!(score(&long) <= 1.0 && score(&long) > 0.99);
    let long = "terrible ".repeat(200);
    assert!(score(&long) >= -1.0 && score(&long) < -0.99);
}

#[test]
fn polish_service_vocabulary() {
    pos("Bardzo uprzejma i profesjonalna obsługa");
    neg("Kolejna reklamacja, znowu usterka");
    neg("Niekompetentny support, oszukują klientów");
    neg("To jest nieakceptowalne");
    pos("Niezawodna aplikacja, ulubiona w domu");
}
