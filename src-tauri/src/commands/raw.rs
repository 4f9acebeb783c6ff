//! Commands that receive a file's bytes as the raw IPC body (no JSON array of numbers), with
//! their metadata as base64-encoded JSON in one header.

use crate::error::CommandError;
use base64::Engine as _;
use serde::de::DeserializeOwned;
use tauri::ipc::{InvokeBody, Request};

/// The header carrying the metadata.
pub const META_HEADER: &str = "x-wederhoor-meta";

/// The raw bytes and the decoded metadata of a request.
pub fn bytes_and_meta<'a, T: DeserializeOwned>(
    request: &'a Request<'_>,
) -> Result<(&'a [u8], T), CommandError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(CommandError::bad_request("body"));
    };
    let header = request
        .headers()
        .get(META_HEADER)
        .ok_or_else(|| CommandError::bad_request(META_HEADER))?;
    let json = base64::engine::general_purpose::STANDARD
        .decode(header.as_bytes())
        .map_err(|_| CommandError::bad_request(META_HEADER))?;
    let meta = serde_json::from_slice(&json).map_err(|_| CommandError::bad_request(META_HEADER))?;
    Ok((bytes, meta))
}
