// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Started as the document reader's child process: read one document and exit.
    wederhoor_extract::isolate::serve_if_asked();
    wederhoor_app::run()
}
