//! The dossier file (`wederhoor-dossier/2`): any UTF-8 text parses or gives an error, and what
//! parses survives `to_json` and parses again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wederhoor_core::file::DossierFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    wederhoor_fuzz::run(|| {
        if let Ok(file) = DossierFile::parse(text) {
            let json = file.to_json();
            let again = DossierFile::parse(&json)
                .unwrap_or_else(|e| panic!("to_json of a parsed file does not parse: {e}"));
            assert_eq!(
                again.to_json(),
                json,
                "a second round trip changes the file"
            );
        }
    });
});
