//! Numbers as Bulwark writes them, in the panels, on the map, on slides and on
//! the command line: one home for thousands separators and percentages.

/// A whole number with comma thousands separators, e.g. `1,134,000`.
pub fn thousands(v: f64) -> String {
    let digits = format!("{:.0}", v.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v.round() < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number typed into a field: spaces and comma thousands separators are
/// ignored, and the minus sign (U+2212) reads as a hyphen; `None` if what is
/// left is not a number.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    cleaned.parse().ok()
}

/// A field's number as it shows: a whole number from 1,000 with thousands
/// separators (`730,000`), anything else as egui shows it within `decimals`.
pub fn field_number(v: f64, decimals: std::ops::RangeInclusive<usize>) -> String {
    if v.abs() >= 1000.0 && v.fract() == 0.0 {
        thousands(v)
    } else {
        egui::emath::format_with_decimals_in_range(v, decimals)
    }
}

/// A figure as fits its size: thousands separators from 1,000, else at most two
/// decimals with trailing zeros dropped (`4.48`, `3`).
pub fn figure(v: f64) -> String {
    if v.abs() >= 1000.0 {
        thousands(v)
    } else {
        format!("{v:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    }
}

/// A share (0 to 1) as a percentage with one decimal, e.g. `13.6%`.
pub fn percent(share: f64) -> String {
    format!("{:.1}%", 100.0 * share)
}

/// A time to objective: in hours under two days (as RAND's Baltic games are
/// told, "36–60 hours"), in days with one decimal under ten, else whole days.
pub fn duration_days(days: f64) -> String {
    if !days.is_finite() || days < 0.0 {
        return "—".into();
    }
    let hours = days * 24.0;
    if hours < 1.0 {
        "under an hour".into()
    } else if days < 2.0 {
        format!("{hours:.0} hours")
    } else if days < 10.0 {
        format!("{days:.1} days")
    } else {
        format!("{days:.0} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_to_objective_read_in_hours_then_days() {
        assert_eq!(duration_days(0.01), "under an hour");
        assert_eq!(duration_days(0.3), "7 hours");
        assert_eq!(duration_days(1.5), "36 hours");
        assert_eq!(duration_days(4.34), "4.3 days");
        assert_eq!(duration_days(24.5), "24 days");
        assert_eq!(duration_days(f64::NAN), "—");
    }

    #[test]
    fn fields_show_thousands_and_read_them_back() {
        assert_eq!(field_number(730_000.0, 0..=3), "730,000");
        assert_eq!(field_number(0.25, 0..=3), "0.25");
        assert_eq!(parse_number("730,000"), Some(730_000.0));
        assert_eq!(parse_number(" 1 134 000 "), Some(1_134_000.0));
        assert_eq!(parse_number("\u{2212}2.5"), Some(-2.5));
        assert_eq!(parse_number("a lot"), None);
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(950.0), "950");
        assert_eq!(thousands(1500.0), "1,500");
        assert_eq!(thousands(1_134_000.0), "1,134,000");
        assert_eq!(thousands(-25_000.0), "-25,000");
    }

    #[test]
    fn figures_fit_their_size() {
        assert_eq!(figure(1_134_000.0), "1,134,000");
        assert_eq!(figure(4.48), "4.48");
        assert_eq!(figure(3.0), "3");
        assert_eq!(figure(0.25), "0.25");
    }

    #[test]
    fn percentages_have_one_decimal() {
        assert_eq!(percent(0.136), "13.6%");
        assert_eq!(percent(1.0), "100.0%");
    }
}
