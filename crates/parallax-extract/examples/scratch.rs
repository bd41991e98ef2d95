use parallax_extract::{counts::find_counts, dates::find_dates};
fn ctx(text: &str, s: usize, e: usize) -> String {
    let mut a = s.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (e + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}[{}]{}", &text[a..s], &text[s..e], &text[e..b]).replace('\n', " ")
}
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = &args[1];
    for path in &args[2..] {
        let text = std::fs::read_to_string(path).unwrap();
        let published = std::fs::read_to_string(path.replace(".txt", ".date"))
            .ok()
            .and_then(|s| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok());
        if mode == "c" {
            for c in find_counts(&text) {
                println!(
                    "{} v={} q={:?} u={:?} c={:?}{}  || {}",
                    &text[c.start..c.end],
                    c.value,
                    c.qualifier.unwrap_or_default(),
                    c.unit,
                    c.category.unwrap_or_default(),
                    if c.vague { " VAGUE" } else { "" },
                    ctx(&text, c.start, c.end)
                );
            }
        } else {
            for d in find_dates(&text, published) {
                println!(
                    "{:?} {} {:?} {:?} || {}",
                    published,
                    &text[d.start..d.end],
                    d.value,
                    d.until,
                    ctx(&text, d.start, d.end)
                );
            }
        }
    }
}
