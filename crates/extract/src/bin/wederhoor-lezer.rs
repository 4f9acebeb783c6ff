//! The reader in helper mode on its own, for tests and tools: one document from stdin, its
//! reading as JSON on stdout (see `wederhoor_extract::isolate`). The app and the `wederhoor`
//! command line use their own binary in helper mode instead.

fn main() {
    std::process::exit(wederhoor_extract::isolate::serve());
}
