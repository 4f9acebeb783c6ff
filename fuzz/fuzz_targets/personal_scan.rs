//! The text scanners for the public version: personal details and unregistered names
//! (`personal::scan`) and the spellings of a name (`names::variants`), on arbitrary UTF-8.
//!
//! `variants` is given at most the first [`NAME_CHARS`] characters: it is meant for a party's
//! name, and its work grows steeply with the number of name parts (see FUZZING.md): on whole
//! fuzz inputs it ran at ~14 inputs a second, at 80 characters at ~80 a second.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use wederhoor_core::personal::{scan, KnownNames};

/// Longest name given to `variants`: "mr. drs. A.B.C. van den Berg-de Wit" fits. At 80
/// characters an input of initials, a prefix and many double-barrelled parts took 0.4 s.
const NAME_CHARS: usize = 40;

fn known() -> &'static KnownNames {
    static KNOWN: OnceLock<KnownNames> = OnceLock::new();
    KNOWN.get_or_init(|| KnownNames::new(["Gemeente Voorbeeldstad"]))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    wederhoor_fuzz::run(|| {
        let _ = scan(text, Some(known()));
        let _ = scan(text, None);
        let name = text
            .char_indices()
            .nth(NAME_CHARS)
            .map_or(text, |(end, _)| &text[..end]);
        let _ = wederhoor_core::names::variants(name, "verzoeker");
    });
});
